package kz.fiscal.cloud.webkassa.internal;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kz.fiscal.core.KzTime;

/** The provider's date-times: {@code dd.MM.yyyy HH:mm:ss} in Kazakhstan time, or ISO-8601 with an offset. */
final class ProviderTime {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  private ProviderTime() {}

  /** @throws DateTimeParseException if {@code text} is neither form */
  static OffsetDateTime parse(String text) {
    if (text.length() == 19 && text.charAt(2) == '.') {
      LocalDateTime plain = plain(text);
      return (plain != null ? plain : LocalDateTime.parse(text, LOCAL)).atOffset(KzTime.OFFSET);
    }
    return KzTime.of(OffsetDateTime.parse(text));
  }

  /**
   * The common case of {@code dd.MM.yyyy HH:mm:ss} read digit by digit (every check's answer carries one,
   * and the formatter is the slower way to the same value); null for anything but a valid date and time,
   * which then goes through the formatter and its rules.
   */
  private static LocalDateTime plain(String text) {
    if (text.charAt(5) != '.' || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int day = number(text, 0, 2);
    int month = number(text, 3, 5);
    int year = number(text, 6, 10);
    int hour = number(text, 11, 13);
    int minute = number(text, 14, 16);
    int second = number(text, 17, 19);
    if (day < 1 || month < 1 || month > 12 || year < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second);
  }

  /** The decimal digits from {@code start} to {@code end}, or -1 when one is not a digit. */
  private static int number(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** ISO-8601 at +05:00, as {@code ReturnBasisDetails.DateTime} takes it. */
  static String iso(OffsetDateTime time) {
    return KzTime.of(time).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
