package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import kz.fiscal.core.internal.RecordCodec;
import org.junit.jupiter.api.Test;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Item.Principal;

/** What the validator accepts fits the providers and the journal: counts, texts, amounts and quantities. */
class ReceiptLimitsTest {
  private static final ReceiptValidator VALIDATOR = ReceiptValidator.defaults();
  private static final Xin SELLER_BIN = Xin.parse("150740001357");
  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", SELLER_BIN, "Алматы, пр. Абая, 1");
  private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-03-10T12:00+05:00");

  private static Receipt.Builder sale(Seller seller) {
    return Receipt.sale(seller).operationTime(TIME);
  }

  private static Receipt items(int count) {
    Receipt.Builder builder = sale(SELLER);
    for (int i = 0; i < count; i++) {
      builder.item("Хлеб", "1", "1.00", VatRate.SIXTEEN);
    }
    return builder.payment(PaymentType.CARD, Tenge.ofTiyn(count * 100L)).build();
  }

  private static List<String> violations(Receipt receipt) {
    return VALIDATOR.validate(receipt).stream().map(v -> v.code() + "@" + v.path()).toList();
  }

  @Test
  void aThousandItemsFitAndOneMoreIsTooMany() {
    assertEquals(List.of(), violations(items(1_000)));
    assertEquals(List.of("TOO_MANY@items"), violations(items(1_001)));
    assertEquals(List.of("TOO_MANY@items"), violations(items(8_000)));
  }

  @Test
  void aHundredCheckModifiersFitAndOneMoreIsTooMany() {
    Receipt.Builder builder = sale(SELLER).item("Хлеб", "1", "1000.00", VatRate.SIXTEEN);
    for (int m = 0; m < 101; m++) {
      builder.discount(Tenge.of("1.00"), "");
    }
    assertEquals(List.of("TOO_MANY@modifiers"), violations(builder.payment(PaymentType.CARD, "899.00").build()));
  }

  @Test
  void moreThanAThousandMarkingCodesAreTooManyAtTheItemThatPassesTheLimit() {
    Receipt.Builder builder = sale(SELLER);
    for (int i = 0; i < 3; i++) {
      Item.Builder item = Item.builder("Сигареты").quantity(Quantity.of(400)).unitPrice("1.00").vat(VatRate.SIXTEEN);
      for (int c = 0; c < 400; c++) {
        item.markingCode("0104600439931256215Nwc" + i + "-" + c);
      }
      builder.item(item.build());
    }
    assertEquals(List.of("TOO_MANY@items[2].markingCodes"),
        violations(builder.payment(PaymentType.CARD, "1200.00").build()));
  }

  @Test
  void aMegabyteSellerNameIsTooLongAnd255CharactersFit() {
    String megabyte = "Р".repeat(1 << 20);
    Seller huge = Seller.vatPayer(megabyte, SELLER_BIN, "а".repeat(256), new VatCertificate("1".repeat(51), "2"));

    assertEquals(List.of("TOO_LONG@seller.name", "TOO_LONG@seller.address", "TOO_LONG@seller.vatCertificate.series"),
        violations(sale(huge).item("Хлеб", "1", "1.00", VatRate.SIXTEEN).payment(PaymentType.CARD, "1.00").build()));
    Seller longest = Seller.vatPayer("Р".repeat(255), SELLER_BIN, "а".repeat(255));
    assertEquals(List.of(),
        violations(sale(longest).item("Хлеб", "1", "1.00", VatRate.SIXTEEN).payment(PaymentType.CARD, "1.00").build()));
  }

  @Test
  void violationMessagesSayTheLengthNeverTheText() {
    Seller huge = Seller.vatPayer("Р".repeat(1 << 20), SELLER_BIN, "Алматы");
    Violation violation = VALIDATOR.validate(
        sale(huge).item("Хлеб", "1", "1.00", VatRate.SIXTEEN).payment(PaymentType.CARD, "1.00").build()).get(0);

    assertEquals("has 1048576 characters, at most 255", violation.message());
  }

  @Test
  void principalNamesUnitNamesAndMarkingCodesHaveLimits() {
    Item item = Item.builder("Товар").unit(Unit.of(796, "ш".repeat(51))).unitPrice("1.00").vat(VatRate.SIXTEEN)
        .principal(new Principal("П".repeat(256), Xin.parse("131240010479"))).markingCode("0".repeat(256)).build();

    assertEquals(List.of("TOO_LONG@items[0].unit.name", "TOO_LONG@items[0].markingCodes[0]",
        "TOO_LONG@items[0].principal.name"),
        violations(sale(SELLER).item(item).payment(PaymentType.CARD, "1.00").build()));
  }

