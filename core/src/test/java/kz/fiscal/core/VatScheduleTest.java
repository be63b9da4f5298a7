package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class VatScheduleTest {
  private static final VatSchedule DEFAULTS = VatSchedule.defaults();
  private static final LocalDate LAST_DAY_OF_2025 = LocalDate.of(2025, 12, 31);
  private static final LocalDate FIRST_DAY_OF_2026 = LocalDate.of(2026, 1, 1);

  @Test
  void twelvePercentIsValidUntilTheEndOf2025Only() {
    assertTrue(DEFAULTS.isAllowed(VatRate.TWELVE, LAST_DAY_OF_2025));
    assertFalse(DEFAULTS.isAllowed(VatRate.TWELVE, FIRST_DAY_OF_2026));
  }

  @Test
  void sixteenPercentIsValidFrom2026Only() {
    assertFalse(DEFAULTS.isAllowed(VatRate.SIXTEEN, LAST_DAY_OF_2025));
    assertTrue(DEFAULTS.isAllowed(VatRate.SIXTEEN, FIRST_DAY_OF_2026));
    assertTrue(DEFAULTS.isAllowed(VatRate.SIXTEEN, LocalDate.of(2030, 6, 1)));
  }

  @Test
  void fivePercentIsValidIn2026AndNotIn2027() {
    assertFalse(DEFAULTS.isAllowed(VatRate.FIVE, LAST_DAY_OF_2025));
    assertTrue(DEFAULTS.isAllowed(VatRate.FIVE, FIRST_DAY_OF_2026));
    assertTrue(DEFAULTS.isAllowed(VatRate.FIVE, LocalDate.of(2026, 12, 31)));
    assertFalse(DEFAULTS.isAllowed(VatRate.FIVE, LocalDate.of(2027, 1, 1)));
  }

  @Test
  void tenPercentIsValidIn2026And2027() {
    assertFalse(DEFAULTS.isAllowed(VatRate.TEN, LAST_DAY_OF_2025));
    assertTrue(DEFAULTS.isAllowed(VatRate.TEN, FIRST_DAY_OF_2026));
    assertTrue(DEFAULTS.isAllowed(VatRate.TEN, LocalDate.of(2027, 7, 1)));
  }

  @Test
  void zeroAndNoVatAreAlwaysValid() {
    for (LocalDate date : new LocalDate[] {LocalDate.of(2020, 1, 1), LAST_DAY_OF_2025, LocalDate.of(2040, 1, 1)}) {
      assertTrue(DEFAULTS.isAllowed(VatRate.ZERO, date));
      assertTrue(DEFAULTS.isAllowed(VatRate.NO_VAT, date));
    }
  }

  @Test
  void allowedOnListsTheRatesOfADate() {
    assertEquals(EnumSet.of(VatRate.NO_VAT, VatRate.ZERO, VatRate.TWELVE), DEFAULTS.allowedOn(LAST_DAY_OF_2025));
    assertEquals(EnumSet.of(VatRate.NO_VAT, VatRate.ZERO, VatRate.FIVE, VatRate.TEN, VatRate.SIXTEEN),
        DEFAULTS.allowedOn(FIRST_DAY_OF_2026));
    assertEquals(EnumSet.of(VatRate.NO_VAT, VatRate.ZERO, VatRate.TEN, VatRate.SIXTEEN),
        DEFAULTS.allowedOn(LocalDate.of(2027, 1, 1)));
  }

  @Test
  void aUserScheduleReplacesTheDefault() {
    VatSchedule law2028 = VatSchedule.builder()
        .allowAlways(VatRate.NO_VAT)
        .allow(VatRate.SIXTEEN, FIRST_DAY_OF_2026, LocalDate.of(2027, 12, 31))
        .allowFrom(VatRate.TWELVE, LocalDate.of(2028, 1, 1))
        .build();

    assertTrue(law2028.isAllowed(VatRate.TWELVE, LocalDate.of(2028, 1, 1)));
    assertFalse(law2028.isAllowed(VatRate.SIXTEEN, LocalDate.of(2028, 1, 1)));
    assertFalse(law2028.isAllowed(VatRate.ZERO, FIRST_DAY_OF_2026));
    assertFalse(law2028.isAllowed(VatRate.TWELVE, LAST_DAY_OF_2025));
    assertEquals(EnumSet.of(VatRate.NO_VAT, VatRate.SIXTEEN), law2028.allowedOn(FIRST_DAY_OF_2026));
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VatSchedule.builder().allow(VatRate.TEN, FIRST_DAY_OF_2026, LAST_DAY_OF_2025));
    assertEquals("VAT period for TEN starts 2026-01-01 after it ends 2025-12-31", e.getMessage());
  }
}
