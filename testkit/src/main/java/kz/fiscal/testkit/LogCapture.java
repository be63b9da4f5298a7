package kz.fiscal.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything logged through {@code System.Logger} (the SDK's only logging) while open, at
 * every level, so a test can assert that no secret or personal data reaches a log. Works when
 * {@code System.Logger} is backed by {@code java.util.logging}, the JDK's default. Close it to restore
 * the previous level. Thread-safe.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *   client.fiscalize(key, receipt);
 *   assertTrue(logs.lines().stream().noneMatch(line -> line.contains("buyer@example.kz")));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = Logger.getLogger("");
  private final Level previous;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage() + " "
          + (record.getParameters() == null ? "" : Arrays.asList(record.getParameters())) + " " + record.getThrown());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LogCapture() {
    previous = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(handler);
  }

  /** Starts capturing. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /**
   * Every record so far, one line each: level, logger, the message pattern, its parameters and the
   * exception, so a value shows whether or not the pattern was formatted.
   */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    root.removeHandler(handler);
    root.setLevel(previous);
  }
}
