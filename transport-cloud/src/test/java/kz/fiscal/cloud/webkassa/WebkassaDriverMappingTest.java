package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptValidator;
import kz.fiscal.core.Rounding;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.testkit.FakeWebkassa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import kz.fiscal.testkit.WebkassaCheck;

/** Every receipt field as the provider receives it, and every answer field as the result carries it. */
class WebkassaDriverMappingTest {
  private final FakeWebkassa fake = FakeWebkassa.start();
  private final WebkassaDriver driver = Receipts.driverFor(fake).build();

  @AfterEach
  void stop() {
    driver.close();
    fake.close();
  }

  /** A receipt using every field Webkassa carries. */
  private static Receipt everything() {
    return Receipt.sale(Receipts.SELLER)
        .operationTime(Receipts.TIME)
        .item(Item.builder("Молоко 2,5 %").nktCode("1234567890123").gtin("04870001234567").ntin("0200000000011")
            .quantity("2").unitPrice("450.50").discount(Tenge.of("50.00")).section(2).vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Парацетамол").quantity("1.5").unit(Unit.PACKAGE).unitPrice("1000.00")
            .markup(Tenge.of("10.00")).vat(VatRate.FIVE).build())
        .item(Item.builder("Кроссовки").quantity("2").unitPrice("25000.00").vat(VatRate.SIXTEEN)
            .markingCodes(List.of("010467003301005321gJk6o54AQBJfX", "010467003301005321aBc1d23EFGhIj")).build())
        .item(Item.builder("Туфли").quantity("1").unitPrice("18000.00").vat(VatRate.SIXTEEN)
            .markingCode("010467003301005321zYx9w87VUTsRq").build())
        .discount(Tenge.of("100.00"), "Скидка по карте")
        .markup(Tenge.of("30.00"), "Доставка")
        .payment(PaymentType.CASH, "10500.00")
        .payment(PaymentType.CARD, "60000.00")
        .customer(Customer.email("buyer@example.kz").withPhone("+77017654321").withXin(Xin.parse("181040037076")))
        .rounding(Rounding.NONE)
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(List<Object> list, int index) {
    return (Map<String, Object>) list.get(index);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> json, String field) {
    return (List<Object>) json.get(field);
  }

  private static BigDecimal number(String text) {
    return new BigDecimal(text);
  }

  @Test
  void aPhoneAsTheBuyerWroteItReachesTheProviderNormalized() throws FiscalException {
    Receipt receipt = Receipts.sale("100.00").newBuilder().customer(Customer.phone("8 (701) 765-43-21")).build();

    driver.register(IdempotencyKey.of("order-phone"), receipt, Receipts.deadline());

    assertEquals("+77017654321", fake.check("order-phone").orElseThrow().request().json().get("CustomerPhone"));
  }

  @Test
  void everyReceiptFieldReachesTheProviderUnderItsOwnName() throws FiscalException {
    Receipt receipt = everything();
    assertEquals(List.of(), ReceiptValidator.defaults().validate(receipt), "precondition: a valid receipt");

    driver.register(IdempotencyKey.of("order-everything"), receipt, Receipts.deadline());

    Map<String, Object> json = fake.check("order-everything").orElseThrow().request().json();
    assertEquals(fake.cashboxNumber(), json.get("CashboxUniqueNumber"));
    assertEquals(number("2"), json.get("OperationType"));
    assertEquals("order-everything", json.get("ExternalCheckNumber"));
    assertEquals(number("0"), json.get("RoundType"));
    assertEquals(receipt.change().amount(), json.get("Change"));
    assertEquals("buyer@example.kz", json.get("CustomerEmail"));
    assertEquals("+77017654321", json.get("CustomerPhone"));
    assertEquals("181040037076", json.get("CustomerXin"));
    assertFalse(json.containsKey("ReturnBasisDetails"));

    List<Object> positions = list(json, "Positions");
    assertEquals(4, positions.size());
    Map<String, Object> milk = at(positions, 0);
    assertEquals(number("2"), milk.get("Count"));
    assertEquals(number("450.50"), milk.get("Price"));
    assertEquals(number("100"), milk.get("TaxType"));
    assertEquals(number("16"), milk.get("TaxPercent"));
    assertEquals(receipt.itemVat(0).amount(), milk.get("Tax"));
    assertEquals(number("117.38"), milk.get("Tax"), "851.00 × 16 / 116");
    assertEquals("Молоко 2,5 %", milk.get("PositionName"));
    assertEquals("1234567890123", milk.get("PositionCode"));
    assertEquals("04870001234567", milk.get("GTIN"));
    assertEquals("0200000000011", milk.get("NTIN"));
    assertEquals(number("50.00"), milk.get("Discount"));
    assertFalse(milk.containsKey("Markup"));
    assertEquals(number("2"), milk.get("SectionCode"));
    assertEquals(number("796"), milk.get("UnitCode"));

    Map<String, Object> medicine = at(positions, 1);
    assertEquals(number("1.5"), medicine.get("Count"));
    assertEquals(number("5"), medicine.get("TaxPercent"));
    assertEquals(number("10.00"), medicine.get("Markup"));
    assertEquals(number("778"), medicine.get("UnitCode"));
    assertEquals(receipt.itemVat(1).amount(), medicine.get("Tax"));
    assertFalse(medicine.containsKey("SectionCode"));
    assertFalse(medicine.containsKey("PositionCode"));

    assertEquals(List.of("010467003301005321gJk6o54AQBJfX", "010467003301005321aBc1d23EFGhIj"),
        at(positions, 2).get("MarkList"));
    assertFalse(at(positions, 2).containsKey("Mark"));
    assertEquals("010467003301005321zYx9w87VUTsRq", at(positions, 3).get("Mark"));
    assertFalse(at(positions, 3).containsKey("MarkList"));

    List<Object> payments = list(json, "Payments");
    assertEquals(Map.of("Sum", number("10500.00"), "PaymentType", number("0")), at(payments, 0));
    assertEquals(number("209.00"), json.get("Change"));
    assertEquals(Map.of("Sum", number("60000.00"), "PaymentType", number("1")), at(payments, 1));
  }

  @Test
  void checkLevelModifiersAreSplitByRateWithTheirVat() throws FiscalException {
    Receipt receipt = everything();

    driver.register(IdempotencyKey.of("order-modifiers"), receipt, Receipts.deadline());

    List<Object> modifiers = list(fake.check("order-modifiers").orElseThrow().request().json(), "TicketModifiers");
    BigDecimal discounts = BigDecimal.ZERO;
    BigDecimal markups = BigDecimal.ZERO;
    int index = 0;
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      for (Map.Entry<VatRate, Tenge> share : receipt.modifierShares(m).entrySet()) {
        Map<String, Object> sent = at(modifiers, index++);
        assertEquals(share.getValue().amount(), sent.get("Sum"));
        assertEquals(receipt.modifiers().get(m).text(), sent.get("Text"));
        assertEquals(number(Integer.toString(share.getKey().percent())), sent.get("TaxPercent"));
        assertEquals(share.getKey().vatIncludedIn(share.getValue()).amount(), sent.get("Tax"));
        BigDecimal sum = (BigDecimal) sent.get("Sum");
        if (number("1").equals(sent.get("Type"))) {
          discounts = discounts.add(sum);
        } else {
          markups = markups.add(sum);
        }
      }
    }
    assertEquals(modifiers.size(), index);
    assertEquals(number("100.00"), discounts);
    assertEquals(number("30.00"), markups);
  }

