package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.fiscal.core.Xin;

/**
 * The provider's content validations of a check (docs/webkassa-v4.md, docs/kz-fiscal-rules.md §2-§8): every rule
 * broken is a code 9 naming the field. Knows nothing of the ledger; return bases are matched by the
 * cashbox state. Stateless.
 *
 * <p>The arithmetic is the provider's, written from the spec's text (LocalServer's
 * {@code CalculateSum} and {@code ValidateTaxes}), not core's: with RoundType 2 a position's sum is
 * {@code round0(Price × Count − round0(Discount) + round0(Markup))} and every term of the total
 * (each position, each modifier's {@code Sum}) is whole tenge; with RoundType 3 the tiyn total is rounded
 * once. A position's {@code Tax} must equal the VAT of its sum exactly; a modifier's {@code Tax} is not
 * checked, only recorded.
 */
final class CheckRules {
  static final int CASH = 0;
  private static final List<Integer> OPERATIONS = List.of(0, 1, 2, 3);
  private static final List<Integer> TAX_TYPES = List.of(0, 100);
  private static final List<Integer> VAT_PERCENTS = List.of(0, 5, 10, 12, 16);
  private static final List<Integer> ROUND_TYPES = List.of(0, 2, 3);
  private static final List<Integer> PAYMENT_TYPES = List.of(0, 1, 4);
  private static final List<Integer> MODIFIER_TYPES = List.of(1, 2);
  private static final int PIECE = 796;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CheckRules() {}

  static CheckContent validate(Fields body) {
    int operation = body.oneOf("OperationType", OPERATIONS);
    int roundType = body.optionalInt("RoundType").orElse(2);
    if (!ROUND_TYPES.contains(roundType)) {
      throw ProviderError.invalid("RoundType", "must be one of " + ROUND_TYPES + ", got " + roundType);
    }
    List<Fields> positions = body.objects("Positions");
    if (positions.isEmpty()) {
      throw ProviderError.invalid("Positions", "at least one position is required");
    }
    Sums sums = new Sums();
    for (Fields position : positions) {
      position(position, roundType == 2, sums);
    }
    for (Fields modifier : body.objects("TicketModifiers")) {
      modifier(modifier, roundType == 2, sums);
    }
    BigDecimal total = sums.total;
    if (roundType == 3) {
      total = toTenge(total);
    }
    if (total.signum() < 0) {
      throw ProviderError.invalid("TicketModifiers", "the total must not be negative, got " + money(total));
    }
    customer(body);
    Optional<CheckContent.Basis> basis = returnBasis(body, operation);
    Payments paid = payments(body, total);
    return new CheckContent(operation, money(total), paid.net, paid.change, sums.discount, sums.markup,
        sums.vat, basis);
  }

  private static final class Sums {
    BigDecimal total = zero();
    BigDecimal discount = zero();
    BigDecimal markup = zero();
    BigDecimal vat = zero();
  }

  private static void position(Fields p, boolean roundEveryItem, Sums sums) {
    BigDecimal count = p.decimal("Count");
    p.requireScale("Count", count, 3);
    if (count.signum() <= 0) {
      throw ProviderError.invalid(p.path("Count"), "must be greater than 0, got " + count.toPlainString());
    }
    p.decimal("Price");
    BigDecimal price = p.amount("Price");
    p.string("PositionName", 255);
    p.optionalString("PositionCode", 50);
    p.optionalString("NTIN", 14);
    p.optionalString("GTIN", 14).ifPresent(gtin -> {
      if (!gtin.chars().allMatch(Character::isDigit)) {
        throw ProviderError.invalid(p.path("GTIN"), "must be digits only");
      }
    });
    p.optionalInt("SectionCode");
    BigDecimal discount = p.amount("Discount");
    BigDecimal markup = p.amount("Markup");
    BigDecimal sum = roundEveryItem
        ? toTenge(price.multiply(count).subtract(toTenge(discount)).add(toTenge(markup)))
        : price.multiply(count).setScale(2, RoundingMode.HALF_UP).subtract(discount).add(markup);
    if (sum.signum() < 0) {
      throw ProviderError.invalid(p.path("Discount"), "exceeds the position's amount");
    }
    marks(p, count);
    sums.total = sums.total.add(sum);
    sums.discount = sums.discount.add(discount);
    sums.markup = sums.markup.add(markup);
    sums.vat = sums.vat.add(tax(p, sum));
  }

