package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TengeTest {

  @Test
  void scaleIsNormalisedSoEqualAmountsAreEqual() {
    assertEquals(Tenge.of("1.50"), Tenge.of("1.5"));
    assertEquals(Tenge.of("1.50"), Tenge.of("1.500"));
    assertEquals(Tenge.of("500.00"), Tenge.of(new BigDecimal("5E+2")));
    assertEquals("1.50", Tenge.of("1.5").toString());
    assertEquals(2, Tenge.of("7").amount().scale());
  }

  @Test
  void negativeAmountIsRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tenge.of("-0.01"));
    assertEquals("Tenge amount must not be negative, was -0.01", e.getMessage());
  }

  @Test
  void amountFinerThanATiynIsRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tenge.of("1.005"));
    assertEquals("Tenge amount must have at most 2 decimals (tiyn), was 1.005", e.getMessage());
  }

  @Test
  void textThatIsNoNumberIsRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tenge.of("12,50"));
    assertEquals("Tenge amount must be a decimal number, was '12,50'", e.getMessage());
  }

  @Test
  void aMegabyteOfDigitsIsRefusedBeforeParsingQuotingOnlyItsStart() {
    String digits = "1".repeat(1 << 20);
    long start = System.nanoTime();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tenge.of(digits));

    assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    assertEquals("Tenge amount must be a decimal number of at most 100 characters, was '"
        + "1".repeat(40) + "'… (1048576 characters)", e.getMessage());
  }

  @Test
  void aHundredCharactersAreStillParsed() {
    assertEquals(Tenge.of("1.00"), Tenge.of(" ".repeat(96) + "1.00"));
  }

  @Test
  void controlCharactersInTheInputAreEscapedInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tenge.of("12\n\u001b[31m50"));
    assertEquals("Tenge amount must be a decimal number, was '12\\u000a\\u001b[31m50'", e.getMessage());
  }

  @Test
  void aHugeValueIsShownByItsStartAndDigitCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tenge.of(new java.math.BigDecimal("-" + "9".repeat(20_000))));
    assertEquals("Tenge amount must not be negative, was -" + "9".repeat(39) + "… (20000 digits)", e.getMessage());
  }

  @Test
  void tiynConvertBothWays() {
    assertEquals(Tenge.of("500.00"), Tenge.ofTiyn(50_000));
    assertEquals(123L, Tenge.of("1.23").toTiyn());
  }

  @Test
  void minusBelowZeroIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Tenge.of("1.00").minus(Tenge.of("1.01")));
  }

  @Test
  void timesRoundsHalfAwayFromZeroToTheTiyn() {
    assertEquals(Tenge.of("0.17"), Tenge.of("0.33").times(Quantity.of("0.5")));   // 0.165
    assertEquals(Tenge.of("0.16"), Tenge.of("0.33").times(Quantity.of("0.499"))); // 0.16467
    assertEquals(Tenge.of("375.38"), Tenge.of("250.25").times(Quantity.of("1.5"))); // 375.375
  }

  @Test
  void comparesByAmount() {
    assertTrue(Tenge.of("10").isGreaterThan(Tenge.of("9.99")));
    assertFalse(Tenge.of("10").isGreaterThan(Tenge.of("10.00")));
    assertTrue(Tenge.ZERO.isZero());
  }

  @Property
  void plusThenMinusGivesTheOriginal(@ForAll @LongRange(max = 1_000_000_000_00L) long a,
      @ForAll @LongRange(max = 1_000_000_000_00L) long b) {
    Tenge x = Tenge.ofTiyn(a);
    Tenge y = Tenge.ofTiyn(b);
    assertEquals(x, x.plus(y).minus(y));
    assertEquals(x.plus(y), y.plus(x));
    assertEquals(a + b, x.plus(y).toTiyn());
  }

  @Property
  void textRoundTripIsExact(@ForAll @LongRange(max = 1_000_000_000_00L) long tiyn) {
    Tenge amount = Tenge.ofTiyn(tiyn);
    assertEquals(amount, Tenge.of(amount.toString()));
    assertEquals(tiyn, amount.toTiyn());
  }

  @Property
  void timesOneIsIdentityAndTimesIsMonotonic(@ForAll @LongRange(max = 10_000_000_00L) long tiyn,
      @ForAll @LongRange(min = 1, max = 1_000_000) long thousandths) {
    Tenge price = Tenge.ofTiyn(tiyn);
    assertEquals(price, price.times(Quantity.ONE));
    Quantity q = Quantity.of(BigDecimal.valueOf(thousandths, 3));
    Quantity more = Quantity.of(BigDecimal.valueOf(thousandths + 1, 3));
    assertFalse(price.times(q).isGreaterThan(price.times(more)));
  }
}
