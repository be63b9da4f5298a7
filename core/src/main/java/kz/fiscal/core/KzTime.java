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

  /**
   * Checks that {@code time} is a plausible fiscal time, years 1970 to 9999, which every offset can
   * carry without overflowing.
   *
   * @throws IllegalArgumentException naming {@code field} otherwise
   */
  public static OffsetDateTime requirePlausible(OffsetDateTime time, String field) {
    int year = time.getYear();
    if (year < 1970 || year > 9999) {
      throw new IllegalArgumentException(field + " must be between the years 1970 and 9999, was " + time);
    }
    return time;
  }

  /** The same instant as {@code time}, at +05:00. */
  public static OffsetDateTime of(OffsetDateTime time) {
    return time.withOffsetSameInstant(OFFSET);
  }
}
