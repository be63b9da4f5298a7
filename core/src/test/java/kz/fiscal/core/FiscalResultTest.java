package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FiscalResultTest {
  private static final Ofd KAZAKHTELECOM = new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz");

  private static FiscalResult.Builder result() {
    return FiscalResult.builder()
        .fiscalSign("2748193650")
        .checkNumber(17)
        .shiftNumber(42)
        .rnm("010100012345")
        .dateTime(OffsetDateTime.of(2026, 3, 2, 10, 15, 30, 0, ZoneOffset.ofHours(5)))
        .total(Tenge.of("4574.41"))
        .ofd(KAZAKHTELECOM);
  }

  @Test
  void dateTimeIsNormalisedToPlusFiveHours() {
    FiscalResult fromUtc = result().dateTime(OffsetDateTime.of(2026, 3, 2, 5, 15, 30, 0, ZoneOffset.UTC)).build();
    FiscalResult fromPlusSix =
        result().dateTime(OffsetDateTime.of(2026, 3, 2, 11, 15, 30, 0, ZoneOffset.ofHours(6))).build();

    OffsetDateTime expected = OffsetDateTime.of(2026, 3, 2, 10, 15, 30, 0, ZoneOffset.ofHours(5));
    assertEquals(expected, fromUtc.dateTime());              // 05:15:30Z + 5 h
    assertEquals(expected, fromPlusSix.dateTime());          // 11:15:30+06 - 1 h
    assertEquals(fromUtc, fromPlusSix);
  }

  @Test
  void returnBasisCarriesSignDateRnmTotalAndOfflineFlag() {
    FiscalResult sale = result().offline(true).registerSerial("SWK00012345").build();

    ReturnBasis basis = sale.toReturnBasis();

    assertEquals(new ReturnBasis("2748193650", OffsetDateTime.of(2026, 3, 2, 10, 15, 30, 0, ZoneOffset.ofHours(5)),
        "010100012345", Tenge.of("4574.41"), true), basis);
    assertFalse(result().build().toReturnBasis().offline());
  }

  @Test
  void resultWithoutFiscalSignNeedsAttentionAndCannotBeReturnedAgainst() {
    FiscalResult unknown = result().fiscalSign(null).build();

    assertTrue(unknown.needsAttention());
    assertFalse(result().build().needsAttention());
    IllegalStateException e = assertThrows(IllegalStateException.class, unknown::toReturnBasis);
    assertEquals("Check 17 of shift 42 has no known fiscal sign", e.getMessage());
  }

  @Test
  void fiscalSignThatIsNotDecimalDigitsIsRejected() {
    IllegalArgumentException letters =
        assertThrows(IllegalArgumentException.class, () -> result().fiscalSign("27481A3650").build());
    assertEquals("Fiscal sign must be decimal digits, was '27481A3650'", letters.getMessage());
    assertThrows(IllegalArgumentException.class, () -> result().fiscalSign("").build());
    assertThrows(IllegalArgumentException.class, () -> result().fiscalSign("-2748193650").build());
    assertThrows(IllegalArgumentException.class, () -> result().fiscalSign("2748 193650").build());
  }
}
