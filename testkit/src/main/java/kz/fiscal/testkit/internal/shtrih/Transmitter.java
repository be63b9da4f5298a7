package kz.fiscal.testkit.internal.shtrih;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import kz.fiscal.testkit.VirtualRegistrar.Direction;

/**
 * The device's send side: control replies after the reply delay, answers with the transmission faults
 * (corrupted LRC, truncation, a gap), line noise before the next reply, and pacing at the configured
 * rate on a {@code nanoTime} schedule that does not drift. Every transmission is logged. Used by the
 * device thread only.
 */
final class Transmitter {
  /** How one answer transmission is damaged; {@link #INTACT} for none. */
  record Damage(boolean corruptLrc, int truncateAfter, int gapAfter, long gapNanos) {
    static final Damage INTACT = new Damage(false, -1, -1, 0);
  }

  private final OutputStream out;
  private final LineInput in;
  private final WireLog log;
  private final DeviceSettings settings;
  private final Random noiseSource = new Random(0x5A5A);
  private int pendingNoise;

  Transmitter(OutputStream out, LineInput in, WireLog log, DeviceSettings settings) {
    this.out = out;
    this.in = in;
    this.log = log;
    this.settings = settings;
  }

  /** {@code count} noise bytes go out before the next reply. */
  void addNoise(int count) {
    pendingNoise += count;
  }

  /** ACK or NAK, after the reply delay. */
  void reply(int control) {
    in.pauseUntil(System.nanoTime() + settings.replyDelay().toNanos());
    noise();
    send(new byte[] {(byte) control});
  }

  /**
   * Sends the answer frame {@code frame} as {@code damage} says.
   *
   * @return false when it was truncated (the rest never went out)
   */
  boolean answer(byte[] frame, Damage damage) {
    noise();
    byte[] wire = frame.clone();
    if (damage.corruptLrc()) {
      wire[wire.length - 1] ^= (byte) 0xFF;
    }
    if (damage.truncateAfter() >= 0 && damage.truncateAfter() < wire.length) {
      send(Arrays.copyOf(wire, damage.truncateAfter()));
      return false;
    }
    if (damage.gapAfter() >= 0 && damage.gapAfter() < wire.length) {
      send(Arrays.copyOf(wire, damage.gapAfter()));
      in.pauseUntil(System.nanoTime() + damage.gapNanos());
      send(Arrays.copyOfRange(wire, damage.gapAfter(), wire.length));
      return true;
    }
    send(wire);
    return true;
  }

  private void noise() {
    if (pendingNoise == 0) {
      return;
    }
    byte[] junk = new byte[pendingNoise];
    for (int i = 0; i < junk.length; i++) {
      int b = i % 2 == 0 ? 0xFF : noiseSource.nextInt(256);
      while (b == ShtrihBytes.STX || b == ShtrihBytes.ENQ || b == ShtrihBytes.ACK || b == ShtrihBytes.NAK) {
        b = noiseSource.nextInt(256);
      }
      junk[i] = (byte) b;
    }
    pendingNoise = 0;
    send(junk);
  }

  private void send(byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    log.add(Direction.DEVICE_TO_HOST, bytes);
    try {
      long byteNanos = settings.byteNanos();
      if (byteNanos == 0) {
        out.write(bytes);
        out.flush();
        return;
      }
      long start = System.nanoTime();
      for (int k = 0; k < bytes.length; k++) {
        in.pauseUntil(start + k * byteNanos);
        out.write(bytes[k]);
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the line to the host failed", e);
    }
  }
}
