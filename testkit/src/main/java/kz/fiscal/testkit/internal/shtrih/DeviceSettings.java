package kz.fiscal.testkit.internal.shtrih;

import java.time.Duration;
import java.util.Map;

/**
 * The registrar's link timing (docs/serial-shtrih.md §7.4).
 *
 * @param replyDelay wait before ACK/NAK and before replying to ENQ
 * @param byteTimeout {@code T_dev_byte}: the longest gap inside a received frame
 * @param confirmTimeout {@code T_confirm}: wait for the host's ACK/NAK after an answer
 * @param execTimes busy time per command code before its answer is ready
 * @param baud when positive, every byte sent is paced at 10 bit times of this rate and a received frame
 *     is answered no earlier than its length allows; 0 = no pacing
 */
public record DeviceSettings(Duration replyDelay, Duration byteTimeout, Duration confirmTimeout,
    Map<Integer, Duration> execTimes, int baud) {
  public DeviceSettings {
    execTimes = Map.copyOf(execTimes);
  }

  Duration execTime(int command) {
    return execTimes.getOrDefault(command, Duration.ZERO);
  }

  /** Nanoseconds one byte takes on the line (8N1: 10 bits), 0 without pacing. */
  long byteNanos() {
    return baud > 0 ? 10_000_000_000L / baud : 0;
  }
}
