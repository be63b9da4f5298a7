package kz.fiscal.core;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Kazakhstan's civil time: the fixed offset +05:00 for the whole country since 2024-03-01. A zone id
 * such as Asia/Almaty is deliberately not used: older time-zone data still says +06 there.
 */
public final class KzTime {
  /** UTC+05:00. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(5);

  private KzTime() {}

  /** The current time on {@code clock}, at +05:00. */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), OFFSET);
  }

  /** The same instant as {@code time}, at +05:00. */
  public static OffsetDateTime of(OffsetDateTime time) {
    return time.withOffsetSameInstant(OFFSET);
  }
}
