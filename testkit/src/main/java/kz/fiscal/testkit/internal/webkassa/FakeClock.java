package kz.fiscal.testkit.internal.webkassa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** An injected clock plus an offset that tests move forward. Thread-safe. */
public final class FakeClock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public FakeClock(Clock base) {
    this.base = base;
  }

  public Instant now() {
    return base.instant().plus(offset.get());
  }

  /** Moves the clock forward by {@code d}, which must not be negative. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, got " + d);
    }
    offset.accumulateAndGet(d, Duration::plus);
  }
}
