package kz.fiscal.core;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * A check to fiscalize: operation, seller, items, check-level modifiers, payments, customer, return
 * basis and rounding, with the derived sums, VAT and change of docs/kz-fiscal-rules.md §4 and §12.
 *
 * <p>Construction rejects nulls only; {@link ReceiptValidator} judges the content and reports every
 * violation at once. Derived amounts throw {@link IllegalStateException} when a rule they depend on is
 * broken (e.g. a discount larger than its line). Immutable and thread-safe; build with
 * {@link #sale(Seller)} and its siblings.
 */
public final class Receipt {
  private final Operation operation;
  private final Seller seller;
  private final Optional<OffsetDateTime> operationTime;
  private final List<Item> items;
  private final List<Modifier> modifiers;
  private final List<Payment> payments;
  private final Customer customer;
  private final Optional<ReturnBasis> returnBasis;
  private final Rounding rounding;
  private final ReturnVatPolicy returnVatPolicy;
  /** The arithmetic, computed on first use and kept: a receipt is a value. */
  private volatile Totals totals;

  /**
   * A receipt of these parts; see the accessors for each. Rejects nulls only: {@link ReceiptValidator}
   * judges the content.
   */
  public Receipt(Operation operation, Seller seller, Optional<OffsetDateTime> operationTime, List<Item> items,
      List<Modifier> modifiers, List<Payment> payments, Customer customer, Optional<ReturnBasis> returnBasis,
      Rounding rounding, ReturnVatPolicy returnVatPolicy) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.seller = Objects.requireNonNull(seller, "seller");
    this.operationTime = Objects.requireNonNull(operationTime, "operationTime");
    operationTime.ifPresent(t -> KzTime.requirePlausible(t, "operationTime"));
    this.items = NonNull.copyOf(items, "items");
    this.modifiers = NonNull.copyOf(modifiers, "modifiers");
    this.payments = NonNull.copyOf(payments, "payments");
    this.customer = Objects.requireNonNull(customer, "customer");
    this.returnBasis = Objects.requireNonNull(returnBasis, "returnBasis");
    this.rounding = Objects.requireNonNull(rounding, "rounding");
    this.returnVatPolicy = Objects.requireNonNull(returnVatPolicy, "returnVatPolicy");
  }

  /** A receipt whose return, if it is one, carries the original sale's rates. */
  public Receipt(Operation operation, Seller seller, Optional<OffsetDateTime> operationTime, List<Item> items,
      List<Modifier> modifiers, List<Payment> payments, Customer customer, Optional<ReturnBasis> returnBasis,
      Rounding rounding) {
    this(operation, seller, operationTime, items, modifiers, payments, customer, returnBasis, rounding,
        ReturnVatPolicy.ORIGINAL_SALE);
  }

  /** Starts a sale by {@code seller}. */
  public static Builder sale(Seller seller) {
    return new Builder(Operation.SALE, seller);
  }

  /** Starts a return of the sale {@code basis} to the buyer. */
  public static Builder saleReturn(Seller seller, ReturnBasis basis) {
    return new Builder(Operation.SALE_RETURN, seller).returnBasis(basis);
  }

  /** Starts a purchase from a supplier. */
  public static Builder purchase(Seller seller) {
    return new Builder(Operation.PURCHASE, seller);
  }

  /** Starts a return of the purchase {@code basis} to the supplier. */
  public static Builder purchaseReturn(Seller seller, ReturnBasis basis) {
    return new Builder(Operation.PURCHASE_RETURN, seller).returnBasis(basis);
  }

  /** Starts a receipt of any operation. */
  public static Builder builder(Operation operation, Seller seller) {
    return new Builder(operation, seller);
  }

  /** A builder initialised with this receipt's values. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** This receipt with its operation time set, as the client stamps it before fiscalizing. */
  public Receipt withOperationTime(OffsetDateTime time) {
    return new Receipt(operation, seller, Optional.of(time), items, modifiers, payments, customer, returnBasis,
        rounding, returnVatPolicy);
  }

  /** The sum of item {@code index} after the receipt's rounding (whole tenge with {@link Rounding#EVERY_ITEM}). */
  public Tenge itemSum(int index) {
    return Totals.tenge(totals().itemSum(index), "items[" + index + "] sum");
  }

  /** The VAT included in item {@code index}, on its rounded sum. */
  public Tenge itemVat(int index) {
    return Totals.tenge(totals().itemVat(index), "items[" + index + "] VAT");
  }

  /**
   * What check-level modifier {@code index} counts in the total: its amount, or with
   * {@link Rounding#EVERY_ITEM} that amount rounded to whole tenge (a 41.28 markup counts 41.00), as
   * Webkassa counts it (docs/kz-fiscal-rules.md §12).
   */
  public Tenge modifierAmount(int index) {
    return new Tenge(totals().modifierAmount(index));
  }

  /**
   * The share of check-level modifier {@code index} carried by each rate: in proportion to the rates'
   * sums, each share rounded to the tiyn (to whole tenge with {@link Rounding#EVERY_ITEM}, so the shares
   * add up to {@link #modifierAmount(int)}) and the remainder on the rate with the largest sum.
   */
  public Map<VatRate, Tenge> modifierShares(int index) {
    return totals().modifierShares(index);
  }

  /**
   * The VAT per rate: the items' VAT, less the VAT of each rate's share of check-level discounts, plus
   * that of its share of markups. Holds every VAT rate used by an item (not {@link VatRate#NO_VAT}).
   */
  public Map<VatRate, Tenge> vatByRate() {
    return totals().vatByRate();
  }

  /**
   * The total: item sums less discounts plus markups ({@link #modifierAmount(int)}), rounded to whole
   * tenge with {@link Rounding#TOTAL_ONLY}; with {@link Rounding#EVERY_ITEM} every term already is.
   */
  public Tenge total() {
    return Totals.tenge(totals().total(), "total");
  }

  /** The sum of all payments. */
  public Tenge paid() {
    Tenge paid = Tenge.ZERO;
    for (Payment payment : payments) {
      paid = paid.plus(payment.amount());
    }
    return paid;
  }

  /** The change to give back from cash: what was paid above the total, zero when nothing was. */
  public Tenge change() {
    Totals totals = totals();
    return totals.paid().compareTo(totals.total()) > 0
        ? Totals.tenge(totals.paid().subtract(totals.total()), "change") : Tenge.ZERO;
  }

  /** The features this receipt uses, which a driver must be able to carry. */
  public Set<ReceiptFeature> features() {
    Set<ReceiptFeature> features = EnumSet.noneOf(ReceiptFeature.class);
    if (operation == Operation.PURCHASE || operation == Operation.PURCHASE_RETURN) {
      features.add(ReceiptFeature.PURCHASES);
    }
    if (operation.isReturn()) {
      features.add(ReceiptFeature.RETURNS);
    }
    for (Item item : items) {
      int codes = item.markingCodes().size();
      if (codes == 1) {
        features.add(ReceiptFeature.MARKING_CODE);
      } else if (codes > 1) {
        features.add(ReceiptFeature.MARKING_CODE_LIST);
      }
      if (item.gtin().isPresent() || item.ntin().isPresent()) {
        features.add(ReceiptFeature.GOODS_IDENTIFIERS);
      }
      if (!item.discount().isZero() || !item.markup().isZero()) {
        features.add(ReceiptFeature.ITEM_MODIFIERS);
      }
      if (item.principal().isPresent()) {
        features.add(ReceiptFeature.PRINCIPAL);
      }
      if (item.section() != 0) {
        features.add(ReceiptFeature.SECTIONS);
      }
    }
    if (!modifiers.isEmpty()) {
      features.add(ReceiptFeature.CHECK_MODIFIERS);
    }
    if (customer.email().isPresent() || customer.phone().isPresent()) {
      features.add(ReceiptFeature.CUSTOMER_CONTACT);
    }
    if (customer.xin().isPresent()) {
      features.add(ReceiptFeature.CUSTOMER_XIN);
    }
    for (Payment payment : payments) {
      if (payment.type() == PaymentType.MOBILE) {
        features.add(ReceiptFeature.MOBILE_PAYMENT);
      }
    }
    if (rounding != Rounding.NONE) {
      features.add(ReceiptFeature.ROUNDING);
    }
    return features;
  }

  /** The receipt's arithmetic, computed once (a benign race may compute it twice, with equal results). */
  Totals totals() {
    Totals computed = totals;
    if (computed == null) {
      computed = new Totals(this);
      totals = computed;
    }
    return computed;
  }

  /** Sale, sale return, purchase or purchase return. */
  public Operation operation() {
    return operation;
  }

  /** The taxpayer whose register issues the check. */
  public Seller seller() {
    return seller;
  }

  /** When the operation took place; empty means "now" on the client's clock. */
  public Optional<OffsetDateTime> operationTime() {
    return operationTime;
  }

  /** The positions, at least one. */
  public List<Item> items() {
    return items;
  }

  /** Check-level discounts and markups. */
  public List<Modifier> modifiers() {
    return modifiers;
  }

  /** The payments, one per type. */
  public List<Payment> payments() {
    return payments;
  }

  /** The buyer's contact and IIN/BIN. */
  public Customer customer() {
    return customer;
  }

  /** The original check, for returns. */
  public Optional<ReturnBasis> returnBasis() {
    return returnBasis;
  }

  /** How amounts round to whole tenge. */
  public Rounding rounding() {
    return rounding;
  }

  /** For a return, which date's VAT rates it carries (the original sale's by default). */
  public ReturnVatPolicy returnVatPolicy() {
    return returnVatPolicy;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Receipt r && operation == r.operation && seller.equals(r.seller)
        && operationTime.equals(r.operationTime) && items.equals(r.items) && modifiers.equals(r.modifiers)
        && payments.equals(r.payments) && customer.equals(r.customer) && returnBasis.equals(r.returnBasis)
        && rounding == r.rounding && returnVatPolicy == r.returnVatPolicy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, seller, operationTime, items, modifiers, payments, customer, returnBasis, rounding,
        returnVatPolicy);
  }

  @Override
  public String toString() {
    return "Receipt[operation=" + operation + ", seller=" + seller + ", operationTime=" + operationTime + ", items="
        + items + ", modifiers=" + modifiers + ", payments=" + payments + ", customer=" + customer + ", returnBasis="
        + returnBasis + ", rounding=" + rounding + ", returnVatPolicy=" + returnVatPolicy + "]";
  }

  /** Collects a receipt; not thread-safe. */
  public static final class Builder {
    private final Operation operation;
    private final Seller seller;
    private OffsetDateTime operationTime;
    private final List<Item> items = new ArrayList<>();
    private final List<Modifier> modifiers = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private Customer customer = Customer.ANONYMOUS;
    private ReturnBasis returnBasis;
    private Rounding rounding = Rounding.NONE;
    private ReturnVatPolicy returnVatPolicy = ReturnVatPolicy.ORIGINAL_SALE;

    private Builder(Operation operation, Seller seller) {
      this.operation = Objects.requireNonNull(operation, "operation");
      this.seller = Objects.requireNonNull(seller, "seller");
    }

    private Builder(Receipt receipt) {
      this(receipt.operation, receipt.seller);
      operationTime = receipt.operationTime.orElse(null);
      items.addAll(receipt.items);
      modifiers.addAll(receipt.modifiers);
      payments.addAll(receipt.payments);
      customer = receipt.customer;
      returnBasis = receipt.returnBasis.orElse(null);
      rounding = receipt.rounding;
      returnVatPolicy = receipt.returnVatPolicy;
    }

    /** When the operation took place; by default the client's clock at fiscalization. */
    public Builder operationTime(OffsetDateTime operationTime) {
      this.operationTime = Objects.requireNonNull(operationTime, "operationTime");
      return this;
    }

    public Builder item(Item item) {
      items.add(Objects.requireNonNull(item, "item"));
      return this;
    }

    /** Adds {@code quantity} pieces of {@code name} at {@code unitPrice} each. */
    public Builder item(String name, String quantity, String unitPrice, VatRate vat) {
      return item(Item.of(name, Quantity.of(quantity), Tenge.of(unitPrice), vat));
    }

    public Builder items(List<Item> items) {
      for (Item item : items) {
        item(item);
      }
      return this;
    }

    /** Adds a check-level discount. */
    public Builder discount(Tenge amount, String text) {
      return modifier(Modifier.discount(amount, text));
    }

    /** Adds a check-level markup. */
    public Builder markup(Tenge amount, String text) {
      return modifier(Modifier.markup(amount, text));
    }

    public Builder modifier(Modifier modifier) {
      modifiers.add(Objects.requireNonNull(modifier, "modifier"));
      return this;
    }

    public Builder payment(PaymentType type, Tenge amount) {
      return payment(Payment.of(type, amount));
    }

    public Builder payment(PaymentType type, String amount) {
      return payment(Payment.of(type, amount));
    }

    public Builder payment(Payment payment) {
      payments.add(Objects.requireNonNull(payment, "payment"));
      return this;
    }

    public Builder customer(Customer customer) {
      this.customer = Objects.requireNonNull(customer, "customer");
      return this;
    }

    public Builder returnBasis(ReturnBasis returnBasis) {
      this.returnBasis = Objects.requireNonNull(returnBasis, "returnBasis");
      return this;
    }

    public Builder rounding(Rounding rounding) {
      this.rounding = Objects.requireNonNull(rounding, "rounding");
      return this;
    }

    /** For a return, which date's VAT rates it carries; {@link ReturnVatPolicy#ORIGINAL_SALE} by default. */
    public Builder returnVatPolicy(ReturnVatPolicy returnVatPolicy) {
      this.returnVatPolicy = Objects.requireNonNull(returnVatPolicy, "returnVatPolicy");
      return this;
    }

    public Receipt build() {
      return new Receipt(operation, seller, Optional.ofNullable(operationTime), items, modifiers, payments,
          customer, Optional.ofNullable(returnBasis), rounding, returnVatPolicy);
    }
  }

  /**
   * A feature a receipt may use and a driver may or may not carry. {@code FiscalClient} refuses a
   * receipt whose {@link Receipt#features()} are not all in the driver's capabilities
   * ({@link ViolationCode#UNSUPPORTED_BY_DRIVER}) before journaling it.
   */
  public enum ReceiptFeature {
    /** Purchase and purchase-return operations. */
    PURCHASES("operation"),
    /** Return checks with a {@link ReturnBasis}. */
    RETURNS("operation"),
    /** One marking code on a position. */
    MARKING_CODE("items[].markingCodes"),
    /** Several marking codes on one position (protocol 2.0.3). */
    MARKING_CODE_LIST("items[].markingCodes"),
    /** GTIN or NTIN on a position. */
    GOODS_IDENTIFIERS("items[].gtin"),
    /** Discount or markup on a position. */
    ITEM_MODIFIERS("items[].discount"),
    /** Check-level discounts and markups. */
    CHECK_MODIFIERS("modifiers"),
    /** Buyer e-mail or phone for an e-check. */
    CUSTOMER_CONTACT("customer"),
    /** Buyer IIN/BIN. */
    CUSTOMER_XIN("customer.xin"),
    /** Agent sales on behalf of a principal. */
    PRINCIPAL("items[].principal"),
    /** Mobile payments. */
    MOBILE_PAYMENT("payments"),
    /** Rounding other than {@link Rounding#NONE}. */
    ROUNDING("rounding"),
    /** Positions assigned to a section other than 0. */
    SECTIONS("items[].section");

    private final String path;

    ReceiptFeature(String path) {
      this.path = path;
    }

    /** Where in a receipt the feature shows, as a {@link Violation} path. */
    public String path() {
      return path;
    }
  }
}
