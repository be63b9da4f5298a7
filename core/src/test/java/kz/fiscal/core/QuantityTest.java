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

class QuantityTest {

  @Test
  void scaleIsNormalisedSoEqualQuantitiesAreEqual() {
    assertEquals(Quantity.of("1.50"), Quantity.of("1.5"));
    assertEquals(Quantity.of("2"), Quantity.of(2));
    assertEquals("1.5", Quantity.of("1.500").toString());
    assertEquals("100", Quantity.of("100.000").toString());
  }

  @Test
  void zeroAndNegativeAreRejectedNamingTheField() {
    assertEquals("Quantity must be greater than 0, was 0",
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("0")).getMessage());
    assertEquals("Quantity must be greater than 0, was -1.5",
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("-1.5")).getMessage());
  }

  @Test
  void moreThanThreeDecimalsAreRejectedNamingTheField() {
    assertEquals("Quantity must have at most 3 decimals (thousandths), was 0.0001",
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("0.0001")).getMessage());
  }

  @Test
  void aMegabyteOfDigitsIsRefusedBeforeParsing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantity.of("9".repeat(1 << 20)));
    assertEquals("Quantity must be a decimal number of at most 100 characters, was '" + "9".repeat(40)
        + "'… (1048576 characters)", e.getMessage());
  }

  @Test
  void wholenessIsKnown() {
    assertTrue(Quantity.of("3.000").isWhole());
    assertFalse(Quantity.of("0.5").isWhole());
  }

  @Property
  void textRoundTripIsExact(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long thousandths) {
    Quantity q = Quantity.of(BigDecimal.valueOf(thousandths, 3));
    assertEquals(q, Quantity.of(q.toString()));
    assertEquals(0, q.value().compareTo(BigDecimal.valueOf(thousandths, 3)));
  }
}