  @Test
  void theResultCarriesWhatTheProviderAnswered() throws FiscalException {
    Receipt receipt = everything();

    FiscalResult result = driver.register(IdempotencyKey.of("order-result"), receipt, Receipts.deadline());

    WebkassaCheck check = fake.check("order-result").orElseThrow();
    assertEquals(Optional.of(check.fiscalSign()), result.fiscalSign());
    assertEquals(check.orderNumber(), result.checkNumber());
    assertEquals(check.shiftNumber(), result.shiftNumber());
    assertEquals(fake.rnm(), result.rnm());
    assertEquals(Optional.of(fake.serialNumber()), result.registerSerial());
    assertEquals(check.dateTime().toInstant(), result.dateTime().toInstant());
    assertEquals("+05:00", result.dateTime().getOffset().getId());
    assertEquals(receipt.total(), result.total());
    assertEquals(0, check.total().compareTo(result.total().amount()));
    assertFalse(result.offline());
    assertEquals(new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz"), result.ofd());
    assertEquals(Optional.of(check.ticketUrl()), result.verificationUrl());
    assertEquals(Optional.of(fake.rnm()), driver.info().rnm());
    assertEquals(Optional.of(fake.serialNumber()), driver.info().serialNumber());
  }

  @Test
  void aReturnCarriesTheSalesBasis() throws FiscalException {
    FiscalResult sale = driver.register(IdempotencyKey.of("order-sale"), Receipts.sale("500.00"), Receipts.deadline());
    Receipt refund = Receipts.saleReturn(sale.toReturnBasis(), "500.00");

    driver.register(IdempotencyKey.of("order-sale-return"), refund, Receipts.deadline());

    Map<String, Object> json = fake.check("order-sale-return").orElseThrow().request().json();
    assertEquals(number("3"), json.get("OperationType"));
    @SuppressWarnings("unchecked")
    Map<String, Object> basis = (Map<String, Object>) json.get("ReturnBasisDetails");
    assertEquals(sale.fiscalSign().orElseThrow(), basis.get("CheckNumber"));
    assertEquals(sale.dateTime(), OffsetDateTime.parse((String) basis.get("DateTime")), "ISO-8601 at +05:00");
    assertEquals(fake.rnm(), basis.get("RegistrationNumber"));
    assertEquals(number("500.00"), basis.get("Total"));
    assertEquals(Boolean.FALSE, basis.get("IsOffline"));
  }

  @ParameterizedTest
  @EnumSource(Rounding.class)
  void theRoundingIsAlwaysSentAndItsVatIsTheOneTheProviderComputes(Rounding rounding) throws FiscalException {
    Receipt receipt = Receipt.sale(Receipts.SELLER)
        .operationTime(Receipts.TIME)
        .item(Item.builder("Сыр").quantity("0.333").unitPrice("1999.99").vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Хлеб").quantity("1").unitPrice("180.49").vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CASH, "1000.00")
        .rounding(rounding)
        .build();

    FiscalResult result = driver.register(IdempotencyKey.of("order-" + rounding), receipt, Receipts.deadline());

    Map<String, Object> json = fake.check("order-" + rounding).orElseThrow().request().json();
    assertEquals(number(Integer.toString(rounding.code())), json.get("RoundType"));
    assertEquals(receipt.total(), result.total());
    assertEquals(0, fake.check("order-" + rounding).orElseThrow().total().compareTo(receipt.total().amount()),
        "the provider's total is the receipt's");
  }

  @Test
  void aPurchaseAndAnItemWithoutVatAreSentAsSuch() throws FiscalException {
    Receipt purchase = Receipt.purchase(Receipts.SELLER)
        .operationTime(Receipts.TIME)
        .item(Item.builder("Книга").quantity("1").unitPrice("3000.00").vat(VatRate.NO_VAT).build())
        .payment(PaymentType.CASH, "3000.00")
        .build();

    driver.register(IdempotencyKey.of("order-purchase"), purchase, Receipts.deadline());

    Map<String, Object> json = fake.check("order-purchase").orElseThrow().request().json();
    assertEquals(number("0"), json.get("OperationType"));
    Map<String, Object> book = at(list(json, "Positions"), 0);
    assertEquals(number("0"), book.get("TaxType"));
    assertEquals(number("0.00"), book.get("Tax"));
    assertNull(book.get("TaxPercent"));
  }

  @Test
  void aCheckMadeOfflineIsMarkedOffline() throws FiscalException {
    fake.offlineSince(fake.now().minus(Duration.ofHours(2)));

    FiscalResult result = driver.register(IdempotencyKey.of("order-offline"), Receipts.sale("500.00"), Receipts.deadline());

    assertTrue(result.offline());
  }
}
