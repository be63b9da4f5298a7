package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rounding rules of docs/serial-shtrih.md §2.1 with its examples. */
class ArithmeticTest {
  @Test
  void lineSumRoundsThousandthsHalfUp() {
    assertEquals(30000, Arithmetic.lineSum(2000, 15000));
    assertEquals(1, Arithmetic.lineSum(500, 1));
    assertEquals(0, Arithmetic.lineSum(499, 1));
  }

  @Test
  void vatIncludedMatchesTheSpecExamples() {
    assertEquals(4138, Arithmetic.vatIncluded(30000, 1600));
    assertEquals(2069, Arithmetic.vatIncluded(15000, 1600));
    assertEquals(3214, Arithmetic.vatIncluded(30000, 1200));
    assertEquals(1429, Arithmetic.vatIncluded(30000, 500));
    assertEquals(0, Arithmetic.vatIncluded(30000, 0));
  }
}
