package kz.fiscal.cloud.webkassa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import kz.fiscal.core.KzTime;
import org.junit.jupiter.api.Test;

class ProviderTimeTest {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  @Test
  void theProvidersLocalTimeIsKazakhstanTime() {
    assertEquals(OffsetDateTime.of(2024, 3, 1, 9, 5, 7, 0, KzTime.OFFSET), ProviderTime.parse("01.03.2024 09:05:07"));
  }

  @Test
  void everyDayOfTwoYearsReadsAsTheFormatterReadsIt() {
    for (LocalDate day = LocalDate.of(2023, 1, 1); day.getYear() < 2025; day = day.plusDays(1)) {
      String text = day.atTime(23, 59, 58).format(LOCAL);
      assertEquals(LocalDateTime.parse(text, LOCAL).atOffset(KzTime.OFFSET), ProviderTime.parse(text), text);
    }
  }

  @Test
  void datesTheDigitsCannotNameAreLeftToTheFormattersRules() {
    for (String text : List.of("29.02.2023 10:00:00", "31.04.2024 10:00:00", "30.02.2024 00:00:00")) {
      assertEquals(LocalDateTime.parse(text, LOCAL).atOffset(KzTime.OFFSET), ProviderTime.parse(text), text);
    }
    for (String text : List.of("00.01.2024 10:00:00", "01.13.2024 10:00:00", "01.01.2024 24:00:01",
        "01.01.2024 10:60:00", "01.01.2024 10:00:60", "0a.01.2024 10:00:00", "01.01.2024T10:00:00")) {
      assertThrows(DateTimeParseException.class, () -> ProviderTime.parse(text), text);
    }
  }

  @Test
  void isoTimesWithAnOffsetAreMovedToKazakhstanTime() {
    assertEquals(OffsetDateTime.of(2024, 3, 1, 14, 0, 0, 0, KzTime.OFFSET), ProviderTime.parse("2024-03-01T09:00:00Z"));
  }
}