  private static void marks(Fields p, BigDecimal count) {
    boolean mark = p.optionalString("Mark", 500).isPresent();
    List<?> list = p.list("MarkList");
    if (mark && !list.isEmpty()) {
      throw ProviderError.invalid(p.path("MarkList"), "Mark and MarkList must not both be given");
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String code) || code.isBlank()) {
        throw ProviderError.invalid(p.path("MarkList") + "[" + i + "]", "must be a marking code string");
      }
    }
    int marks = mark ? 1 : list.size();
    if (marks > 0 && p.optionalInt("UnitCode").orElse(0) == PIECE
        && count.compareTo(BigDecimal.valueOf(marks)) != 0) {
      throw ProviderError.invalid(p.path("Count"),
          "must equal the number of marking codes " + marks + ", got " + count.toPlainString());
    }
  }

  private static void modifier(Fields m, boolean roundEveryItem, Sums sums) {
    BigDecimal given = m.positiveAmount("Sum");
    BigDecimal sum = roundEveryItem ? toTenge(given) : given;
    int type = m.oneOf("Type", MODIFIER_TYPES);
    m.optionalString("Text", 50);
    BigDecimal vat = modifierTax(m);
    if (type == 1) {
      sums.total = sums.total.subtract(sum);
      sums.discount = sums.discount.add(sum);
      sums.vat = sums.vat.subtract(vat);
    } else {
      sums.total = sums.total.add(sum);
      sums.markup = sums.markup.add(sum);
      sums.vat = sums.vat.add(vat);
    }
  }

  /** Checks a modifier's TaxType and TaxPercent; its Tax is taken as given (the provider does not check it). */
  private static BigDecimal modifierTax(Fields m) {
    int taxType = m.oneOf("TaxType", TAX_TYPES);
    if (taxType == 0) {
      return tax(m, zero());
    }
    m.oneOf("TaxPercent", VAT_PERCENTS);
    return money(m.optionalDecimal("Tax").orElse(BigDecimal.ZERO));
  }

  /** Checks TaxType, TaxPercent and Tax of a position whose amount is {@code sum}. */
  private static BigDecimal tax(Fields f, BigDecimal sum) {
    int taxType = f.oneOf("TaxType", TAX_TYPES);
    BigDecimal tax = f.optionalDecimal("Tax").orElse(BigDecimal.ZERO);
    if (taxType == 0) {
      if (f.optionalInt("TaxPercent").orElse(0) != 0) {
        throw ProviderError.invalid(f.path("TaxPercent"), "must be absent or 0 with TaxType 0");
      }
      if (tax.signum() != 0) {
        throw ProviderError.invalid(f.path("Tax"), "must be 0 with TaxType 0, got " + tax.toPlainString());
      }
      return zero();
    }
    int percent = f.oneOf("TaxPercent", VAT_PERCENTS);
    BigDecimal p = BigDecimal.valueOf(percent);
    BigDecimal expected = sum.multiply(p).divide(HUNDRED.add(p), 2, RoundingMode.HALF_UP);
    if (!f.has("Tax") || tax.compareTo(expected) != 0) {
      throw ProviderError.invalid(f.path("Tax"), "expected " + expected.toPlainString() + ", got "
          + (f.has("Tax") ? tax.toPlainString() : "nothing"));
    }
    return expected;
  }

  private static void customer(Fields body) {
    body.optionalString("CustomerEmail", 50);
    body.optionalString("CustomerPhone", 20);
    body.optionalString("CustomerXin", 12).ifPresent(xin -> {
      if (!Xin.isValid(xin)) {
        throw ProviderError.invalid("CustomerXin", "not a valid IIN/BIN");
      }
    });
  }

  private static Optional<CheckContent.Basis> returnBasis(Fields body, int operation) {
    Optional<Fields> details = body.optionalObject("ReturnBasisDetails");
    if (operation == 0 || operation == 2) {
      return Optional.empty();
    }
    Fields b = details.orElseThrow(
        () -> ProviderError.invalid("ReturnBasisDetails", "is required for OperationType " + operation));
    String dateTime = b.string("DateTime", 64);
    OffsetDateTime at;
    try {
      at = OffsetDateTime.parse(dateTime);
    } catch (DateTimeParseException e) {
      throw ProviderError.invalid(b.path("DateTime"), "must be ISO-8601 with an offset, got " + dateTime);
    }
    boolean offline = b.optionalBoolean("IsOffline")
        .orElseThrow(() -> ProviderError.invalid(b.path("IsOffline"), "is required"));
    return Optional.of(new CheckContent.Basis(b.string("CheckNumber", 50), at,
        b.string("RegistrationNumber", 12), b.amount("Total"), offline));
  }

  private record Payments(Map<Integer, BigDecimal> net, BigDecimal change) {}

  private static Payments payments(Fields body, BigDecimal total) {
    List<Fields> payments = body.objects("Payments");
    if (payments.isEmpty()) {
      throw ProviderError.invalid("Payments", "at least one payment is required");
    }
    Map<Integer, BigDecimal> byType = new TreeMap<>();
    for (Fields payment : payments) {
      int type = payment.oneOf("PaymentType", PAYMENT_TYPES);
      BigDecimal sum = payment.positiveAmount("Sum");
      if (byType.put(type, money(sum)) != null) {
        throw ProviderError.invalid(payment.path("PaymentType"), "type " + type + " appears more than once");
      }
    }
    BigDecimal cash = byType.getOrDefault(CASH, zero());
    BigDecimal paid = byType.values().stream().reduce(zero(), BigDecimal::add);
    BigDecimal nonCash = paid.subtract(cash);
    if (nonCash.compareTo(total) > 0) {
      throw ProviderError.invalid("Payments", "non-cash " + money(nonCash) + " exceeds the total " + money(total));
    }
    if (paid.compareTo(total) < 0) {
      throw ProviderError.invalid("Payments", "paid " + money(paid) + " is less than the total " + money(total));
    }
    BigDecimal change = money(paid.subtract(total));
    if (change.compareTo(cash) > 0) {
      throw ProviderError.invalid("Change", "change " + change + " exceeds the cash paid " + cash);
    }
    Optional<BigDecimal> sent = body.optionalDecimal("Change");
    if (sent.isPresent() && sent.get().compareTo(change) != 0) {
      throw ProviderError.invalid("Change", "expected " + change + ", got " + sent.get().toPlainString());
    }
    if (cash.signum() > 0) {
      byType.put(CASH, cash.subtract(change));
    }
    return new Payments(Map.copyOf(byType), change);
  }

  private static BigDecimal toTenge(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).setScale(2);
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
