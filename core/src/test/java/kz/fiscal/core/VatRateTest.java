package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VatRateTest {

  @ParameterizedTest
  @CsvSource({
      "SIXTEEN, 1160.00, 160.00",
      "SIXTEEN, 1000.00, 137.93",
      "SIXTEEN, 0.29, 0.04",
      "TWELVE, 1120.00, 120.00",
      "TWELVE, 0.14, 0.02",
      "FIVE, 210.00, 10.00",
      "TEN, 0.11, 0.01",
      "ZERO, 999.99, 0.00",
      "NO_VAT, 999.99, 0.00",
  })
  void vatIsIncludedInTheSumRoundedHalfAwayFromZero(VatRate rate, String sum, String vat) {
    assertEquals(Tenge.of(vat), rate.vatIncludedIn(Tenge.of(sum)));
  }

  @ParameterizedTest
  @CsvSource({"0.14, 0.02", "1.26, 0.14", "0.42, 0.05"})
  void anExactHalfTiynRoundsUp(String sum, String vat) {
    // At 12 % the VAT is 3/28 of the sum: 0.14 -> 0.015, 1.26 -> 0.135, 0.42 -> 0.045 exactly.
    // (At 16 %, 10 % and 5 % no tiyn sum gives an exact half tiyn.)
    assertEquals(Tenge.of(vat), VatRate.TWELVE.vatIncludedIn(Tenge.of(sum)));
  }

  @Test
  void zeroIsAVatRateButNoVatIsNot() {
    assertEquals(VatRate.ZERO, VatRate.ofPercent(0));
    assertFalse(VatRate.NO_VAT.isVat());
    assertEquals(VatRate.SIXTEEN, VatRate.ofPercent(16));
    assertEquals("No VAT rate of 7 %", assertThrows(IllegalArgumentException.class, () -> VatRate.ofPercent(7)).getMessage());
  }
}
