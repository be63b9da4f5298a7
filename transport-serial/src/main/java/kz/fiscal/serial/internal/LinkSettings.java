package kz.fiscal.serial.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The host's link timeouts and retry bounds (docs/serial-shtrih.md §1.5, §1.6). Immutable; every value is validated
 * when built. Tests scale the timeouts down to milliseconds; the defaults are those of docs/serial-shtrih.md §1.5 and §1.6.
 *
 * @param controlTimeout {@code T_ctl}: wait for the ACK/NAK answering ENQ or a frame
 * @param byteTimeout {@code T_byte}: longest gap between two bytes of an answer after STX
 * @param answerTimeout {@code T_answer} of the quick commands: wait for STX after the frame's ACK
 * @param longAnswerTimeout {@code T_answer} of the commands that print or talk to the OFD (85, FF45, E0,
 *     40, 41)
 * @param drainTimeout wait for a held answer the probe drains
 * @param busyMax {@code T_busy_max}: how long a device may keep answering ENQ with ACK after it
 *     accepted the frame
 * @param maxEnq consecutive ENQs without a reply before "no link"
 * @param maxNakCommand NAKs of one frame before {@code NOT_ACCEPTED}
 * @param maxNakAnswer bad answers NAKed before {@code UNKNOWN}
 * @param maxDrain stale answers one probe drains before {@code NOT_SENT}
 */
public record LinkSettings(Duration controlTimeout, Duration byteTimeout, Duration answerTimeout,
    Duration longAnswerTimeout, Duration drainTimeout, Duration busyMax, int maxEnq, int maxNakCommand,
    int maxNakAnswer, int maxDrain) {

  private static final Set<Integer> LONG_COMMANDS = Set.of(0x85, 0xFF45, 0xE0, 0x40, 0x41);

  /** @throws IllegalArgumentException when a timeout is not positive or a bound is below 1 */
  public LinkSettings {
    for (Duration d : new Duration[] {controlTimeout, byteTimeout, answerTimeout, longAnswerTimeout,
        drainTimeout, busyMax}) {
      if (Objects.requireNonNull(d, "timeout").isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, got " + d);
      }
    }
    if (maxEnq < 1 || maxNakCommand < 1 || maxNakAnswer < 1 || maxDrain < 1) {
      throw new IllegalArgumentException("retry bounds must be >= 1");
    }
  }

  /** The defaults of docs/serial-shtrih.md §1.5 and §1.6: 500 ms, 100 ms, 10 s, 30 s, 10 s, 120 s, 3, 3, 3, 3. */
  public static LinkSettings defaults() {
    return new LinkSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(120), 3, 3, 3, 3);
  }

  /** {@code T_answer} for {@code command} (docs/serial-shtrih.md §1.6). */
  public Duration answerTimeout(int command) {
    return LONG_COMMANDS.contains(command) ? longAnswerTimeout : answerTimeout;
  }

  /** A copy with {@code T_ctl} and {@code T_byte} replaced. */
  public LinkSettings withLineTimeouts(Duration control, Duration bytes) {
    return new LinkSettings(control, bytes, answerTimeout, longAnswerTimeout, drainTimeout, busyMax, maxEnq,
        maxNakCommand, maxNakAnswer, maxDrain);
  }

  /** A copy with both {@code T_answer}s, the drain wait and {@code T_busy_max} replaced. */
  public LinkSettings withAnswerTimeouts(Duration answer, Duration busy) {
    return new LinkSettings(controlTimeout, byteTimeout, answer, answer, answer, busy, maxEnq, maxNakCommand,
        maxNakAnswer, maxDrain);
  }
}