  @Test
  void amountsAboveTenBillionTengeAreTooLargeWhereTheyAre() {
    Tenge max = Tenge.of("9999999999.99");
    Tenge above = Tenge.of("10000000000.00");
    assertEquals(List.of(), violations(sale(SELLER).item(Item.builder("Дом").unitPrice(max).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, max).build()));

    Receipt receipt = sale(SELLER)
        .item(Item.builder("Дом").unitPrice(above).discount(above).markup(Tenge.of("1.00")).vat(VatRate.SIXTEEN).build())
        .markup(above, "")
        .payment(PaymentType.CARD, Tenge.of("10000000001.00"))
        .payment(PaymentType.CASH, above)
        .build();
    assertEquals(List.of("TOO_LARGE@items[0].unitPrice", "TOO_LARGE@items[0].discount", "TOO_LARGE@modifiers[0].amount",
        "TOO_LARGE@payments[0].amount", "TOO_LARGE@payments[1].amount", "TOO_LARGE@total"), violations(receipt));
  }

  @Test
  void aTwentyThousandDigitPriceIsRefusedByTheValidatorNotByTheJournal() {
    Tenge price = Tenge.of(new BigDecimal("9".repeat(20_000)));
    Receipt receipt = sale(SELLER).item(Item.builder("Дом").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price).build();

    List<Violation> found = VALIDATOR.validate(receipt);
    assertEquals(List.of("TOO_LARGE@items[0].unitPrice", "TOO_LARGE@payments[0].amount", "TOO_LARGE@total"),
        found.stream().map(v -> v.code() + "@" + v.path()).toList());
    assertEquals("has 20000 digits before the point, at most 9999999999.99", found.get(0).message());
  }

  @Test
  void aReturnBasisTotalHasTheSameLimit() {
    ReturnBasis basis = new ReturnBasis("3004567891", TIME.minusDays(1), "010101234567", Tenge.of("10000000000.00"), false);
    Receipt receipt = Receipt.saleReturn(SELLER, basis).operationTime(TIME).item("Хлеб", "1", "1.00", VatRate.SIXTEEN)
        .payment(PaymentType.CARD, "1.00").build();

    assertEquals(List.of("TOO_LARGE@returnBasis.total"), violations(receipt));
  }

  @Test
  void quantitiesAboveTheFiveByteThousandthsAreTooLarge() {
    Item fits = Item.builder("Песок").quantity("9999999.999").unit(Unit.KILOGRAM).unitPrice("0.01").vat(VatRate.NO_VAT).build();
    Item above = fits.newBuilder().quantity("10000000").build();
    Seller nonPayer = Seller.nonVatPayer("ИП", SELLER_BIN, "Алматы", TaxRegime.SIMPLIFIED);

    assertEquals(List.of(), violations(sale(nonPayer).item(fits).payment(PaymentType.CARD, "100000.00").build()));
    assertEquals(List.of("TOO_LARGE@items[0].quantity"),
        violations(sale(nonPayer).item(above).payment(PaymentType.CARD, "100000.00").build()));
  }

  @Test
  void aReceiptTheJournalCouldNotStoreIsTooLongAsAWhole() {
    // Each control character takes six characters in the journal: 1 000 names of 255 are 1.5 million.
    Receipt.Builder builder = sale(SELLER);
    for (int i = 0; i < 1_000; i++) {
      builder.item(Item.builder("\u0001".repeat(254) + "x").unitPrice("1.00").vat(VatRate.SIXTEEN).build());
    }
    Receipt receipt = builder.payment(PaymentType.CARD, "1000.00").build();

    List<Violation> found = VALIDATOR.validate(receipt);
    assertEquals(List.of("TOO_LONG@receipt"), found.stream().map(v -> v.code() + "@" + v.path()).toList());
    assertTrue(found.get(0).message().endsWith(" characters in the journal, at most 1000000"), found.get(0).message());
  }

  @Test
  void theLargestReceiptOfPlainTextsFitsTheJournalsColumn() {
    Receipt.Builder builder = sale(SELLER);
    for (int i = 0; i < 1_000; i++) {
      builder.item(Item.builder("Н".repeat(255)).nktCode("1".repeat(50)).ntin("2".repeat(50)).gtin("4".repeat(14))
          .unitPrice("9999999.99").vat(VatRate.SIXTEEN).build());
    }
    Receipt receipt = builder.payment(PaymentType.CARD, "9999999990.00").build();

    assertEquals(List.of(), violations(receipt));
    assertTrue(RecordCodec.writeReceipt(receipt).length() <= 1_000_000);
  }
}
