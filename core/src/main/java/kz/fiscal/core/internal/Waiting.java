package kz.fiscal.core.internal;

import java.time.Duration;
import java.time.Instant;

/** Waiting bounded by a deadline on the system clock. */
final class Waiting {
  private Waiting() {}

  /** Nanoseconds from now until {@code deadline}: 0 when past, saturated beyond what a long holds. */
  static long nanosUntil(Instant deadline) {
    try {
      return Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
    } catch (ArithmeticException e) {
      return deadline.isBefore(Instant.now()) ? 0 : Long.MAX_VALUE;
    }
  }
}
