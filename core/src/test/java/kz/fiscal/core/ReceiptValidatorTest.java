package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.Violation.ViolationCode;

class ReceiptValidatorTest {
  private static final ReceiptValidator VALIDATOR = ReceiptValidator.defaults();
  private static final Xin SELLER_BIN = Xin.parse("150740001357");
  private static final Xin BUYER_BIN = Xin.parse("181040037076");
  private static final Xin PRINCIPAL_BIN = Xin.parse("131240010479");
  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", SELLER_BIN, "Алматы, пр. Абая, 1");
  private static final Item BREAD = Item.builder("Хлеб пшеничный").nktCode("1905901000").quantity("2")
      .unitPrice("250.00").vat(VatRate.SIXTEEN).build();
  private static final Item COURSE = Item.builder("Курс обучения").unit(Unit.SERVICE).unitPrice("500.00")
      .vat(VatRate.NO_VAT).build();
  private static final ReturnBasis ORIGINAL = new ReturnBasis("3004567891",
      OffsetDateTime.parse("2026-03-01T09:30+05:00"), "010101234567", Tenge.of("1000.00"), false);

  // --- the base receipt ---

  @Test
  void theBaseReceiptAndTheBaseReturnAreValid() {
    assertViolations(valid().build());
    assertViolations(validReturn().build());
    assertEquals(Tenge.of("1000.00"), valid().build().total());
  }

  // --- items and texts ---

  @Test
  void aReceiptWithoutItemsIsReported() {
    assertViolations(valid().noItems().build(), "NO_ITEMS@items");
  }

  @Test
  void blankRequiredTextsAreReportedWhereTheyAre() {
    assertViolations(valid().item(0, i -> i.name(" ")).build(), "BLANK@items[0].name");
    assertViolations(valid().item(0, i -> i.nktCode("")).build(), "BLANK@items[0].nktCode");
    assertViolations(valid().item(0, i -> i.markingCode("0104600439931256215Abc").markingCode("  ")).build(),
        "BLANK@items[0].markingCodes[1]");
    assertViolations(valid().item(1, i -> i.principal(new Principal("\t", PRINCIPAL_BIN))).build(),
        "BLANK@items[1].principal.name");
    assertViolations(valid().seller(Seller.vatPayer(" ", SELLER_BIN, SELLER.address())).build(), "BLANK@seller.name");
    assertViolations(valid().seller(Seller.vatPayer(SELLER.name(), SELLER_BIN, "")).build(), "BLANK@seller.address");
  }

  @Test
  void anItemNameOf255CharactersFitsAnd256IsTooLong() {
    assertViolations(valid().item(0, i -> i.name("х".repeat(255))).build());
    assertViolations(valid().item(0, i -> i.name("х".repeat(256))).build(), "TOO_LONG@items[0].name");
  }

  @Test
  void anNktCodeOf50CharactersFitsAnd51IsTooLong() {
    assertViolations(valid().item(0, i -> i.nktCode("1".repeat(50))).build());
    assertViolations(valid().item(0, i -> i.nktCode("1".repeat(51))).build(), "TOO_LONG@items[0].nktCode");
  }

  @Test
  void anNtinHasTheLimitsOfACode() {
    assertViolations(valid().item(0, i -> i.ntin("0200000012345")).build());
    assertViolations(valid().item(0, i -> i.ntin(" ")).build(), "BLANK@items[0].ntin");
    assertViolations(valid().item(0, i -> i.ntin("2".repeat(51))).build(), "TOO_LONG@items[0].ntin");
  }

  @Test
  void aGtinOf14DigitsFitsAnd15IsTooLong() {
    assertViolations(valid().item(0, i -> i.gtin("04600439931256")).build());
    assertViolations(valid().item(0, i -> i.gtin("046004399312567")).build(), "TOO_LONG@items[0].gtin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4600439931256A", "4600 439931", "-4600439931", "４６００"})
  void aGtinWithAnythingButDigitsIsMalformed(String gtin) {
    assertViolations(valid().item(0, i -> i.gtin(gtin)).build(), "MALFORMED@items[0].gtin");
  }

