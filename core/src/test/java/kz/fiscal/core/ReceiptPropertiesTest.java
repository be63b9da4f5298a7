package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.Tuple.Tuple4;
import net.jqwik.api.Tuple.Tuple6;
import net.jqwik.api.statistics.Statistics;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Receipt.ReceiptFeature;

/**
 * Properties of whole receipts: random valid receipts validate clean and their amounts add up
 * (docs/kz-fiscal-rules.md §3, §4, §12); random garbage makes the value types, the validator and the derived
 * amounts throw nothing but their documented exceptions.
 *
 * <p>The expected amounts are recomputed here with plain {@link BigDecimal} from the rules, never
 * through {@code Totals}.
 */
class ReceiptPropertiesTest {

  private static final Xin SELLER_XIN = Xin.parse("150740001357");
  private static final Xin BUYER_XIN = Xin.parse("181040037076");
  private static final Xin PRINCIPAL_XIN = Xin.parse("131240010479");
  /** "Now" for receipts without an operation time: 2026-06-15 12:00 at +05:00. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T07:00:00Z"), ZoneOffset.UTC);
  private static final ReceiptValidator VALIDATOR = ReceiptValidator.of(VatSchedule.defaults(), CLOCK);
  private static final long FIRST_SECOND = OffsetDateTime.parse("2025-01-01T00:00:00+05:00").toEpochSecond();
  private static final long LAST_SECOND = OffsetDateTime.parse("2027-12-31T23:59:59+05:00").toEpochSecond();
  private static final long DAY = 86_400;

  // ---------------------------------------------------------------------------------------------
  // Valid receipts

  @Property
  void validReceiptsValidateClean(@ForAll("validReceipts") Receipt receipt) {
    assertEquals(List.of(), VALIDATOR.validate(receipt));
    assertEquals(List.of(), VALIDATOR.validate(receipt, EnumSet.allOf(ReceiptFeature.class)));
    if (receipt.operationTime().isPresent()) {
      assertEquals(List.of(), ReceiptValidator.defaults().validate(receipt));
    }
    Statistics.label("rounding").collect(receipt.rounding());
    Statistics.label("operation").collect(receipt.operation());
    Statistics.label("payments").collect(paymentShape(receipt));
    Statistics.label("rounding").coverage(c -> {
      for (Rounding rounding : Rounding.values()) {
        c.check(rounding).percentage(p -> p > 15);
      }
    });
    Statistics.label("payments").coverage(c -> {
      c.check("CARD").percentage(p -> p > 5);
      c.check("CASH+CARD with change").percentage(p -> p > 3);
      c.check("CASH with change").percentage(p -> p > 3);
    });
  }

  @Property
  void itemSumsLessDiscountsPlusMarkupsMakeTheTotal(@ForAll("validReceipts") Receipt receipt) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < receipt.items().size(); i++) {
      Tenge itemSum = receipt.itemSum(i);
      assertEquals(Tenge.of(expectedItemSum(receipt.items().get(i), receipt.rounding())), itemSum, "items[" + i + "]");
      sum = sum.add(itemSum.amount());
    }
    for (Modifier modifier : receipt.modifiers()) {
      BigDecimal amount = expectedModifier(modifier, receipt.rounding());
      sum = modifier.kind() == Modifier.Kind.DISCOUNT ? sum.subtract(amount) : sum.add(amount);
    }
    BigDecimal expected = receipt.rounding() == Rounding.TOTAL_ONLY ? wholeTenge(sum) : sum;
    assertEquals(Tenge.of(expected), receipt.total());
  }

  /**
   * Every rounding mode against the formula of docs/kz-fiscal-rules.md §4 and §12 written out here, straight
   * from the price, quantity, discount and markup: each item's sum and VAT, each modifier's amount and
   * the total (Webkassa refuses a VAT or total that differs by one tiyn).
   */
  @Property(tries = 2000)
  void everyRoundingModeComputesWhatTheProviderComputes(@ForAll("validReceipts") Receipt receipt) {
    Rounding rounding = receipt.rounding();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < receipt.items().size(); i++) {
      Item item = receipt.items().get(i);
      BigDecimal product = item.unitPrice().amount().multiply(item.quantity().value());
      BigDecimal sum = switch (rounding) {
        case EVERY_ITEM -> product.subtract(item.discount().amount().setScale(0, RoundingMode.HALF_UP))
            .add(item.markup().amount().setScale(0, RoundingMode.HALF_UP)).setScale(0, RoundingMode.HALF_UP);
        case NONE, TOTAL_ONLY -> product.setScale(2, RoundingMode.HALF_UP)
            .subtract(item.discount().amount()).add(item.markup().amount());
      };
      BigDecimal p = BigDecimal.valueOf(item.vat().percent());
      BigDecimal vat = sum.multiply(p).divide(BigDecimal.valueOf(100).add(p), 2, RoundingMode.HALF_UP);
      assertEquals(0, sum.compareTo(receipt.itemSum(i).amount()), "items[" + i + "] sum");
      assertEquals(0, vat.compareTo(receipt.itemVat(i).amount()), "items[" + i + "] VAT");
      total = total.add(sum);
    }
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      Modifier modifier = receipt.modifiers().get(m);
      BigDecimal amount = rounding == Rounding.EVERY_ITEM
          ? modifier.amount().amount().setScale(0, RoundingMode.HALF_UP) : modifier.amount().amount();
      assertEquals(0, amount.compareTo(receipt.modifierAmount(m).amount()), "modifiers[" + m + "]");
      total = modifier.kind() == Modifier.Kind.DISCOUNT ? total.subtract(amount) : total.add(amount);
    }
    if (rounding == Rounding.TOTAL_ONLY) {
      total = total.setScale(0, RoundingMode.HALF_UP);
    }
    assertEquals(0, total.compareTo(receipt.total().amount()), "total");
    Statistics.label("rounding").collect(rounding);
  }

  @Property
  void paymentsCoverTheTotalAndChangeComesOnlyFromCash(@ForAll("validReceipts") Receipt receipt) {
    Tenge total = receipt.total();
    Tenge paid = Tenge.ZERO;
    Tenge cash = Tenge.ZERO;
    for (Payment payment : receipt.payments()) {
      paid = paid.plus(payment.amount());
      cash = payment.type() == PaymentType.CASH ? cash.plus(payment.amount()) : cash;
    }
    assertEquals(paid, receipt.paid());
    assertFalse(total.isGreaterThan(paid), () -> "paid " + receipt.paid() + " below the total " + total);
    assertEquals(paid.minus(total), receipt.change());
    assertFalse(receipt.change().isGreaterThan(cash), "change above the cash paid");
  }

  /**
   * Σ VAT ≤ what the buyer pays, on every valid receipt, including rates discounted almost to nothing
   * (items 100.00 + 150.03 at 16 %, check discount 250.02: VAT 0.00, not −0.01). With TOTAL_ONLY the
   * bound is the total before its whole-tenge rounding, which the VAT does not follow.
   */
  @Property
  void vatNeverExceedsWhatTheBuyerPays(@ForAll("validReceipts") Receipt receipt) {
    BigDecimal vat = sumOfVat(receipt);
    BigDecimal paidFor = BigDecimal.ZERO;
    for (int i = 0; i < receipt.items().size(); i++) {
      paidFor = paidFor.add(receipt.itemSum(i).amount());
    }
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      BigDecimal amount = receipt.modifierAmount(m).amount();
      paidFor = receipt.modifiers().get(m).kind() == Modifier.Kind.DISCOUNT
          ? paidFor.subtract(amount) : paidFor.add(amount);
    }
    BigDecimal bound = paidFor;
    assertTrue(vat.compareTo(bound) <= 0, () -> "VAT " + vat + " above what the buyer pays " + bound);
  }

  @Example
  void implausibleTimesAreRefusedWhenTheReceiptIsBuilt() {
    Seller seller = Seller.vatPayer("ТОО", Xin.parse("150740001357"), "Алматы");
    for (OffsetDateTime time : List.of(OffsetDateTime.MIN, OffsetDateTime.MAX,
        OffsetDateTime.parse("1969-12-31T23:59:59Z"))) {
      assertThrows(IllegalArgumentException.class, () -> Receipt.sale(seller).operationTime(time).build());
      assertThrows(IllegalArgumentException.class,
          () -> new ReturnBasis("1", time, "600300000001", Tenge.ZERO, false));
    }
  }

  @Example
  void nearlyFullyDiscountedRateHasNoNegativeVat() {
    Receipt receipt = Receipt.sale(Seller.vatPayer("ТОО", Xin.parse("150740001357"), "Алматы"))
        .operationTime(OffsetDateTime.parse("2026-03-01T12:00:00+05:00"))
        .item("A", "1", "100.00", VatRate.SIXTEEN)
        .item("B", "1", "150.03", VatRate.SIXTEEN)
        .discount(Tenge.of("250.02"), "")
        .payment(PaymentType.CARD, "0.01")
        .build();
    // 13.79 + 20.69 - 34.49 = -0.01 before the bounds; the buyer pays 0.01 at 16 %.
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.ZERO), receipt.vatByRate());
  }

  /** The part of Σ VAT ≤ total that holds today: no check-level discount, and before TOTAL_ONLY's rounding. */
  @Property
  void vatWithoutCheckLevelDiscountsNeverExceedsTheSumItIsIncludedIn(@ForAll("validReceipts") Receipt receipt) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < receipt.items().size(); i++) {
      sum = sum.add(receipt.itemSum(i).amount());
    }
    for (Modifier modifier : receipt.modifiers()) {
      Assume.that(modifier.kind() == Modifier.Kind.MARKUP);
      sum = sum.add(modifier.amount().amount());
    }
    BigDecimal vat = sumOfVat(receipt);
    BigDecimal bound = sum;
    assertTrue(vat.compareTo(bound) <= 0, () -> "VAT " + vat + " above the sum " + bound);
    if (receipt.rounding() != Rounding.TOTAL_ONLY) {
      assertTrue(vat.compareTo(receipt.total().amount()) <= 0);
    }
  }

  @Property
  void itemVatIsTheIncludedShareOfTheRoundedItemSum(@ForAll("validReceipts") Receipt receipt) {
    for (int i = 0; i < receipt.items().size(); i++) {
      BigDecimal sum = receipt.itemSum(i).amount();
      BigDecimal p = BigDecimal.valueOf(receipt.items().get(i).vat().percent());
      BigDecimal expected = sum.multiply(p).divide(BigDecimal.valueOf(100).add(p), 2, RoundingMode.HALF_UP);
      assertEquals(Tenge.of(expected), receipt.itemVat(i), "items[" + i + "] at " + receipt.items().get(i).vat());
    }
  }

  @Property
  void checkLevelModifierSharesAddUpToTheModifier(@ForAll("validReceipts") Receipt receipt) {
    Set<VatRate> rates = EnumSet.noneOf(VatRate.class);
    for (Item item : receipt.items()) {
      rates.add(item.vat());
    }
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      Map<VatRate, Tenge> shares = receipt.modifierShares(m);
      assertEquals(rates, shares.keySet(), "modifiers[" + m + "] rates");
      Tenge sum = Tenge.ZERO;
      for (Tenge share : shares.values()) {
        sum = sum.plus(share);
      }
      // With EVERY_ITEM the shares are whole tenge and add up to the modifier's whole-tenge amount.
      assertEquals(Tenge.of(expectedModifier(receipt.modifiers().get(m), receipt.rounding())), sum,
          "modifiers[" + m + "] shares");
      if (receipt.rounding() == Rounding.EVERY_ITEM) {
        for (Tenge share : shares.values()) {
          assertEquals(0, share.amount().remainder(BigDecimal.ONE).signum(), "modifiers[" + m + "] share " + share);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Garbage

  @Property
  void valueTypesFromArbitraryTextThrowOnlyIllegalArgument(@ForAll("garbageText") String text) {
    assertBuildsOrThrowsIllegalArgument(() -> Tenge.of(text));
    assertBuildsOrThrowsIllegalArgument(() -> Quantity.of(text));
    assertBuildsOrThrowsIllegalArgument(() -> Payment.of(PaymentType.CASH, text));
    assertBuildsOrThrowsIllegalArgument(() -> IdempotencyKey.of(text));
    boolean parsed = assertBuildsOrThrowsIllegalArgument(() -> Xin.parse(text));
    assertEquals(parsed, Xin.isValid(text));
  }

  @Example
  void hugeExponentsAreRefusedAtOnceRatherThanExpanded() {
    // Before Money bounded the expansion, Tenge.of("1E+99999999") ran for minutes building 10^99999999.
    assertEquals("Tenge amount is too large, was 1E+999999999",
        assertThrows(IllegalArgumentException.class, () -> Tenge.of("1E+999999999")).getMessage());
    assertEquals("Tenge amount must not be negative, was -1E+999999999",
        assertThrows(IllegalArgumentException.class, () -> Tenge.of("-1E+999999999")).getMessage());
    assertEquals("Tenge amount must have at most 2 decimals (tiyn), was 1E-999999999",
        assertThrows(IllegalArgumentException.class, () -> Tenge.of("1E-999999999")).getMessage());
    assertEquals("Quantity must be greater than 0, was 0E-999999999",
        assertThrows(IllegalArgumentException.class, () -> Quantity.of("0E-999999999")).getMessage());
    assertEquals(Tenge.ZERO, Tenge.of("0E-999999999"));
    assertEquals(Tenge.of("1" + "0".repeat(98)), Tenge.of("1E+98"));
    assertEquals(Tenge.of("1.50"), Tenge.of("150E-2"));
    assertEquals(Quantity.of("1.5"), Quantity.of("1.500000000000000000000000000000"));
  }

  @Property
  void valueTypesFromArbitraryDecimalsThrowOnlyIllegalArgument(@ForAll("garbageDecimals") BigDecimal value) {
    assertBuildsOrThrowsIllegalArgument(() -> Tenge.of(value));
    assertBuildsOrThrowsIllegalArgument(() -> Quantity.of(value));
  }

  /** The validator's contract: it never throws on a receipt that could be constructed. */
  @Property(tries = 1000)
  void validatorNeverThrowsOnAnyConstructibleReceipt(@ForAll("anyReceipts") Receipt receipt,
      @ForAll("capabilities") Set<ReceiptFeature> capabilities) {
    List<Violation> violations = VALIDATOR.validate(receipt);
    assertNotNull(violations);
    assertNotNull(VALIDATOR.validate(receipt, capabilities));
    assertNotNull(ReceiptValidator.defaults().validate(receipt));
    try {
      VALIDATOR.check(receipt);
      assertEquals(List.of(), violations);
    } catch (InvalidReceiptException e) {
      assertEquals(violations, e.violations());
    }
  }

  @Property
  void derivedAmountsOfAnyReceiptSucceedOrThrowIllegalState(@ForAll("anyReceipts") Receipt receipt) {
    assertSucceedsOrThrowsIllegalState(receipt::total);
    assertSucceedsOrThrowsIllegalState(receipt::paid);
    assertSucceedsOrThrowsIllegalState(receipt::change);
    assertSucceedsOrThrowsIllegalState(receipt::vatByRate);
    assertSucceedsOrThrowsIllegalState(receipt::features);
    for (int i = 0; i < receipt.items().size(); i++) {
      int index = i;
      assertSucceedsOrThrowsIllegalState(() -> receipt.itemSum(index));
      assertSucceedsOrThrowsIllegalState(() -> receipt.itemVat(index));
      assertSucceedsOrThrowsIllegalState(() -> receipt.items().get(index).sum());
    }
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      int index = m;
      assertSucceedsOrThrowsIllegalState(() -> receipt.modifierShares(index));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Expected amounts, straight from docs/kz-fiscal-rules.md §4 and §12

  /**
   * {@code round2(price × quantity) − discount + markup}; with EVERY_ITEM
   * {@code round0(price × quantity − round0(discount) + round0(markup))}.
   */
  private static BigDecimal expectedItemSum(Item item, Rounding rounding) {
    BigDecimal product = item.unitPrice().amount().multiply(item.quantity().value());
    if (rounding == Rounding.EVERY_ITEM) {
      return wholeTenge(product.subtract(wholeTenge(item.discount().amount())).add(wholeTenge(item.markup().amount())));
    }
    return product.setScale(2, RoundingMode.HALF_UP).subtract(item.discount().amount()).add(item.markup().amount());
  }

  /** A check-level modifier's amount in the total: whole tenge with EVERY_ITEM (docs/kz-fiscal-rules.md §12). */
  private static BigDecimal expectedModifier(Modifier modifier, Rounding rounding) {
    BigDecimal amount = modifier.amount().amount();
    return rounding == Rounding.EVERY_ITEM ? wholeTenge(amount) : amount;
  }

  private static BigDecimal wholeTenge(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).setScale(2);
  }

  private static BigDecimal sumOfVat(Receipt receipt) {
    BigDecimal vat = BigDecimal.ZERO;
    for (Tenge rateVat : receipt.vatByRate().values()) {
      vat = vat.add(rateVat.amount());
    }
    return vat;
  }

  private static long tiyn(BigDecimal amount) {
    return amount.setScale(2).unscaledValue().longValueExact();
  }

  private static String paymentShape(Receipt receipt) {
    Set<PaymentType> types = EnumSet.noneOf(PaymentType.class);
    for (Payment payment : receipt.payments()) {
      types.add(payment.type());
    }
    StringBuilder shape = new StringBuilder();
    for (PaymentType type : types) {
      shape.append(shape.length() == 0 ? "" : "+").append(type);
    }
    return shape + (receipt.change().isZero() ? "" : " with change");
  }

  private static boolean assertBuildsOrThrowsIllegalArgument(Supplier<?> factory) {
    try {
      assertNotNull(factory.get());
      return true;
    } catch (IllegalArgumentException documented) {
      return false;
    }
  }

  private static void assertSucceedsOrThrowsIllegalState(Supplier<?> derived) {
    try {
      assertNotNull(derived.get());
    } catch (IllegalStateException documented) {
      // a derived amount of a receipt the validator refuses
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Valid receipts: random choices (Line, Draft) turned into a receipt that keeps every rule

  /** The random choices for one item; amounts that depend on others are picked from raw numbers. */
  private record Line(String name, long thousandths, long priceTiyn, int rateIndex, int discountMode,
      long discountRaw, long markupTiyn, Unit unit, boolean marked, boolean agent, Optional<String> gtin,
      int section) {}

  /** The random choices for one receipt. */
  private record Draft(Operation operation, long epochSecond, ZoneOffset offset, boolean timed,
      long basisAgeSeconds, List<Line> lines, Rounding rounding, int discountMode, long discountRaw,
      long markupTiyn, int payMode, long changeTiyn, long splitRaw, int customerMode, boolean certificate,
      long basisExtraTiyn) {}

  @Provide
  Arbitrary<Receipt> validReceipts() {
    Arbitrary<Line> lines = Combinators.combine(
        Combinators.combine(
            Arbitraries.strings().withCharRange('а', 'я').withCharRange('a', 'z').withChars(" -0123456789")
                .ofMaxLength(40).map(s -> "Товар " + s),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(1, 20).map(units -> units * 1000)),
                Tuple.of(1, Arbitraries.longs().between(1, 1_000_000))),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.longs().between(1, 10_000)),
                Tuple.of(2, Arbitraries.longs().between(1, 100_000_000))),
            Arbitraries.integers().between(0, 59),
            Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(3, 1), Tuple.of(1, 2)),
            Arbitraries.longs().between(0, Long.MAX_VALUE / 2)).as(Tuple::of),
        Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(1, 1_000_000))),
            Arbitraries.of(Unit.PIECE, Unit.KILOGRAM, Unit.LITRE, Unit.METRE, Unit.SERVICE),
            Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)),
            Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
            Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(14).optional(0.3),
            Arbitraries.integers().between(0, 3)).as(Tuple::of))
        .as((a, b) -> new Line(a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(),
            b.get1(), b.get2(), b.get3(), b.get4(), b.get5(), b.get6()));

    Arbitrary<Tuple6<Operation, Long, ZoneOffset, Boolean, Long, List<Line>>> when = Combinators.combine(
        Arbitraries.frequency(Tuple.of(6, Operation.SALE), Tuple.of(2, Operation.SALE_RETURN),
            Tuple.of(1, Operation.PURCHASE), Tuple.of(1, Operation.PURCHASE_RETURN)),
        Arbitraries.longs().between(FIRST_SECOND, LAST_SECOND),
        Arbitraries.frequency(Tuple.of(6, KzTime.OFFSET), Tuple.of(2, ZoneOffset.UTC),
            Tuple.of(1, ZoneOffset.ofHours(6)), Tuple.of(1, ZoneOffset.ofHours(-3))),
        Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)),
        Arbitraries.longs().between(0, 400 * DAY),
        lines.list().ofMinSize(1).ofMaxSize(10)).as(Tuple::of);
    Arbitrary<Tuple4<Rounding, Integer, Long, Long>> modifiers = Combinators.combine(
        Arbitraries.of(Rounding.class),
        Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(2, 1), Tuple.of(1, 2), Tuple.of(1, 3)),
        Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
        Arbitraries.frequencyOf(
            Tuple.of(7, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 500_000)))).as(Tuple::of);
    Arbitrary<Tuple6<Integer, Long, Long, Integer, Boolean, Long>> paying = Combinators.combine(
        Arbitraries.integers().between(0, 4),
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0L)),
            Tuple.of(3, Arbitraries.longs().between(1, 10_000)),
            Tuple.of(2, Arbitraries.longs().between(1, 2_000_000))),
        Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
        Arbitraries.integers().between(0, 4),
        Arbitraries.of(true, false),
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 1_000_000)))).as(Tuple::of);
    return Combinators.combine(when, modifiers, paying)
        .as((w, m, p) -> new Draft(w.get1(), w.get2(), w.get3(), w.get4(), w.get5(), w.get6(),
            m.get1(), m.get2(), m.get3(), m.get4(), p.get1(), p.get2(), p.get3(), p.get4(), p.get5(), p.get6()))
        .map(ReceiptPropertiesTest::validReceipt);
  }

  private static Receipt validReceipt(Draft d) {
    OffsetDateTime now = KzTime.now(CLOCK);
    OffsetDateTime time = d.timed() ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(d.epochSecond()), d.offset()) : now;
    OffsetDateTime basisTime = KzTime.of(time).minusSeconds(d.basisAgeSeconds());
    // A return keeps the rates of its original sale (docs/kz-fiscal-rules.md §4).
    LocalDate vatDate = (d.operation().isReturn() ? basisTime : KzTime.of(time)).toLocalDate();
    List<VatRate> rates = new ArrayList<>(VatSchedule.defaults().allowedOn(vatDate));

    Seller seller = d.certificate()
        ? Seller.vatPayer("ТОО «Ромашка»", SELLER_XIN, "Алматы, пр. Абая 1", new VatCertificate("60001", "1204567"))
        : Seller.vatPayer("ТОО «Ромашка»", SELLER_XIN, "Алматы, пр. Абая 1");
    Receipt.Builder builder = Receipt.builder(d.operation(), seller).rounding(d.rounding());
    if (d.timed()) {
      builder.operationTime(time);
    }

    BigDecimal itemsSum = BigDecimal.ZERO;
    for (Line line : d.lines()) {
      Item item = validItem(line, rates, d.rounding());
      builder.item(item);
      itemsSum = itemsSum.add(expectedItemSum(item, d.rounding()));
    }
    long items = tiyn(itemsSum);
    long discount = switch (d.discountMode()) {
      case 0 -> 0;
      case 1 -> items == 0 ? 0 : 1 + d.discountRaw() % items;
      case 2 -> items;
      default -> Math.max(0, items - 1 - d.discountRaw() % 500); // leaves a few tiyn to pay
    };
    if (discount > 0) {
      builder.discount(Tenge.ofTiyn(discount), "Скидка по карте лояльности");
    }
    if (d.markupTiyn() > 0) {
      builder.markup(Tenge.ofTiyn(d.markupTiyn()), "Доставка");
    }
    BigDecimal running = BigDecimal.valueOf(items, 2)
        .subtract(expectedModifier(Modifier.discount(Tenge.ofTiyn(discount), ""), d.rounding()))
        .add(expectedModifier(Modifier.markup(Tenge.ofTiyn(d.markupTiyn()), ""), d.rounding()));
    long total = tiyn(d.rounding() == Rounding.TOTAL_ONLY ? wholeTenge(running) : running);
    pay(builder, d, total);

    long n = d.splitRaw() % 10_000_000;
    String email = "buyer" + n + "@shop.kz";
    String phone = "+7701" + String.format("%07d", n);
    builder.customer(switch (d.customerMode()) {
      case 0 -> Customer.ANONYMOUS;
      case 1 -> Customer.email(email);
      case 2 -> Customer.phone(phone);
      case 3 -> Customer.ANONYMOUS.withXin(BUYER_XIN);
      default -> Customer.email(email).withPhone(phone).withXin(BUYER_XIN);
    });
    if (d.operation().isReturn()) {
      builder.returnBasis(new ReturnBasis(String.valueOf(1 + d.splitRaw() % 9_999_999_999L), basisTime,
          "010101234567", Tenge.ofTiyn(total + d.basisExtraTiyn()), d.splitRaw() % 3 == 0));
    }
    return builder.build();
  }

  private static Item validItem(Line line, List<VatRate> rates, Rounding rounding) {
    boolean marked = line.marked() && line.unit().equals(Unit.PIECE);
    // Marked piece goods carry one code per piece (docs/kz-fiscal-rules.md §8).
    long thousandths = marked ? 1000 * (1 + (line.thousandths() / 1000) % 5) : line.thousandths();
    Quantity quantity = Quantity.of(BigDecimal.valueOf(thousandths, 3));
    Tenge price = Tenge.ofTiyn(line.priceTiyn());
    long gross = tiyn(price.amount().multiply(quantity.value()).setScale(2, RoundingMode.HALF_UP));
    if (rounding == Rounding.EVERY_ITEM) {
      // The largest discount whose whole tenge the unrounded product and whole-tenge markup still cover.
      BigDecimal cover = price.amount().multiply(quantity.value())
          .add(wholeTenge(BigDecimal.valueOf(line.markupTiyn(), 2))).setScale(0, RoundingMode.FLOOR);
      gross = tiyn(cover) + 49;
    }
    long discount = switch (line.discountMode()) {
      case 0 -> 0;
      case 1 -> line.discountRaw() % (gross + 1);
      default -> gross;
    };
    Item.Builder item = Item.builder(line.name()).quantity(quantity).unit(line.unit()).unitPrice(price)
        .discount(Tenge.ofTiyn(discount)).markup(Tenge.ofTiyn(line.markupTiyn()))
        .vat(rates.get(line.rateIndex() % rates.size())).section(line.section());
    line.gtin().ifPresent(item::gtin);
    if (marked) {
      for (long code = 0; code < thousandths / 1000; code++) {
        item.markingCode("010460043993125621JgXJ5.T" + code);
      }
    }
    if (line.agent()) {
      item.principal(new Principal("ИП Агентов", PRINCIPAL_XIN));
    }
    return item.build();
  }

  /** Payments of each type at most once that cover {@code total}, change only from cash (§3). */
  private static void pay(Receipt.Builder builder, Draft d, long total) {
    long change = d.changeTiyn();
    long split = d.splitRaw();
    List<Payment> payments = new ArrayList<>();
    if (total == 0) {
      payments.add(Payment.of(PaymentType.CASH, Tenge.ofTiyn(1 + change)));
    } else if (d.payMode() == 0 || (d.payMode() == 3 && total < 3)) {
      payments.add(Payment.of(PaymentType.CARD, Tenge.ofTiyn(total)));
    } else if (d.payMode() == 1 && total >= 2) {
      long card = 1 + split % (total - 1);
      payments.add(Payment.of(PaymentType.CARD, Tenge.ofTiyn(card)));
      payments.add(Payment.of(PaymentType.CASH, Tenge.ofTiyn(total - card + change)));
    } else if (d.payMode() <= 2) {
      payments.add(Payment.of(PaymentType.CASH, Tenge.ofTiyn(total + change)));
    } else if (d.payMode() == 3) {
      long mobile = 1 + split % (total - 2);
      long card = 1 + (split / 7) % (total - mobile - 1);
      payments.add(Payment.of(PaymentType.MOBILE, Tenge.ofTiyn(mobile)));
      payments.add(Payment.of(PaymentType.CARD, Tenge.ofTiyn(card)));
      payments.add(Payment.of(PaymentType.CASH, Tenge.ofTiyn(total - mobile - card + change)));
    } else {
      payments.add(Payment.of(PaymentType.MOBILE, Tenge.ofTiyn(total)));
    }
    if (split % 2 == 1) {
      Collections.reverse(payments);
    }
    payments.forEach(builder::payment);
  }

  // ---------------------------------------------------------------------------------------------
  // Garbage

  @Provide
  Arbitrary<String> garbageText() {
    Arbitrary<String> decimals = Combinators.combine(
        Arbitraries.of("", "-", "+", " ", "\t"),
        Arbitraries.strings().numeric().ofMaxLength(25),
        Arbitraries.strings().numeric().ofMaxLength(25).map(s -> "." + s).optional(0.5),
        Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11)).as((e, sign, digits) -> e + sign + digits)
            .optional(0.5),
        Arbitraries.of("", " ", "\n", "x")).as((sign, whole, fraction, exponent, tail) ->
            sign + whole + fraction.orElse("") + exponent.orElse("") + tail);
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().ascii().ofMaxLength(30),
        Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(14),
        Arbitraries.strings().withCharRange('a', 'z').withChars("._:-/ 0123456789").ofMaxLength(60),
        decimals,
        Arbitraries.of("", " ", "NaN", "Infinity", "-0", "0.001", "1E+999999999", "-1E+999999999",
            "1E-999999999", "0E-999999999", "0E+999999999", "1e2147483647", "1e-2147483648", "9e2147483648",
            "0x10", "1_000", "1,5", "١٢٣", "１２３", "150740001357", "987654321012"));
  }

  @Provide
  Arbitrary<BigDecimal> garbageDecimals() {
    Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
        Arbitraries.longs().map(BigInteger::valueOf),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(40)));
    Arbitrary<Integer> scales = Arbitraries.oneOf(
        Arbitraries.integers().between(-40, 40),
        Arbitraries.integers(),
        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 2, Integer.MAX_VALUE - 2));
    return Combinators.combine(unscaled, scales).as(BigDecimal::new);
  }

  @Provide
  Arbitrary<Set<ReceiptFeature>> capabilities() {
    return Arbitraries.subsetOf(ReceiptFeature.values());
  }

  @Provide
  Arbitrary<Receipt> anyReceipts() {
    Arbitrary<Tenge> amounts = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(Tenge.ZERO)),
        Tuple.of(4, Arbitraries.longs().between(0, 1_000_000).map(Tenge::ofTiyn)),
        Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE / 100).map(Tenge::ofTiyn)));
    Arbitrary<String> texts = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.of("", " ", "\t\n", "Кофе", "x".repeat(50), "y".repeat(51), "z".repeat(255), "я".repeat(256)));
    Arbitrary<Xin> xins = Arbitraries.of(SELLER_XIN, BUYER_XIN, PRINCIPAL_XIN);
    // Any plausible fiscal time (years 1970 to 9999) at any offset; construction refuses the rest
    // (see implausibleTimesAreRefusedWhenTheReceiptIsBuilt).
    Arbitrary<OffsetDateTime> times = Combinators.combine(
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(FIRST_SECOND - 400 * DAY, LAST_SECOND)),
            Tuple.of(1, Arbitraries.longs().between(
                OffsetDateTime.parse("1970-01-02T00:00:00Z").toEpochSecond(),
                OffsetDateTime.parse("9999-12-30T00:00:00Z").toEpochSecond()))),
        Arbitraries.integers().between(-18 * 3600, 18 * 3600))
        .as((second, offset) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.ofTotalSeconds(offset)));
    Arbitrary<Quantity> quantities = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(1, 10_000)),
        Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE)))
        .map(thousandths -> Quantity.of(BigDecimal.valueOf(thousandths, 3)));

    Arbitrary<Tuple4<String, Optional<String>, Optional<String>, Optional<String>>> names = Combinators.combine(
        texts, texts.optional(0.3), texts.optional(0.3),
        Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(16), texts).optional(0.3)).as(Tuple::of);
    Arbitrary<Tuple6<Quantity, Unit, Tenge, Tenge, Tenge, VatRate>> amountsOfItem = Combinators.combine(
        quantities,
        Arbitraries.of(Unit.PIECE, Unit.KILOGRAM, Unit.LITRE, Unit.SERVICE, Unit.of(9999, "x")),
        amounts, amounts, amounts,
        Arbitraries.of(VatRate.class)).as(Tuple::of);
    Arbitrary<Tuple3<Integer, List<String>, Optional<Principal>>> extras = Combinators.combine(
        Arbitraries.integers().between(0, 99),
        Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.of("", " ")).list().ofMaxSize(6),
        Combinators.combine(texts, xins).as(Principal::new).optional(0.2)).as(Tuple::of);
    Arbitrary<Item> items = Combinators.combine(names, amountsOfItem, extras).as((n, a, e) -> new Item(
        n.get1(), n.get2(), n.get3(), n.get4(), a.get1(), a.get2(), a.get3(), a.get4(), a.get5(), a.get6(),
        e.get1(), e.get2(), e.get3()));

    Arbitrary<Seller> sellers = Combinators.combine(texts, xins, texts, Arbitraries.of(true, false),
        Combinators.combine(texts, texts).as(VatCertificate::new).optional(0.5), Arbitraries.of(TaxRegime.class))
        .as((name, xin, address, payer, certificate, regime) ->
            new Seller(name, xin, address, payer, payer ? certificate : Optional.empty(), regime));
    Arbitrary<Modifier> modifiers = Combinators.combine(Arbitraries.of(Modifier.Kind.class), amounts, texts)
        .as(Modifier::new);
    Arbitrary<Payment> payments = Combinators.combine(Arbitraries.of(PaymentType.class), amounts).as(Payment::new);
    Arbitrary<Customer> customers = Combinators.combine(
        Arbitraries.oneOf(texts, Arbitraries.of("a@b.kz", "@b.kz", "a@b", "a@@b.kz", "a b@c.kz", "a@b..kz", "a@.kz",
            "very.long.name.for.a.mailbox.somewhere@an-even-longer-domain.example.kz")).optional(0.5),
        Arbitraries.oneOf(texts, Arbitraries.strings().numeric().ofMaxLength(25),
            Arbitraries.strings().numeric().ofMinLength(9).ofMaxLength(16).map(s -> "+" + s)).optional(0.5),
        xins.optional(0.5)).as(Customer::new);
    Arbitrary<ReturnBasis> bases = Combinators.combine(
        Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(25), texts),
        times,
        Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(14), texts),
        amounts,
        Arbitraries.of(true, false)).as(ReturnBasis::new);

    Arbitrary<Tuple4<Operation, Seller, Optional<OffsetDateTime>, List<Item>>> head = Combinators.combine(
        Arbitraries.of(Operation.class), sellers, times.optional(0.8), items.list().ofMaxSize(12)).as(Tuple::of);
    Arbitrary<Tuple4<List<Modifier>, List<Payment>, Customer, Optional<ReturnBasis>>> tail = Combinators.combine(
        modifiers.list().ofMaxSize(3), payments.list().ofMaxSize(4), customers, bases.optional(0.5)).as(Tuple::of);
    return Combinators.combine(head, tail, Arbitraries.of(Rounding.class)).as((h, t, rounding) -> new Receipt(
        h.get1(), h.get2(), h.get3(), h.get4(), t.get1(), t.get2(), t.get3(), t.get4(), rounding));
  }
}
