package kz.fiscal.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import kz.fiscal.serial.internal.ByteQueue;

/**
 * Two ends of an in-memory serial line: a {@link SerialLink} for the host and a pair of blocking JDK
 * streams for the device (what a virtual registrar reads and writes). Thread-safe: the host and the
 * device run on their own threads. Bytes are delivered in order, immediately and without loss; faults
 * belong to the device at the other end. Closing the pair is unplugging the cable: the host's link
 * throws, the device's input stream ends.
 */
public final class InMemoryLinkPair implements AutoCloseable {
  private final ByteQueue toDevice;
  private final ByteQueue toHost;
  private final SerialLink host;

  private InMemoryLinkPair(Clock clock) {
    toDevice = new ByteQueue(clock);
    toHost = new ByteQueue(clock);
    host = new HostEnd();
  }

  /** A new pair whose host link measures deadlines on the system clock. */
  public static InMemoryLinkPair open() {
    return open(Clock.systemUTC());
  }

  /** A new pair whose host link measures read deadlines on {@code clock}. */
  public static InMemoryLinkPair open(Clock clock) {
    return new InMemoryLinkPair(Objects.requireNonNull(clock, "clock"));
  }

  /** The host's end; closing it closes the whole pair. */
  public SerialLink host() {
    return host;
  }

  /** What the host wrote, for the device to read; blocks until a byte arrives, -1 once closed. */
  public InputStream deviceInput() {
    return toDevice.inputStream();
  }

  /** Where the device writes bytes for the host; throws {@link IOException} once closed. */
  public OutputStream deviceOutput() {
    return toHost.outputStream();
  }

  /** Unplugs the line: both directions close; idempotent. */
  @Override
  public void close() {
    toDevice.close();
    toHost.close();
  }

  private final class HostEnd implements SerialLink {
    @Override
    public void write(byte[] bytes) throws IOException {
      toDevice.put(bytes, 0, bytes.length);
    }

    @Override
    public int read(byte[] buffer, Instant deadline) throws IOException {
      return toHost.take(buffer, deadline);
    }

    @Override
    public void close() {
      InMemoryLinkPair.this.close();
    }
  }
}
