package kz.fiscal.core;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * Checks a receipt against the Kazakh rules (docs/kz-fiscal-rules.md §2-§8) and the provider's field limits
 * (docs/webkassa-v4.md), reporting every {@link Violation} at once. Never throws on a receipt that could
 * be constructed. Immutable and thread-safe.
 *
 * <p>VAT rates are checked against the {@link VatSchedule} on the operation date at +05:00 (the
 * clock's today when the receipt has no time yet); a return is checked against its original sale's date
 * unless its {@link ReturnVatPolicy} is {@link ReturnVatPolicy#RETURN_DATE}.
 *
 * <p>Sizes are limited so that an accepted receipt fits the providers and the journal: at most 1 000
 * items, 100 check-level modifiers and 1 000 marking codes; item, principal and seller names and the
 * address ≤ 255 characters, codes ≤ 50, GTIN ≤ 14, a marking code ≤ 255, modifier text and e-mail ≤ 50,
 * phone ≤ 20; every amount and the total ≤ 9 999 999 999.99; a quantity ≤ 9 999 999.999; the stored
 * receipt ≤ 1 000 000 characters ({@link ViolationCode#TOO_MANY}, {@link ViolationCode#TOO_LONG},
 * {@link ViolationCode#TOO_LARGE}).
 */
public final class ReceiptValidator {
  private static final int MAX_NAME = ReceiptLimits.MAX_NAME;
  private static final int MAX_CODE = ReceiptLimits.MAX_CODE;
  private static final int MAX_GTIN = ReceiptLimits.MAX_GTIN;
  private static final int MAX_MODIFIER_TEXT = ReceiptLimits.MAX_MODIFIER_TEXT;
  private static final int MAX_EMAIL = ReceiptLimits.MAX_EMAIL;
  private static final int MAX_PHONE = ReceiptLimits.MAX_PHONE;
  private static final int MAX_PHONE_AS_WRITTEN = ReceiptLimits.MAX_PHONE_AS_WRITTEN;
  static final int MAX_FISCAL_SIGN = 20;
  static final int RNM_LENGTH = 12;

  private static final ReceiptValidator DEFAULTS = new ReceiptValidator(VatSchedule.defaults(), Clock.systemUTC());

  private final VatSchedule schedule;
  private final Clock clock;

  private ReceiptValidator(VatSchedule schedule, Clock clock) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The default VAT schedule and the system clock. */
  public static ReceiptValidator defaults() {
    return DEFAULTS;
  }

  /** A validator with the caller's VAT schedule and clock. */
  public static ReceiptValidator of(VatSchedule schedule, Clock clock) {
    return new ReceiptValidator(schedule, clock);
  }

  /** Every rule the receipt breaks; empty when it is valid. */
  public List<Violation> validate(Receipt receipt) {
    List<Violation> violations = new ArrayList<>(0);
    Totals totals = receipt.totals();
    Seller seller = receipt.seller();
    LocalDate vatDate = vatDate(receipt);

    List<Item> items = receipt.items();
    if (items.isEmpty()) {
      add(violations, ViolationCode.NO_ITEMS, "items", "a check needs at least one item");
    }
    ReceiptLimits.checkCounts(receipt, violations);
    for (int i = 0; i < items.size(); i++) {
      checkItem(items.get(i), i, totals.lineSum(i), seller, vatDate, violations);
    }
    checkModifiers(receipt.modifiers(), totals, violations);
    checkPayments(receipt.payments(), totals, violations);
    checkReturnBasis(receipt, totals, violations);
    checkCustomer(receipt.customer(), seller, violations);
    checkSeller(seller, violations);
    ReceiptLimits.amount(totals.total(), "total", violations);
    if (violations.isEmpty()) {
      ReceiptLimits.checkStored(receipt, violations);
    }
    return violations.isEmpty() ? List.of() : Collections.unmodifiableList(violations);
  }

  /** As {@link #validate(Receipt)}, plus {@link ViolationCode#UNSUPPORTED_BY_DRIVER} per missing capability. */
  public List<Violation> validate(Receipt receipt, Set<ReceiptFeature> capabilities) {
    List<Violation> violations = new ArrayList<>(validate(receipt));
    for (ReceiptFeature feature : receipt.features()) {
      if (!capabilities.contains(feature)) {
        add(violations, ViolationCode.UNSUPPORTED_BY_DRIVER, feature.path(),
            "the driver cannot carry " + feature);
      }
    }
    return violations.isEmpty() ? List.of() : Collections.unmodifiableList(violations);
  }

  /**
   * Throws when the receipt breaks any rule.
   *
   * @throws InvalidReceiptException carrying every violation
   */
  public void check(Receipt receipt) throws InvalidReceiptException {
    List<Violation> violations = validate(receipt);
    if (!violations.isEmpty()) {
      throw new InvalidReceiptException(violations);
    }
  }

  /**
   * The items whose VAT rate is not in force for a check dated {@code checkDate}: what a register that
   * stamps its own time prints when the receipt is sent later than it was made. A return carrying the
   * original sale's rates ({@link ReturnVatPolicy#ORIGINAL_SALE}) is judged on its basis date still.
   */
  public List<Violation> vatRatesOn(Receipt receipt, LocalDate checkDate) {
    List<Violation> violations = new ArrayList<>(0);
    LocalDate vatDate = vatDate(receipt, checkDate);
    for (int i = 0; i < receipt.items().size(); i++) {
      checkRate(receipt.items().get(i).vat(), i, vatDate, violations);
    }
    return violations.isEmpty() ? List.of() : Collections.unmodifiableList(violations);
  }

  private LocalDate vatDate(Receipt receipt) {
    return vatDate(receipt, operationTime(receipt).toLocalDate());
  }

  /** The basis date for a return under {@link ReturnVatPolicy#ORIGINAL_SALE}, else the check's own date. */
  private static LocalDate vatDate(Receipt receipt, LocalDate checkDate) {
    Optional<ReturnBasis> basis = receipt.returnBasis();
    if (receipt.operation().isReturn() && basis.isPresent()
        && receipt.returnVatPolicy() == ReturnVatPolicy.ORIGINAL_SALE) {
      return KzTime.of(basis.get().dateTime()).toLocalDate();
    }
    return checkDate;
  }

  private void checkRate(VatRate vat, int i, LocalDate vatDate, List<Violation> violations) {
    if (!schedule.isAllowed(vat, vatDate)) {
      add(violations, ViolationCode.VAT_RATE_NOT_IN_FORCE, itemPath(i, "vat"),
          vat + " is not in force on " + vatDate + "; allowed: " + schedule.allowedOn(vatDate));
    }
  }

  private OffsetDateTime operationTime(Receipt receipt) {
    return receipt.operationTime().isPresent() ? KzTime.of(receipt.operationTime().get()) : KzTime.now(clock);
  }

  private void checkItem(Item item, int i, BigDecimal lineSum, Seller seller, LocalDate vatDate,
      List<Violation> violations) {
    checkText(item.name(), MAX_NAME, violations, i, "name");
    if (item.nktCode().isPresent()) {
      checkText(item.nktCode().get(), MAX_CODE, violations, i, "nktCode");
    }
    if (item.ntin().isPresent()) {
      checkText(item.ntin().get(), MAX_CODE, violations, i, "ntin");
    }
    if (item.gtin().isPresent()) {
      String gtin = item.gtin().get();
      if (gtin.length() > MAX_GTIN) {
        add(violations, ViolationCode.TOO_LONG, itemPath(i, "gtin"), "GTIN has " + gtin.length() + " digits, at most 14");
      } else if (gtin.isEmpty() || !digits(gtin)) {
        add(violations, ViolationCode.MALFORMED, itemPath(i, "gtin"), "GTIN must be 1 to 14 digits");
      }
    }
    ReceiptLimits.itemQuantity(item.quantity(), i, "quantity", violations);
    ReceiptLimits.itemLength(item.unit().name(), MAX_CODE, i, "unit.name", violations);
    ReceiptLimits.itemAmount(item.unitPrice(), i, "unitPrice", violations);
    ReceiptLimits.itemAmount(item.discount(), i, "discount", violations);
    ReceiptLimits.itemAmount(item.markup(), i, "markup", violations);
    if (item.unitPrice().isZero()) {
      add(violations, ViolationCode.PRICE_NOT_POSITIVE, itemPath(i, "unitPrice"), "unit price must be above 0.00");
    }
    if (lineSum.signum() < 0) {
      add(violations, ViolationCode.DISCOUNT_EXCEEDS_LINE, itemPath(i, "discount"),
          "discount " + item.discount() + " exceeds the line " + item.unitPrice().times(item.quantity()).plus(item.markup()));
    }
    VatRate vat = item.vat();
    checkRate(vat, i, vatDate, violations);
    if (vat.isVat() && !seller.vatPayer()) {
      add(violations, ViolationCode.VAT_FOR_NON_PAYER, itemPath(i, "vat"),
          "the seller is not a VAT payer, so the item must be NO_VAT, not " + vat);
    }
    List<String> codes = item.markingCodes();
    for (int c = 0; c < codes.size(); c++) {
      if (codes.get(c).isBlank()) {
        add(violations, ViolationCode.BLANK, itemPath(i, "markingCodes[" + c + "]"), "marking code is blank");
      } else {
        ReceiptLimits.length(codes.get(c), ReceiptLimits.MAX_MARKING_CODE, itemPath(i, "markingCodes[" + c + "]"),
            violations);
      }
    }
    if (!codes.isEmpty() && item.unit().code() == Unit.PIECE.code()
        && item.quantity().value().compareTo(BigDecimal.valueOf(codes.size())) != 0) {
      add(violations, ViolationCode.MARKING_CODES_COUNT, itemPath(i, "markingCodes"),
          codes.size() + " marking codes for a quantity of " + item.quantity() + " pieces: one code per piece");
    }
    if (item.principal().isPresent()) {
      Principal principal = item.principal().get();
      if (principal.name().isBlank()) {
        add(violations, ViolationCode.BLANK, itemPath(i, "principal.name"), "principal name is blank");
      } else {
        ReceiptLimits.itemLength(principal.name(), MAX_NAME, i, "principal.name", violations);
      }
      if (principal.xin().equals(seller.xin())) {
        add(violations, ViolationCode.PRINCIPAL_IS_SELLER, itemPath(i, "principal.xin"),
            "an agent sale's principal must be another taxpayer than the seller");
      }
    }
  }

  private static void checkModifiers(List<Modifier> modifiers, Totals totals, List<Violation> violations) {
    BigDecimal discounts = BigDecimal.ZERO;
    for (int m = 0; m < modifiers.size(); m++) {
      Modifier modifier = modifiers.get(m);
      String path = "modifiers[" + m + "]";
      if (modifier.amount().isZero()) {
        add(violations, ViolationCode.MODIFIER_NOT_POSITIVE, path + ".amount", "amount must be above 0.00");
      }
      ReceiptLimits.amount(modifier.amount(), path + ".amount", violations);
      ReceiptLimits.length(modifier.text(), MAX_MODIFIER_TEXT, path + ".text", violations);
      if (modifier.kind() == Modifier.Kind.DISCOUNT) {
        discounts = discounts.add(totals.modifierAmount(m));
      }
    }
    // Without check discounts a negative items' sum comes from a line discount, already DISCOUNT_EXCEEDS_LINE.
    if (discounts.signum() > 0 && discounts.compareTo(totals.itemsTotal()) > 0) {
      add(violations, ViolationCode.DISCOUNT_EXCEEDS_TOTAL, "modifiers",
          "check discounts " + discounts.toPlainString() + " exceed the items' sum " + totals.itemsTotal().toPlainString());
    }
  }

  private static void checkPayments(List<Payment> payments, Totals totals, List<Violation> violations) {
    int seen = 0;
    boolean hasCash = false;
    for (int p = 0; p < payments.size(); p++) {
      Payment payment = payments.get(p);
      int bit = 1 << payment.type().ordinal();
      if ((seen & bit) != 0) {
        add(violations, ViolationCode.PAYMENT_TYPE_REPEATED, "payments[" + p + "].type",
            payment.type() + " appears more than once; give one payment per type");
      }
      seen |= bit;
      hasCash |= payment.type() == PaymentType.CASH;
      if (payment.amount().isZero()) {
        add(violations, ViolationCode.PAYMENT_NOT_POSITIVE, "payments[" + p + "].amount", "amount must be above 0.00");
      }
      ReceiptLimits.amount(payment.amount(), "payments[" + p + "].amount", violations);
    }
    BigDecimal total = totals.total();
    if (total.signum() < 0) {
      // Only an oversized discount makes the total negative, and it is reported as such: payments
      // compared with a negative total would add false violations (e.g. "non-cash 0.00 above the total").
      return;
    }
    BigDecimal paid = totals.paid();
    int cmp = paid.compareTo(total);
    if (cmp < 0) {
      add(violations, ViolationCode.UNDERPAID, "payments",
          "paid " + paid.toPlainString() + " is less than the total " + total.toPlainString());
    } else if (cmp > 0 && !hasCash) {
      add(violations, ViolationCode.CHANGE_WITHOUT_CASH, "payments",
          "paid " + paid.toPlainString() + " above the total " + total.toPlainString()
              + " without cash: change can only be given from cash");
    } else if (paid.subtract(totals.cash()).compareTo(total) > 0) {
      add(violations, ViolationCode.NON_CASH_ABOVE_TOTAL, "payments",
          "non-cash payments " + paid.subtract(totals.cash()).toPlainString() + " exceed the total "
              + total.toPlainString() + ": the change would exceed the cash");
    }
  }

  private void checkReturnBasis(Receipt receipt, Totals totals, List<Violation> violations) {
    Optional<ReturnBasis> maybeBasis = receipt.returnBasis();
    if (!receipt.operation().isReturn()) {
      if (maybeBasis.isPresent()) {
        add(violations, ViolationCode.RETURN_BASIS_NOT_ALLOWED, "returnBasis",
            "only a return refers to an original check, not a " + receipt.operation());
      }
      return;
    }
    if (maybeBasis.isEmpty()) {
      add(violations, ViolationCode.RETURN_BASIS_MISSING, "returnBasis",
          "a return must refer to the original check (protocol 2.0.3)");
      return;
    }
    ReturnBasis basis = maybeBasis.get();
    String sign = basis.fiscalSign();
    if (sign.isEmpty() || sign.length() > MAX_FISCAL_SIGN || !digits(sign)) {
      add(violations, ViolationCode.MALFORMED, "returnBasis.fiscalSign", "fiscal sign must be 1 to 20 digits");
    }
    if (basis.rnm().length() != RNM_LENGTH || !digits(basis.rnm())) {
      add(violations, ViolationCode.MALFORMED, "returnBasis.rnm", "RNM must be 12 digits");
    }
    ReceiptLimits.amount(basis.total(), "returnBasis.total", violations);
    if (totals.total().compareTo(basis.total().amount()) > 0) {
      add(violations, ViolationCode.RETURN_EXCEEDS_BASIS, "returnBasis.total",
          "the return's total " + totals.total().toPlainString() + " exceeds the original's " + basis.total());
    }
    if (basis.dateTime().isAfter(operationTime(receipt))) {
      add(violations, ViolationCode.RETURN_BASIS_AFTER_OPERATION, "returnBasis.dateTime",
          "the original check is dated after the return");
    }
  }

  private static void checkCustomer(Customer customer, Seller seller, List<Violation> violations) {
    if (customer.email().isPresent()) {
      String email = customer.email().get();
      if (email.length() > MAX_EMAIL) {
        add(violations, ViolationCode.TOO_LONG, "customer.email", "e-mail has " + email.length() + " characters, at most 50");
      } else if (!plausibleEmail(email)) {
        add(violations, ViolationCode.MALFORMED, "customer.email", "e-mail must look like name@domain.tld");
      }
    }
    if (customer.phone().isPresent()) {
      // The length that counts is the wire's (+ and the digits); the text as written has room for separators.
      String phone = customer.phone().get();
      long wire = 1 + phone.chars().filter(c -> c >= '0' && c <= '9').count();
      if (phone.length() > MAX_PHONE_AS_WRITTEN) {
        add(violations, ViolationCode.TOO_LONG, "customer.phone",
            "phone has " + phone.length() + " characters, at most " + MAX_PHONE_AS_WRITTEN);
      } else if (wire > MAX_PHONE) {
        add(violations, ViolationCode.TOO_LONG, "customer.phone", "phone has " + wire + " characters, at most 20");
      } else if (Customer.normalizePhone(phone).isEmpty()) {
        add(violations, ViolationCode.MALFORMED, "customer.phone",
            "phone must be 10 to 15 digits with an optional leading +, e.g. +77011234567 or 8 (701) 123-45-67");
      }
    }
    if (customer.xin().isPresent() && customer.xin().get().equals(seller.xin())) {
      add(violations, ViolationCode.CUSTOMER_IS_SELLER, "customer.xin",
          "the buyer's IIN/BIN equals the seller's (the OFD refuses it with result 17)");
    }
  }

  private static void checkSeller(Seller seller, List<Violation> violations) {
    if (seller.name().isBlank()) {
      add(violations, ViolationCode.BLANK, "seller.name", "the taxpayer name is a mandatory requisite");
    }
    ReceiptLimits.length(seller.name(), MAX_NAME, "seller.name", violations);
    if (seller.address().isBlank()) {
      add(violations, ViolationCode.BLANK, "seller.address", "the register's address is a mandatory requisite");
    }
    ReceiptLimits.length(seller.address(), MAX_NAME, "seller.address", violations);
    seller.vatCertificate().ifPresent(certificate -> {
      ReceiptLimits.length(certificate.series(), MAX_CODE, "seller.vatCertificate.series", violations);
      ReceiptLimits.length(certificate.number(), MAX_CODE, "seller.vatCertificate.number", violations);
    });
  }

  private static void checkText(String text, int max, List<Violation> violations, int item, String field) {
    if (text.isBlank()) {
      add(violations, ViolationCode.BLANK, itemPath(item, field), field + " is blank");
    } else {
      ReceiptLimits.itemLength(text, max, item, field, violations);
    }
  }

  private static String itemPath(int item, String field) {
    return ReceiptLimits.itemPath(item, field);
  }

  private static void add(List<Violation> violations, ViolationCode code, String path, String message) {
    violations.add(new Violation(code, path, message));
  }

  private static boolean digits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** One {@code @}, a non-empty local part, a dotted domain, no whitespace. */
  static boolean plausibleEmail(String email) {
    int at = email.indexOf('@');
    if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      return false;
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    int dot = email.lastIndexOf('.');
    return dot > at + 1 && dot < email.length() - 1 && email.indexOf("..", at) < 0;
  }

}
