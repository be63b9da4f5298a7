package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.fiscal.core.internal.ReceiptDigest;
import kz.fiscal.core.internal.RecordCodec;
import org.junit.jupiter.api.Test;
import kz.fiscal.core.Violation.ViolationCode;

/** Which date's VAT rates a return carries, and that the journal keeps the rule with the receipt. */
class ReturnVatPolicyTest {
  private static final Seller SELLER = Seller.vatPayer("ТОО «Тест»", Xin.parse("150740001357"), "г. Алматы");
  /** A 2025 sale at 12 %, returned in February 2026 when the standard rate is 16 %. */
  private static final ReturnBasis SALE_OF_2025 = new ReturnBasis("3004567891",
      OffsetDateTime.parse("2025-12-20T14:00:00+05:00"), "620300145316", Tenge.of("112.00"), false);
  private static final OffsetDateTime RETURNED = OffsetDateTime.parse("2026-02-02T10:00:00+05:00");
  private static final ReceiptValidator VALIDATOR =
      ReceiptValidator.of(VatSchedule.defaults(), Clock.fixed(RETURNED.toInstant(), ZoneOffset.UTC));

  private static Receipt refund(VatRate rate, ReturnVatPolicy policy) {
    return Receipt.saleReturn(SELLER, SALE_OF_2025).operationTime(RETURNED).returnVatPolicy(policy)
        .item(Item.builder("Кофе").quantity("1").unitPrice("112.00").vat(rate).build())
        .payment(PaymentType.CARD, "112.00")
        .build();
  }

  private static List<ViolationCode> codes(List<Violation> violations) {
    return violations.stream().map(Violation::code).toList();
  }

  @Test
  void byDefaultAReturnCarriesTheOriginalSalesRate() {
    assertEquals(ReturnVatPolicy.ORIGINAL_SALE, Receipt.saleReturn(SELLER, SALE_OF_2025)
        .item("Кофе", "1", "112.00", VatRate.TWELVE).build().returnVatPolicy());
    assertEquals(List.of(), VALIDATOR.validate(refund(VatRate.TWELVE, ReturnVatPolicy.ORIGINAL_SALE)));
    assertEquals(List.of(ViolationCode.VAT_RATE_NOT_IN_FORCE),
        codes(VALIDATOR.validate(refund(VatRate.SIXTEEN, ReturnVatPolicy.ORIGINAL_SALE))));
  }

  @Test
  void aReturnOnTheReturnDatesRatesTakesTodaysRateAndRefusesTheOldOne() {
    assertEquals(List.of(), VALIDATOR.validate(refund(VatRate.SIXTEEN, ReturnVatPolicy.RETURN_DATE)));
    assertEquals(List.of(ViolationCode.VAT_RATE_NOT_IN_FORCE),
        codes(VALIDATOR.validate(refund(VatRate.TWELVE, ReturnVatPolicy.RETURN_DATE))));
  }

  @Test
  void aSendOnALaterDateJudgesTheOriginalSaleRateOnTheBasisDateStill() {
    LocalDate later = LocalDate.parse("2027-03-01");

    assertEquals(List.of(), VALIDATOR.vatRatesOn(refund(VatRate.TWELVE, ReturnVatPolicy.ORIGINAL_SALE), later));
    assertEquals("items[0].vat",
        VALIDATOR.vatRatesOn(refund(VatRate.TWELVE, ReturnVatPolicy.RETURN_DATE), later).get(0).path());
  }

  @Test
  void theJournalKeepsThePolicyWithTheReceiptAndItsDigestTellsThemApart() {
    Receipt onReturnDate = refund(VatRate.SIXTEEN, ReturnVatPolicy.RETURN_DATE);
    Receipt byDefault = refund(VatRate.SIXTEEN, ReturnVatPolicy.ORIGINAL_SALE);

    assertEquals(onReturnDate, RecordCodec.readReceipt(RecordCodec.writeReceipt(onReturnDate)));
    assertEquals(byDefault, RecordCodec.readReceipt(RecordCodec.writeReceipt(byDefault)));
    assertFalse(RecordCodec.writeReceipt(byDefault).contains("returnVatPolicy"), "the default is written as before");
    assertNotEquals(ReceiptDigest.of(onReturnDate), ReceiptDigest.of(byDefault));
  }
}
