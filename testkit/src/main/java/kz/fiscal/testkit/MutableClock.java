package kz.fiscal.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with its base clock and that tests set or move forward. Thread-safe; copies made
 * by {@link #withZone} share the same time. Its zone is the fixed offset +05:00 (Kazakhstan) unless
 * another is asked for.
 */
public final class MutableClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  private MutableClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
    this.base = base;
    this.offset = offset;
    this.zone = zone;
  }

  /** A clock that shows {@code base}'s time until it is set or advanced. */
  public static MutableClock of(Clock base) {
    return new MutableClock(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO),
        ZoneOffset.ofHours(5));
  }

  /** From now on the clock shows {@code now}, and runs on from there. */
  public void set(Instant now) {
    offset.set(Duration.between(base.instant(), Objects.requireNonNull(now, "now")));
  }

  /**
   * Moves the clock forward by {@code d}.
   *
   * @throws IllegalArgumentException when {@code d} is negative
   */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("advance moves forward only, got " + d);
    }
    offset.accumulateAndGet(d, Duration::plus);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(base, offset, Objects.requireNonNull(zone, "zone"));
  }
}
