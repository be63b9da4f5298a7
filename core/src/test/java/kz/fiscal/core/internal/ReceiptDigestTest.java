package kz.fiscal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import kz.fiscal.core.Customer;
import kz.fiscal.core.Item;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Operation;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Rounding;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptDigestTest {
  private static final Xin SELLER_BIN = Xin.parse("150740001357");
  private static final Xin OTHER_BIN = Xin.parse("181040037076");
  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", SELLER_BIN, "Алматы, пр. Абая, 1");
  private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-03-01T09:30+05:00");
  private static final Item BREAD = Item.builder("Хлеб пшеничный").nktCode("1905901000").quantity("2")
      .unitPrice("250.00").discount(Tenge.of("10.00")).vat(VatRate.SIXTEEN).build();
  private static final Item MILK = Item.builder("Молоко 3,2%").unit(Unit.LITRE).quantity("1.5")
      .unitPrice("400.50").vat(VatRate.SIXTEEN).build();
  private static final ReturnBasis BASIS = new ReturnBasis("3004567891",
      OffsetDateTime.parse("2026-02-27T18:05:10+05:00"), "010101234567", Tenge.of("1090.75"), false);
  /** Text tags of the canonical form, whose values carry a length prefix. */
  private static final String TEXT_TAGS =
      "seller|xin|addr|certS|certN|name|nkt|ntin|gtin|mark|principal|pxin|text|email|phone|cxin|basis|brnm";

  /** A sale using most fields: two items, a check discount, two payments and an e-mail. */
  private static Receipt.Builder sale() {
    return Receipt.sale(SELLER)
        .operationTime(TIME)
        .item(BREAD)
        .item(MILK)
        .discount(Tenge.of("20.00"), "Скидка постоянного покупателя")
        .payment(PaymentType.CARD, "500.00")
        .payment(PaymentType.CASH, "600.00")
        .customer(Customer.email("buyer@example.kz"));
  }

  private static Receipt.Builder saleReturn() {
    return Receipt.saleReturn(SELLER, BASIS)
        .operationTime(TIME)
        .item(BREAD)
        .payment(PaymentType.CARD, "490.00");
  }

  // --- equal receipts, equal digests ---

  @Test
  void theDigestIs64LowercaseHexCharacters() {
    String digest = ReceiptDigest.of(sale().build());

    assertEquals(64, digest.length());
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
  }

  @Test
  void theDigestIsTheSha256OfTheCanonicalForm() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ReceiptDigest.of(""));
    Receipt sale = sale().build();
    assertEquals(ReceiptDigest.of(ReceiptDigest.canonical(sale)), ReceiptDigest.of(sale));
  }

  @Test
  void theDigestOfAKnownReceiptNeverChanges() {
    // journaled digests must keep matching after an upgrade: a change of the canonical form needs a new "v" prefix
    Receipt sale = sale().build();

    assertEquals("v1|op=2|seller=13:ТОО «Ромашка»|xin=12:150740001357|addr=19:Алматы, пр. Абая, 1|vat=true"
        + "|regime=GENERAL|time=2026-03-01T04:30:00Z|round=0"
        + "|item|name=14:Хлеб пшеничный|nkt=10:1905901000|q=2.000|u=796|p=250.00|d=10.00|m=0.00|vat=SIXTEEN|sec=0"
        + "|item|name=11:Молоко 3,2%|q=1.500|u=112|p=400.50|d=0.00|m=0.00|vat=SIXTEEN|sec=0"
        + "|mod=1:20.00|text=29:Скидка постоянного покупателя|pay=1:500.00|pay=0:600.00|email=16:buyer@example.kz",
        ReceiptDigest.canonical(sale));
    assertEquals("6839ff6591802f478f9a7a3e1f9816740a54be99688c6429cfd740afd6165dcc", ReceiptDigest.of(sale));
  }

  @Test
  void equalReceiptsBuiltDifferentlyHaveEqualDigests() {
    Receipt plain = sale().build();
    Receipt spelledOtherwise = Receipt.builder(Operation.SALE,
            new Seller("ТОО «Ромашка»", Xin.parse("150740001357"), "Алматы, пр. Абая, 1", true, Optional.empty(),
                TaxRegime.GENERAL))
        .operationTime(OffsetDateTime.parse("2026-03-01T04:30:00.000Z"))
        .item(Item.builder("Хлеб пшеничный").nktCode("1905901000").quantity(Quantity.of("2.000"))
            .unitPrice(Tenge.ofTiyn(25_000)).discount(Tenge.of("10")).vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Молоко 3,2%").unit(Unit.of(112, "л")).quantity(Quantity.of(new BigDecimal("1.50")))
            .unitPrice(Tenge.of("400.5")).vat(VatRate.SIXTEEN).build())
        .modifier(new Modifier(Modifier.Kind.DISCOUNT, Tenge.of("20"), "Скидка постоянного покупателя"))
        .payment(PaymentType.CARD, Tenge.of("500"))
        .payment(PaymentType.CASH, Tenge.ofTiyn(60_000))
        .customer(new Customer(Optional.of("buyer@example.kz"), Optional.empty(), Optional.empty()))
        .build();

    assertEquals(ReceiptDigest.of(plain), ReceiptDigest.of(spelledOtherwise));
    assertEquals(ReceiptDigest.of(plain), ReceiptDigest.of(plain.newBuilder().build()));
  }

  @Test
  void amountsAreWrittenAsTengeWritesThemFromATiynToBeyondALong() {
    for (String amount : List.of("0", "0.01", "0.1", "0.99", "1", "12.05", "1250.50", "9999999999.99",
        "9999999999999999.99", "99999999999999999.99", "123456789012345678901234567890.12")) {
      Tenge tenge = Tenge.of(amount);
      StringBuilder written = new StringBuilder();
      ReceiptDigest.tenge(written, tenge);
      assertEquals(tenge.toString(), written.toString(), amount);
    }
  }

  @Test
  void tengeWrittenWithOneOrTwoDecimalsGivesTheSameDigest() {
    Receipt oneDecimal = Receipt.sale(SELLER).operationTime(TIME)
        .item("Спички", "1", "1.5", VatRate.SIXTEEN).payment(PaymentType.CASH, "1.5").build();
    Receipt twoDecimals = Receipt.sale(SELLER).operationTime(TIME)
        .item("Спички", "1", "1.50", VatRate.SIXTEEN).payment(PaymentType.CASH, "1.50").build();

    assertEquals(ReceiptDigest.of(oneDecimal), ReceiptDigest.of(twoDecimals));
  }

  @Test
  void theSameInstantAtAnotherOffsetGivesTheSameDigest() {
    Receipt almaty = saleReturn().operationTime(OffsetDateTime.parse("2026-03-01T09:30+05:00")).build();
    Receipt utc = Receipt.saleReturn(SELLER, new ReturnBasis("3004567891",
            OffsetDateTime.parse("2026-02-27T13:05:10Z"), "010101234567", Tenge.of("1090.75"), false))
        .operationTime(OffsetDateTime.parse("2026-03-01T04:30Z"))
        .item(BREAD)
        .payment(PaymentType.CARD, "490.00")
        .build();
    Receipt moscow = saleReturn().operationTime(OffsetDateTime.parse("2026-03-01T07:30+03:00")).build();

    assertEquals(ReceiptDigest.of(almaty), ReceiptDigest.of(utc));
    assertEquals(ReceiptDigest.of(almaty), ReceiptDigest.of(moscow));
  }

  // --- any change, another digest ---

  static Stream<Arguments> singleFieldChanges() {
    Map<String, Receipt> changed = new LinkedHashMap<>();
    changed.put("item name", withItem(0, i -> i.name("Хлеб ржаной")));
    changed.put("item price", withItem(0, i -> i.unitPrice("250.01")));
    changed.put("item quantity", withItem(0, i -> i.quantity("3")));
    changed.put("item quantity in thousandths", withItem(1, i -> i.quantity("1.501")));
    changed.put("item VAT", withItem(0, i -> i.vat(VatRate.TWELVE)));
    changed.put("item VAT to none", withItem(0, i -> i.vat(VatRate.NO_VAT)));
    changed.put("item discount", withItem(0, i -> i.discount(Tenge.of("10.01"))));
    changed.put("item markup", withItem(0, i -> i.markup(Tenge.of("0.01"))));
    changed.put("item NKT code", withItem(0, i -> i.nktCode("1905901001")));
    changed.put("item NTIN", withItem(1, i -> i.ntin("0200000012345")));
    changed.put("item GTIN", withItem(1, i -> i.gtin("4870000000010")));
    changed.put("item unit", withItem(1, i -> i.unit(Unit.KILOGRAM)));
    changed.put("item section", withItem(0, i -> i.section(1)));
    changed.put("item marking code", withItem(1, i -> i.markingCode("0104600439931256215Abc")));
    changed.put("item principal", withItem(1, i -> i.principal(new Principal("ИП Агент", OTHER_BIN))));
    changed.put("item order", Receipt.sale(SELLER).operationTime(TIME).item(MILK).item(BREAD)
        .discount(Tenge.of("20.00"), "Скидка постоянного покупателя")
        .payment(PaymentType.CARD, "500.00").payment(PaymentType.CASH, "600.00")
        .customer(Customer.email("buyer@example.kz")).build());
    changed.put("one item more", sale().item(BREAD).build());
    changed.put("payment amount", replacePayments(b -> b.payment(PaymentType.CARD, "500.01")
        .payment(PaymentType.CASH, "600.00")));
    changed.put("payment type", replacePayments(b -> b.payment(PaymentType.MOBILE, "500.00")
        .payment(PaymentType.CASH, "600.00")));
    changed.put("customer e-mail", sale().customer(Customer.email("buyer2@example.kz")).build());
    changed.put("customer phone", sale().customer(Customer.email("buyer@example.kz").withPhone("+77011234567")).build());
    changed.put("customer IIN/BIN", sale().customer(Customer.email("buyer@example.kz").withXin(OTHER_BIN)).build());
    changed.put("no customer", sale().customer(Customer.ANONYMOUS).build());
    changed.put("operation time", sale().operationTime(TIME.plusSeconds(1)).build());
    changed.put("operation time in nanoseconds", sale().operationTime(TIME.plusNanos(1)).build());
    changed.put("no operation time", new Receipt(Operation.SALE, SELLER, Optional.empty(), sale().build().items(),
        sale().build().modifiers(), sale().build().payments(), sale().build().customer(), Optional.empty(),
        Rounding.NONE));
    changed.put("rounding of every item", sale().rounding(Rounding.EVERY_ITEM).build());
    changed.put("rounding of the total", sale().rounding(Rounding.TOTAL_ONLY).build());
    changed.put("modifier text", replaceModifiers(Modifier.discount(Tenge.of("20.00"), "Скидка по карте")));
    changed.put("modifier amount", replaceModifiers(Modifier.discount(Tenge.of("20.50"), "Скидка постоянного покупателя")));
    changed.put("modifier kind", replaceModifiers(Modifier.markup(Tenge.of("20.00"), "Скидка постоянного покупателя")));
    changed.put("operation", Receipt.builder(Operation.PURCHASE, SELLER).items(sale().build().items())
        .operationTime(TIME).discount(Tenge.of("20.00"), "Скидка постоянного покупателя")
        .payment(PaymentType.CARD, "500.00").payment(PaymentType.CASH, "600.00")
        .customer(Customer.email("buyer@example.kz")).build());
    changed.put("seller name", withSeller(Seller.vatPayer("ТОО «Ромашка-2»", SELLER_BIN, SELLER.address())));
    changed.put("seller BIN", withSeller(Seller.vatPayer(SELLER.name(), OTHER_BIN, SELLER.address())));
    changed.put("seller address", withSeller(Seller.vatPayer(SELLER.name(), SELLER_BIN, "Алматы, пр. Абая, 2")));
    changed.put("seller VAT certificate", withSeller(Seller.vatPayer(SELLER.name(), SELLER_BIN, SELLER.address(),
        new VatCertificate("60001", "1234567"))));
    changed.put("seller not a VAT payer", withSeller(Seller.nonVatPayer(SELLER.name(), SELLER_BIN, SELLER.address(),
        TaxRegime.GENERAL)));
    changed.put("seller regime", withSeller(Seller.nonVatPayer(SELLER.name(), SELLER_BIN, SELLER.address(),
        TaxRegime.SIMPLIFIED)));
    return changed.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleFieldChanges")
  void changingOneFieldOfASaleChangesTheDigest(String field, Receipt changed) {
    assertNotEquals(ReceiptDigest.of(sale().build()), ReceiptDigest.of(changed), field);
  }

  static Stream<Arguments> returnBasisChanges() {
    return Stream.of(
        Arguments.of("fiscal sign", new ReturnBasis("3004567892", BASIS.dateTime(), BASIS.rnm(), BASIS.total(), false)),
        Arguments.of("date-time", new ReturnBasis(BASIS.fiscalSign(), BASIS.dateTime().plusSeconds(1), BASIS.rnm(),
            BASIS.total(), false)),
        Arguments.of("RNM", new ReturnBasis(BASIS.fiscalSign(), BASIS.dateTime(), "010101234568", BASIS.total(), false)),
        Arguments.of("total", new ReturnBasis(BASIS.fiscalSign(), BASIS.dateTime(), BASIS.rnm(), Tenge.of("1090.76"),
            false)),
        Arguments.of("offline flag", new ReturnBasis(BASIS.fiscalSign(), BASIS.dateTime(), BASIS.rnm(), BASIS.total(),
            true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("returnBasisChanges")
  void changingOneFieldOfTheReturnBasisChangesTheDigest(String field, ReturnBasis basis) {
    assertNotEquals(ReceiptDigest.of(saleReturn().build()), ReceiptDigest.of(saleReturn().returnBasis(basis).build()),
        field);
  }

  @Test
  void everySingleFieldChangeGivesItsOwnDigest() {
    Map<String, String> byDigest = new HashMap<>();
    byDigest.put(ReceiptDigest.of(sale().build()), "the sale itself");
    singleFieldChanges().forEach(arguments -> {
      String field = (String) arguments.get()[0];
      String earlier = byDigest.put(ReceiptDigest.of((Receipt) arguments.get()[1]), field);
      assertNull(earlier, field + " collides with " + earlier);
    });
  }

  // --- texts cannot forge structure ---

  @Test
  void aNameHoldingTheNextItemsFieldsCannotPassForTwoItems() {
    Item x = Item.of("x", Quantity.ONE, Tenge.of("100.00"), VatRate.SIXTEEN);
    Item abc = Item.of("abc", Quantity.ONE, Tenge.of("100.00"), VatRate.SIXTEEN);
    Receipt twoItems = Receipt.sale(SELLER).operationTime(TIME).item(x).item(abc).build();
    String canonical = ReceiptDigest.canonical(twoItems);
    String between = canonical.substring(canonical.indexOf("|name=1:x") + "|name=1:x".length(),
        canonical.indexOf("|item|name=3:abc") + "|item|name=3:abc".length());
    Receipt forged = Receipt.sale(SELLER).operationTime(TIME)
        .item(Item.of("x" + between, Quantity.ONE, Tenge.of("100.00"), VatRate.SIXTEEN)).build();

    assertEquals(withoutLengths(ReceiptDigest.canonical(twoItems)), withoutLengths(ReceiptDigest.canonical(forged)),
        "without length prefixes the one item would read as the two");
    assertNotEquals(ReceiptDigest.canonical(twoItems), ReceiptDigest.canonical(forged));
    assertNotEquals(ReceiptDigest.of(twoItems), ReceiptDigest.of(forged));
  }

  @Test
  void aNameHoldingAnNktCodeCannotPassForTheCode() {
    Receipt coded = Receipt.sale(SELLER).operationTime(TIME)
        .item(Item.builder("abc").nktCode("123").unitPrice("100.00").build()).build();
    Receipt forged = Receipt.sale(SELLER).operationTime(TIME)
        .item(Item.builder("abc|nkt=3:123").unitPrice("100.00").build()).build();

    assertEquals(withoutLengths(ReceiptDigest.canonical(coded)), withoutLengths(ReceiptDigest.canonical(forged)));
    assertNotEquals(ReceiptDigest.of(coded), ReceiptDigest.of(forged));
  }

  @Test
  void aModifierTextHoldingAPaymentCannotPassForThePayment() {
    Receipt paid = Receipt.sale(SELLER).operationTime(TIME).item(BREAD)
        .discount(Tenge.of("10.00"), "Скидка").payment(PaymentType.CARD, "480.00").build();
    Receipt forged = Receipt.sale(SELLER).operationTime(TIME).item(BREAD)
        .discount(Tenge.of("10.00"), "Скидка|pay=1:480.00").build();

    assertEquals(withoutLengths(ReceiptDigest.canonical(paid)), withoutLengths(ReceiptDigest.canonical(forged)));
    assertNotEquals(ReceiptDigest.of(paid), ReceiptDigest.of(forged));
  }

  @Test
  void namesDifferingOnlyInWhereASeparatorLikeStringSitsHaveDifferentDigests() {
    Receipt atTheEndOfTheFirst = Receipt.sale(SELLER).operationTime(TIME)
        .item("Хлеб|name=3:abc", "1", "100.00", VatRate.SIXTEEN)
        .item("Чай", "1", "100.00", VatRate.SIXTEEN).build();
    Receipt atTheStartOfTheSecond = Receipt.sale(SELLER).operationTime(TIME)
        .item("Хлеб", "1", "100.00", VatRate.SIXTEEN)
        .item("|name=3:abcЧай", "1", "100.00", VatRate.SIXTEEN).build();
    Receipt splitAcrossSellerTexts = withSeller(Seller.vatPayer("ТОО|addr=3:abc", SELLER_BIN, "Алматы"));
    Receipt movedToTheAddress = withSeller(Seller.vatPayer("ТОО", SELLER_BIN, "|addr=3:abcАлматы"));

    assertNotEquals(ReceiptDigest.of(atTheEndOfTheFirst), ReceiptDigest.of(atTheStartOfTheSecond));
    assertNotEquals(ReceiptDigest.of(splitAcrossSellerTexts), ReceiptDigest.of(movedToTheAddress));
  }

  // --- helpers ---

  /** The canonical form as it would read if texts carried no length: what the prefixes protect against. */
  private static String withoutLengths(String canonical) {
    return canonical.replaceAll("\\|(" + TEXT_TAGS + ")=\\d+:", "|$1=");
  }

  /** The sale with item {@code index} changed by {@code change}. */
  private static Receipt withItem(int index, UnaryOperator<Item.Builder> change) {
    Receipt sale = sale().build();
    List<Item> items = new ArrayList<>(sale.items());
    items.set(index, change.apply(items.get(index).newBuilder()).build());
    return new Receipt(sale.operation(), sale.seller(), sale.operationTime(), items, sale.modifiers(), sale.payments(),
        sale.customer(), sale.returnBasis(), sale.rounding());
  }

  private static Receipt replacePayments(UnaryOperator<Receipt.Builder> payments) {
    Receipt sale = sale().build();
    Receipt.Builder builder = Receipt.sale(SELLER).operationTime(TIME).items(sale.items())
        .discount(Tenge.of("20.00"), "Скидка постоянного покупателя").customer(sale.customer());
    return payments.apply(builder).build();
  }

  private static Receipt replaceModifiers(Modifier modifier) {
    Receipt sale = sale().build();
    return new Receipt(sale.operation(), sale.seller(), sale.operationTime(), sale.items(), List.of(modifier),
        sale.payments(), sale.customer(), sale.returnBasis(), sale.rounding());
  }

  private static Receipt withSeller(Seller seller) {
    Receipt sale = sale().build();
    return new Receipt(sale.operation(), seller, sale.operationTime(), sale.items(), sale.modifiers(), sale.payments(),
        sale.customer(), sale.returnBasis(), sale.rounding());
  }
}