  @Test
  void aModifierTextOf50CharactersFitsAnd51IsTooLong() {
    Tenge ten = Tenge.of("10.00");
    assertViolations(valid().modifier(Modifier.discount(ten, "с".repeat(50))).build());
    assertViolations(valid().modifier(Modifier.discount(ten, "с".repeat(51))).build(), "TOO_LONG@modifiers[0].text");
  }

  // --- amounts ---

  @Test
  void aZeroUnitPriceIsReported() {
    assertViolations(valid().item(1, i -> i.unitPrice("0.00")).build(), "PRICE_NOT_POSITIVE@items[1].unitPrice");
  }

  @Test
  void aLineDiscountAboveTheLineIsReportedAndOneEqualToItIsAllowed() {
    assertViolations(valid().item(1, i -> i.discount(Tenge.of("500.00"))).build());
    assertViolations(valid().item(1, i -> i.discount(Tenge.of("500.01"))).build(),
        "DISCOUNT_EXCEEDS_LINE@items[1].discount");
    assertViolations(valid().item(1, i -> i.markup(Tenge.of("0.02")).discount(Tenge.of("500.02"))).build());
  }

  @Test
  void aLineDiscountMakingTheWholeReceiptNegativeIsReportedOnlyOnItsLine() {
    assertViolations(valid().item(1, i -> i.discount(Tenge.of("1500.01"))).build(),
        "DISCOUNT_EXCEEDS_LINE@items[1].discount");
  }

  @Test
  void aZeroCheckDiscountOrMarkupIsReported() {
    assertViolations(valid().modifier(Modifier.discount(Tenge.ZERO, "Скидка")).build(),
        "MODIFIER_NOT_POSITIVE@modifiers[0].amount");
    assertViolations(valid().modifier(Modifier.markup(Tenge.ZERO, "")).build(),
        "MODIFIER_NOT_POSITIVE@modifiers[0].amount");
  }

  @Test
  void checkDiscountsAboveTheItemsSumAreReportedOnceAndDiscountsEqualToItAreAllowed() {
    assertViolations(valid().modifier(Modifier.discount(Tenge.of("1000.00"), "Подарок")).build());
    assertViolations(valid().modifier(Modifier.discount(Tenge.of("1000.01"), "Подарок")).build(),
        "DISCOUNT_EXCEEDS_TOTAL@modifiers");
    assertViolations(valid().modifier(Modifier.discount(Tenge.of("600.00"), "А"))
        .modifier(Modifier.discount(Tenge.of("400.01"), "Б")).build(), "DISCOUNT_EXCEEDS_TOTAL@modifiers");
  }

  // --- VAT ---

  @Test
  void twelvePercentIsNotInForceOnA2026Sale() {
    assertViolations(valid().item(0, i -> i.vat(VatRate.TWELVE)).build(), "VAT_RATE_NOT_IN_FORCE@items[0].vat");
  }

  @Test
  void sixteenPercentIsNotInForceOnA2025SaleWhereTwelveIs() {
    Draft sale2025 = valid().at("2025-12-31T23:59:59+05:00");
    assertViolations(sale2025.build(), "VAT_RATE_NOT_IN_FORCE@items[0].vat");
    assertViolations(sale2025.item(0, i -> i.vat(VatRate.TWELVE)).build());
  }

  @Test
  void fivePercentIsInForceIn2026AndNotIn2027() {
    assertViolations(valid().item(0, i -> i.vat(VatRate.FIVE)).build());
    assertViolations(valid().at("2027-01-01T00:00+05:00").item(0, i -> i.vat(VatRate.FIVE)).build(),
        "VAT_RATE_NOT_IN_FORCE@items[0].vat");
  }

  @Test
  void aReturnIsCheckedAtTheDateOfItsOriginalSaleAtPlusFive() {
    Draft returnOf2025Sale = validReturn().basis(originalAt("2025-12-20T15:00+05:00"));
    assertViolations(returnOf2025Sale.build(), "VAT_RATE_NOT_IN_FORCE@items[0].vat");
    assertViolations(returnOf2025Sale.item(0, i -> i.vat(VatRate.TWELVE)).build());
    assertViolations(validReturn().basis(originalAt("2025-12-31T19:00Z")).build());
  }

