package kz.fiscal.cloud.webkassa.internal;

import java.time.LocalDateTime;
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
      return LocalDateTime.parse(text, LOCAL).atOffset(KzTime.OFFSET);
    }
    return KzTime.of(OffsetDateTime.parse(text));
  }

  /** ISO-8601 at +05:00, as {@code ReturnBasisDetails.DateTime} takes it. */
  static String iso(OffsetDateTime time) {
    return KzTime.of(time).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
