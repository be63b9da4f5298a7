package kz.fiscal.testkit.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A {@link CrashWorker} running in a JVM of its own, its standard output and error kept in files (so a
 * {@code kill -9} loses nothing it flushed and a full pipe never blocks it). Not thread-safe.
 */
final class WorkerProcess {
  private static final String CLASS_PATH = classPath();

  private final Process process;
  private final Path out;
  private final Path err;
  private final String name;

  private WorkerProcess(Process process, Path out, Path err, String name) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.name = name;
  }

  /** Starts {@code CrashWorker args…}, logging to {@code logs/name.out} and {@code logs/name.err}. */
  static WorkerProcess start(Path logs, String name, String... args) throws IOException {
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx128m", "-cp", CLASS_PATH, CrashWorker.class.getName()));
    command.addAll(List.of(args));
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    String description = name + " " + String.join(" ", args).replace(logs.getParent().toString(), "DIR");
    return new WorkerProcess(process, out, err, description);
  }

  /** Waits until the worker said {@code ready}; false if it exited first or {@code timeout} passed. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (lines().contains("ready")) {
        return true;
      }
      if (!process.isAlive()) {
        return lines().contains("ready");
      }
      Thread.sleep(2);
    }
    return false;
  }

  /** {@code kill -9}: SIGKILL on Unix, whatever the worker is doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The exit code; a worker still running after {@code timeout} is killed and reported. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(name + " still ran after " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  /** The complete lines the worker printed; a line a kill cut short is left out. */
  List<String> lines() {
    try {
      String text = Files.readString(out, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String stderr() {
    try {
      return Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String describe() {
    return name;
  }

  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The parent's classes as a plain class path. Surefire runs a modular project's tests with testkit's
   * and core's classes on the module path ({@code jdk.module.path}) and the test classes patched into
   * testkit's module, so {@code java.class.path} alone lacks them: the module path and the locations of
   * the classes the worker needs are added.
   */
  static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    entries.add(root(CrashWorker.class));
    for (Class<?> needed : List.of(RecordingFiscalDriver.class, FiscalClient.class, JdbcConnectionPool.class)) {
      entries.add(root(needed));
    }
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The directory or jar a class was loaded from, found through its class file wherever it came from. */
  private static String root(Class<?> type) {
    String file = type.getName().replace('.', '/') + ".class";
    URL url = type.getResource("/" + file);
    if (url == null) {
      throw new IllegalStateException("Cannot find " + file);
    }
    String text = url.toString();
    if (text.startsWith("jar:file:")) {
      return Path.of(URI.create(text.substring(4, text.indexOf("!/")))).toString();
    }
    if (text.startsWith("file:")) {
      return Path.of(URI.create(text.substring(0, text.length() - file.length()))).toString();
    }
    throw new IllegalStateException(type + " was loaded from " + text + ", neither a directory nor a jar");
  }
}
