package kz.fiscal.serial.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import kz.fiscal.serial.SerialLink;

/**
 * Byte-at-a-time reading of a {@link SerialLink} with deadlines on the host's clock, and the control
 * primitives of docs/serial-shtrih.md §1.5 built on it. Not thread-safe: the link's one owner uses it.
 */
final class LinkReader {
  /** What {@link #control} saw first. */
  enum Control { ACK, NAK, STX, TIMEOUT }

  private static final System.Logger LOG = System.getLogger(HostLink.class.getName());

  private final SerialLink link;
  private final Clock clock;
  private final byte[] buffer = new byte[256];
  private int position;
  private int limit;

  LinkReader(SerialLink link, Clock clock) {
    this.link = link;
    this.clock = clock;
  }

  Instant after(Duration d) {
    return clock.instant().plus(d);
  }

  Instant now() {
    return clock.instant();
  }

  /** The next byte, waiting until {@code deadline}; empty when it passed first. */
  OptionalInt next(Instant deadline) throws IOException {
    if (position == limit) {
      limit = link.read(buffer, deadline);
      position = 0;
      if (limit == 0) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(buffer[position++] & 0xFF);
  }

  /**
   * The first ACK, NAK or STX within {@code timeout}; every other byte (line noise, {@code FF}) is
   * discarded and logged.
   */
  Control control(Duration timeout) throws IOException {
    Instant deadline = after(timeout);
    ByteArrayOutputStream skipped = new ByteArrayOutputStream();
    try {
      while (true) {
        OptionalInt b = next(deadline);
        if (b.isEmpty()) {
          return Control.TIMEOUT;
        }
        switch (b.getAsInt()) {
          case FrameCodec.ACK: return Control.ACK;
          case FrameCodec.NAK: return Control.NAK;
          case FrameCodec.STX: return Control.STX;
          default: skipped.write(b.getAsInt());
        }
      }
    } finally {
      logDiscarded("while waiting for a control byte", skipped);
    }
  }

  /** Waits until {@code deadline} for STX, discarding (and logging) anything else. */
  boolean awaitStx(Instant deadline) throws IOException {
    ByteArrayOutputStream skipped = new ByteArrayOutputStream();
    try {
      while (true) {
        OptionalInt b = next(deadline);
        if (b.isEmpty()) {
          return false;
        }
        if (b.getAsInt() == FrameCodec.STX) {
          return true;
        }
        skipped.write(b.getAsInt());
      }
    } finally {
      logDiscarded("while waiting for an answer", skipped);
    }
  }

  /** Discards the bytes already received, for at most {@code limit} when the line keeps babbling. */
  void discardPending(Duration limit) throws IOException {
    discardUntilQuiet(Duration.ZERO, limit, "before the probe");
  }

  /**
   * Discards input until nothing has arrived for {@code quiet} (the rest of a broken answer), or until
   * {@code limit} has passed, so that a line that never falls quiet cannot hold the host.
   */
  void discardUntilQuiet(Duration quiet, Duration limit, String when) throws IOException {
    Instant end = after(limit);
    ByteArrayOutputStream skipped = new ByteArrayOutputStream();
    for (OptionalInt b = next(after(quiet)); b.isPresent(); b = next(after(quiet))) {
      skipped.write(b.getAsInt());
      if (now().isAfter(end)) {
        break;
      }
    }
    logDiscarded(when, skipped);
  }

  private static void logDiscarded(String when, ByteArrayOutputStream skipped) {
    if (skipped.size() > 0) {
      LOG.log(System.Logger.Level.DEBUG, () -> "discarded " + skipped.size() + " byte(s) " + when + ": "
          + FrameCodec.hex(skipped.toByteArray()));
    }
  }
}