  @Test
  void theOperationDateIsTakenAtPlusFive() {
    Draft newYearLocally = valid().at("2025-12-31T20:00Z");
    assertViolations(newYearLocally.build());
    assertViolations(newYearLocally.item(0, i -> i.vat(VatRate.TWELVE)).build(), "VAT_RATE_NOT_IN_FORCE@items[0].vat");
    assertViolations(valid().at("2025-12-31T18:59:59Z").build(), "VAT_RATE_NOT_IN_FORCE@items[0].vat");
  }

  @ParameterizedTest
  @EnumSource(value = VatRate.class, names = {"ZERO", "FIVE", "TEN", "SIXTEEN"})
  void aSellerWhoIsNotAVatPayerMayUseNoVatRateNotEvenZero(VatRate rate) {
    Seller simplified = Seller.nonVatPayer(SELLER.name(), SELLER_BIN, SELLER.address(), TaxRegime.SIMPLIFIED);
    assertViolations(valid().seller(simplified).item(0, i -> i.vat(rate)).build(), "VAT_FOR_NON_PAYER@items[0].vat");
    assertViolations(valid().seller(simplified).item(0, i -> i.vat(VatRate.NO_VAT)).build());
  }

  // --- payments ---

  @Test
  void aZeroPaymentIsReported() {
    assertViolations(valid().payments(cash("1000.00"), card("0.00")).build(),
        "PAYMENT_NOT_POSITIVE@payments[1].amount");
  }

  @Test
  void aPaymentTypeGivenTwiceIsReportedAtItsSecondUse() {
    assertViolations(valid().payments(card("300.00"), cash("600.00"), card("100.00")).build(),
        "PAYMENT_TYPE_REPEATED@payments[2].type");
  }

  @Test
  void nonCashPaymentsAboveTheTotalAreReportedEvenWithCash() {
    assertViolations(valid().payments(cash("100.00"), card("1000.01")).build(), "NON_CASH_ABOVE_TOTAL@payments");
  }

  @Test
  void overpayingWithoutCashIsReported() {
    assertViolations(valid().payments(card("1200.00")).build(), "CHANGE_WITHOUT_CASH@payments");
    assertViolations(valid().payments(card("600.00"), mobile("400.01")).build(), "CHANGE_WITHOUT_CASH@payments");
  }

  @Test
  void payingLessThanTheTotalIsReported() {
    assertViolations(valid().payments(cash("999.99")).build(), "UNDERPAID@payments");
    assertViolations(valid().payments().build(), "UNDERPAID@payments");
  }

  @Test
  void changeFromCashIsValid() {
    Receipt receipt = valid().payments(card("1000.00"), cash("5000.00")).build();
    assertViolations(receipt);
    assertEquals(Tenge.of("5000.00"), receipt.change());
    assertViolations(valid().payments(card("400.00"), mobile("100.00"), cash("2000.00")).build());
  }

  // --- returns ---

  @ParameterizedTest
  @EnumSource(value = Operation.class, names = {"SALE_RETURN", "PURCHASE_RETURN"})
  void aReturnWithoutBasisIsReported(Operation operation) {
    assertViolations(valid().operation(operation).build(), "RETURN_BASIS_MISSING@returnBasis");
    assertViolations(validReturn().operation(operation).build());
  }

  @ParameterizedTest
  @EnumSource(value = Operation.class, names = {"SALE", "PURCHASE"})
  void aSaleOrPurchaseWithABasisIsReported(Operation operation) {
    assertViolations(valid().operation(operation).basis(ORIGINAL).build(), "RETURN_BASIS_NOT_ALLOWED@returnBasis");
  }

  @Test
  void aReturnAboveTheOriginalTotalIsReportedAndAPartialReturnIsAllowed() {
    assertViolations(validReturn().basis(originalOf("999.99")).build(), "RETURN_EXCEEDS_BASIS@returnBasis.total");
    assertViolations(validReturn().basis(originalOf("5000.00")).build());
  }

