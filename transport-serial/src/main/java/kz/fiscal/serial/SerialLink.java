package kz.fiscal.serial;

import java.io.IOException;
import java.time.Instant;

/**
 * A byte pipe to one serial device: write bytes, read what has arrived with a deadline, close. One
 * thread owns a link at a time (the protocol is strictly half-duplex master/slave), so implementations
 * need not be thread-safe except for {@link #close()}, which may be called from any thread and makes
 * a blocked {@link #read} return or throw promptly.
 *
 * <p>A link knows nothing about frames: one read is not one frame, and callers loop until they have
 * what they need or their deadline passes. Failures of the line itself (port closed, device unplugged)
 * are {@link IOException}s; silence is not a failure and shows as a read of zero bytes.
 */
public interface SerialLink extends AutoCloseable {
  /**
   * Sends every byte of {@code bytes}, in order, before returning.
   *
   * @throws IOException when the link is closed or the port fails
   */
  void write(byte[] bytes) throws IOException;

  /**
   * Waits until at least one byte has arrived or {@code deadline} has passed, then copies up to
   * {@code buffer.length} of the bytes that have arrived into {@code buffer}. Bytes already waiting
   * are returned at once even when the deadline has passed, so a deadline of "now" drains pending
   * input without waiting.
   *
   * @return how many bytes were copied; 0 only when the deadline passed with nothing received
   * @throws IOException when the link is closed or the port fails
   */
  int read(byte[] buffer, Instant deadline) throws IOException;

  /** Closes the link; idempotent. Reads and writes after it throw {@link IOException}. */
  @Override
  void close();
}
