package kz.fiscal.serial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import kz.fiscal.serial.SerialLink;

/**
 * A {@link SerialLink} over a blocking stream pair, such as a tty or pty opened as a file: a daemon pump
 * thread copies input into a {@link ByteQueue} so that reads can honour deadlines. Thread-safe as
 * {@link SerialLink} requires. The end of the input stream, or a read error, closes the link.
 */
public final class StreamSerialLink implements SerialLink {
  private final InputStream in;
  private final OutputStream out;
  private final ByteQueue received;

  private StreamSerialLink(InputStream in, OutputStream out, Clock clock, String name) {
    this.in = in;
    this.out = out;
    this.received = new ByteQueue(clock);
    Thread pump = new Thread(this::pump, name + "-rx");
    pump.setDaemon(true);
    pump.start();
  }

  /** A link reading {@code in} and writing {@code out}; deadlines are read on {@code clock}. */
  public static StreamSerialLink open(InputStream in, OutputStream out, Clock clock, String name) {
    return new StreamSerialLink(in, out, clock, name);
  }

  private void pump() {
    byte[] buffer = new byte[256];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received.put(buffer, 0, n);
      }
    } catch (IOException e) {
      // the port is gone or the link was closed: either way the link ends
    } finally {
      received.close();
    }
  }

  @Override
  public synchronized void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public int read(byte[] buffer, Instant deadline) throws IOException {
    return received.take(buffer, deadline);
  }

  @Override
  public void close() {
    received.close();
    try {
      out.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      in.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