  @Test
  void anOriginalDatedAfterTheReturnIsReportedComparingInstants() {
    assertViolations(validReturn().basis(originalAt("2026-03-10T12:00:01+05:00")).build(),
        "RETURN_BASIS_AFTER_OPERATION@returnBasis.dateTime");
    assertViolations(validReturn().basis(originalAt("2026-03-10T07:00:01Z")).build(),
        "RETURN_BASIS_AFTER_OPERATION@returnBasis.dateTime");
    assertViolations(validReturn().basis(originalAt("2026-03-10T07:00Z")).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30045678A1", "3004 567891", "123456789012345678901"})
  void aBasisFiscalSignThatIsNot1To20DigitsIsMalformed(String fiscalSign) {
    assertViolations(validReturn().basis(originalSigned(fiscalSign)).build(), "MALFORMED@returnBasis.fiscalSign");
    assertViolations(validReturn().basis(originalSigned("1".repeat(20))).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "01010123456", "0101012345678", "01010123456X", " 01010123456"})
  void aBasisRnmThatIsNot12DigitsIsMalformed(String rnm) {
    assertViolations(validReturn().basis(originalFrom(rnm)).build(), "MALFORMED@returnBasis.rnm");
  }

  // --- marking codes, customer, principal ---

  @Test
  void pieceGoodsNeedOneMarkingCodePerPiece() {
    assertViolations(valid().item(0, i -> i.markingCode("0104600439931256215Abc")).build(),
        "MARKING_CODES_COUNT@items[0].markingCodes");
    assertViolations(valid().item(0, i -> i.markingCode("0104600439931256215Abc").markingCode("0104600439931256215Abd"))
        .build());
  }

  @Test
  void markingCodesOfNonPieceGoodsAreNotCounted() {
    assertViolations(valid().item(0, i -> i.unit(Unit.KILOGRAM).markingCode("0104600439931256215Abc")).build());
  }

  @Test
  void anEmailOf50CharactersFitsAnd51IsTooLong() {
    String domain = "@mail.kz";
    assertViolations(valid().customer(Customer.email("a".repeat(50 - domain.length()) + domain)).build());
    assertViolations(valid().customer(Customer.email("a".repeat(51 - domain.length()) + domain)).build(),
        "TOO_LONG@customer.email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "buyer", "@mail.kz", "buyer@", "buyer@mail", "buyer@@mail.kz", "buy er@mail.kz",
      "buyer@.kz", "buyer@mail.", "buyer@mail..kz", "buyer@ma@il.kz"})
  void anEmailOfTheWrongFormIsMalformed(String email) {
    assertViolations(valid().customer(Customer.email(email)).build(), "MALFORMED@customer.email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"buyer@mail.kz", "first.last@sub.mail.kz", "a@b.co"})
  void plausibleEmailsAreAccepted(String email) {
    assertViolations(valid().customer(Customer.email(email)).build());
  }

  @Test
  void aPhoneOf21CharactersIsTooLong() {
    assertViolations(valid().customer(Customer.phone("+" + "7".repeat(20))).build(), "TOO_LONG@customer.phone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "770112345", "+7701123456789012", "77011234567+", "+7 701 123 45 6x",
      "+7 701 123 45 67 доб. 2", "7 + 701 1234567", "mailto:+77011234567"})
  void aPhoneOfTheWrongFormIsMalformed(String phone) {
    assertViolations(valid().customer(Customer.phone(phone)).build(), "MALFORMED@customer.phone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+77011234567", "87011234567", "7011234567", "+770112345678901", "+7 701 123 45 67",
      "8 (701) 123-45-67", "8(701)1234567", "+7 (701) 123-45-67", "701.123.45.67"})
  void plausiblePhonesAreAccepted(String phone) {
    assertViolations(valid().customer(Customer.phone(phone)).build());
  }

  @Test
  void aBuyerWithTheSellersBinIsReportedAndAnotherBinIsFine() {
    assertViolations(valid().customer(Customer.ANONYMOUS.withXin(SELLER_BIN)).build(),
        "CUSTOMER_IS_SELLER@customer.xin");
    assertViolations(valid().customer(Customer.ANONYMOUS.withXin(BUYER_BIN)).build());
  }

  @Test
  void aPrincipalWhoIsTheSellerIsReportedAndAnotherTaxpayerIsFine() {
    assertViolations(valid().item(1, i -> i.principal(new Principal("ТОО «Ромашка»", SELLER_BIN))).build(),
        "PRINCIPAL_IS_SELLER@items[1].principal.xin");
    assertViolations(valid().item(1, i -> i.principal(new Principal("ИП Агентов", PRINCIPAL_BIN))).build());
  }

  // --- driver capabilities ---

  @Test
  void featuresTheDriverCannotCarryAreReportedAtTheFeaturesPath() {
    Receipt mobile = valid().payments(mobile("1000.00")).customer(Customer.email("buyer@mail.kz")).build();
    assertEquals(List.of("UNSUPPORTED_BY_DRIVER@" + ReceiptFeature.MOBILE_PAYMENT.path()),
        codesAndPaths(VALIDATOR.validate(mobile, EnumSet.of(ReceiptFeature.CUSTOMER_CONTACT))));
    assertEquals(List.of("UNSUPPORTED_BY_DRIVER@operation", "UNSUPPORTED_BY_DRIVER@items[].markingCodes"),
        codesAndPaths(VALIDATOR.validate(validReturn().item(0, i -> i.markingCode("0104600439931256215Abc")
            .markingCode("0104600439931256215Abd")).build(), Set.of(ReceiptFeature.MARKING_CODE))));
    assertEquals(List.of(), VALIDATOR.validate(mobile, EnumSet.allOf(ReceiptFeature.class)));
    assertEquals(List.of(), VALIDATOR.validate(valid().build(), Set.of()));
  }

  @Test
  void unsupportedFeaturesFollowTheRuleViolations() {
    Receipt receipt = valid().payments(mobile("999.00")).build();
    assertEquals(List.of("UNDERPAID@payments", "UNSUPPORTED_BY_DRIVER@payments"),
        codesAndPaths(VALIDATOR.validate(receipt, Set.of())));
  }

  // --- several at once, check(), clock, schedule, personal data ---

  @Test
  void everyViolationIsReportedInOneCallInTheOrderOfTheReceipt() {
    Receipt receipt = valid()
        .seller(Seller.vatPayer(SELLER.name(), SELLER_BIN, " "))
        .item(0, i -> i.name("").vat(VatRate.TWELVE))
        .item(1, i -> i.unitPrice("0.00"))
        .modifier(Modifier.markup(Tenge.ZERO, "Доставка"))
        .payments(card("200.00"), card("100.00"))
        .basis(ORIGINAL)
        .customer(Customer.email("buyer.mail.kz"))
        .build();

    assertEquals(List.of(
        "BLANK@items[0].name",
        "VAT_RATE_NOT_IN_FORCE@items[0].vat",
        "PRICE_NOT_POSITIVE@items[1].unitPrice",
        "MODIFIER_NOT_POSITIVE@modifiers[0].amount",
        "PAYMENT_TYPE_REPEATED@payments[1].type",
        "UNDERPAID@payments",
        "RETURN_BASIS_NOT_ALLOWED@returnBasis",
        "MALFORMED@customer.email",
        "BLANK@seller.address"), codesAndPaths(VALIDATOR.validate(receipt)));
  }

  @Test
  void checkThrowsEveryViolationAndNamesThemInItsMessage() {
    Receipt receipt = valid().item(1, i -> i.unitPrice("0.00")).payments(cash("499.99")).build();
    List<Violation> violations = VALIDATOR.validate(receipt);

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class, () -> VALIDATOR.check(receipt));

    assertEquals(violations, e.violations());
    assertEquals(List.of(
        new Violation(ViolationCode.PRICE_NOT_POSITIVE, "items[1].unitPrice", "unit price must be above 0.00"),
        new Violation(ViolationCode.UNDERPAID, "payments", "paid 499.99 is less than the total 500.00")), violations);
    assertEquals("Receipt is invalid (2 violations): "
        + "PRICE_NOT_POSITIVE at items[1].unitPrice: unit price must be above 0.00; "
        + "UNDERPAID at payments: paid 499.99 is less than the total 500.00", e.getMessage());
  }

  @Test
  void checkPassesAValidReceipt() {
    assertDoesNotThrow(() -> VALIDATOR.check(valid().build()));
    assertDoesNotThrow(() -> VALIDATOR.check(validReturn().build()));
  }

  @Test
  void aReceiptWithoutTimeIsDatedByTheInjectedClockAtPlusFive() {
    ReceiptValidator newYearLocally = withClock("2025-12-31T19:00:00Z");
    ReceiptValidator lastSecondOf2025 = withClock("2025-12-31T18:59:59Z");
    Receipt undated = valid().undated().build();

    assertEquals(List.of(), newYearLocally.validate(undated));
    assertEquals(List.of("VAT_RATE_NOT_IN_FORCE@items[0].vat"), codesAndPaths(lastSecondOf2025.validate(undated)));
    assertEquals(List.of("RETURN_BASIS_AFTER_OPERATION@returnBasis.dateTime"),
        codesAndPaths(withClock("2026-03-01T04:29:59Z").validate(validReturn().undated().build())));
    assertEquals(List.of(), withClock("2026-03-01T04:30:00Z").validate(validReturn().undated().build()));
  }

  @Test
  void aUserVatScheduleReplacesTheDefault() {
    VatSchedule fivePercentExtended = VatSchedule.builder()
        .allowAlways(VatRate.NO_VAT)
        .allowFrom(VatRate.SIXTEEN, LocalDate.of(2026, 1, 1))
        .allow(VatRate.FIVE, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31))
        .build();
    ReceiptValidator validator = ReceiptValidator.of(fivePercentExtended, Clock.systemUTC());
    Receipt medicine2027 = valid().at("2027-06-01T10:00+05:00").item(0, i -> i.vat(VatRate.FIVE)).build();
    Receipt export2026 = valid().item(0, i -> i.vat(VatRate.ZERO)).build();

    assertEquals(List.of(), validator.validate(medicine2027));
    assertEquals(List.of("VAT_RATE_NOT_IN_FORCE@items[0].vat"), codesAndPaths(VALIDATOR.validate(medicine2027)));
    assertEquals(List.of(), VALIDATOR.validate(export2026));
    assertEquals(List.of(new Violation(ViolationCode.VAT_RATE_NOT_IN_FORCE, "items[0].vat",
        "ZERO is not in force on 2026-03-10; allowed: [NO_VAT, FIVE, SIXTEEN]")), validator.validate(export2026));
  }

  @Test
  void messagesAboutTheCustomerNeverContainTheEmailOrPhone() {
    String badEmail = "aidana.bekova@mailkz";
    String badPhone = "+7 777 555 44 33 #2";
    String longEmail = "aidana.bekova.personal.address.1990@example-mail.kz";
    String longPhone = "+7777555443399887766";
    Receipt malformed = valid().customer(Customer.email(badEmail).withPhone(badPhone)).build();
    Receipt tooLong = valid().customer(Customer.email(longEmail).withPhone(longPhone + "5")).build();

    List<Violation> violations = new ArrayList<>(VALIDATOR.validate(malformed));
    violations.addAll(VALIDATOR.validate(tooLong));

    assertEquals(List.of("MALFORMED@customer.email", "MALFORMED@customer.phone", "TOO_LONG@customer.email",
        "TOO_LONG@customer.phone"), codesAndPaths(violations));
    assertEquals(List.of("e-mail must look like name@domain.tld",
        "phone must be 10 to 15 digits with an optional leading +, e.g. +77011234567 or 8 (701) 123-45-67",
        "e-mail has 51 characters, at most 50", "phone has 21 characters, at most 20"),
        violations.stream().map(Violation::message).toList());
    List<String> texts = new ArrayList<>(violations.stream().map(Violation::toString).toList());
    texts.add(assertThrows(InvalidReceiptException.class, () -> VALIDATOR.check(malformed)).getMessage());
    for (String text : texts) {
      for (String personal : List.of("aidana", "bekova", "mailkz", "555", badPhone, longPhone)) {
        assertFalse(text.contains(personal), () -> "'" + text + "' shows personal data");
      }
    }
  }

  // --- helpers ---

  /** Asserts the exact (code, path) list of violations, none when {@code expected} is empty. */
  private static void assertViolations(Receipt receipt, String... expected) {
    assertEquals(List.of(expected), codesAndPaths(VALIDATOR.validate(receipt)));
  }

  /** Each violation as {@code CODE@path}. */
  private static List<String> codesAndPaths(List<Violation> violations) {
    return violations.stream().map(v -> v.code() + "@" + v.path()).toList();
  }

  private static ReceiptValidator withClock(String instant) {
    return ReceiptValidator.of(VatSchedule.defaults(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  /** {@link #ORIGINAL} with one field changed. */
  private static ReturnBasis originalAt(String dateTime) {
    OffsetDateTime time = OffsetDateTime.parse(dateTime);
    return new ReturnBasis(ORIGINAL.fiscalSign(), time, ORIGINAL.rnm(), ORIGINAL.total(), false);
  }

  private static ReturnBasis originalOf(String total) {
    return new ReturnBasis(ORIGINAL.fiscalSign(), ORIGINAL.dateTime(), ORIGINAL.rnm(), Tenge.of(total), false);
  }

  private static ReturnBasis originalSigned(String fiscalSign) {
    return new ReturnBasis(fiscalSign, ORIGINAL.dateTime(), ORIGINAL.rnm(), ORIGINAL.total(), false);
  }

  private static ReturnBasis originalFrom(String rnm) {
    return new ReturnBasis(ORIGINAL.fiscalSign(), ORIGINAL.dateTime(), rnm, ORIGINAL.total(), false);
  }

  private static Payment cash(String amount) {
    return Payment.of(PaymentType.CASH, amount);
  }

  private static Payment card(String amount) {
    return Payment.of(PaymentType.CARD, amount);
  }

  private static Payment mobile(String amount) {
    return Payment.of(PaymentType.MOBILE, amount);
  }

  /**
   * A valid sale on 2026-03-10 12:00 +05:00 by a VAT payer: items[0] 2 pieces of bread at 250.00 and
   * 16 %, items[1] a VAT-exempt course at 500.00; 1000.00 paid in cash.
   */
  private static Draft valid() {
    return new Draft();
  }

  /** The valid sale as a full return of {@link #ORIGINAL}, sold on 2026-03-01. */
  private static Draft validReturn() {
    return valid().operation(Operation.SALE_RETURN).basis(ORIGINAL);
  }

  /** The parts of a receipt, to change one before building it. */
  private static final class Draft {
    private Operation operation = Operation.SALE;
    private Seller seller = SELLER;
    private OffsetDateTime time = OffsetDateTime.parse("2026-03-10T12:00+05:00");
    private final List<Item> items = new ArrayList<>(List.of(BREAD, COURSE));
    private final List<Modifier> modifiers = new ArrayList<>();
    private List<Payment> payments = List.of(cash("1000.00"));
    private Customer customer = Customer.ANONYMOUS;
    private ReturnBasis basis;

    Draft operation(Operation operation) { this.operation = operation; return this; }
    Draft seller(Seller seller) { this.seller = seller; return this; }
    Draft at(String time) { this.time = OffsetDateTime.parse(time); return this; }
    Draft undated() { this.time = null; return this; }
    Draft noItems() { items.clear(); return this; }
    Draft modifier(Modifier modifier) { modifiers.add(modifier); return this; }
    Draft payments(Payment... payments) { this.payments = List.of(payments); return this; }
    Draft customer(Customer customer) { this.customer = customer; return this; }
    Draft basis(ReturnBasis basis) { this.basis = basis; return this; }

    /** Replaces item {@code index} by a changed copy. */
    Draft item(int index, UnaryOperator<Item.Builder> change) {
      items.set(index, change.apply(items.get(index).newBuilder()).build());
      return this;
    }

    Receipt build() {
      return new Receipt(operation, seller, Optional.ofNullable(time), items, modifiers, payments, customer,
          Optional.ofNullable(basis), Rounding.NONE);
    }
  }
}
