package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One position of a check: goods or a service with its quantity, unit price, VAT rate and optional
 * identification (NKT code, GTIN, NTIN, marking codes).
 *
 * <p>Construction rejects nulls only; the tax rules are {@link ReceiptValidator}'s business, so a
 * receipt can be judged as a whole. Immutable; build with {@link #builder(String)}.
 *
 * @param name goods or service name per the National Catalogue (≤ 255 characters)
 * @param nktCode NKT identification code (Webkassa {@code PositionCode}, ≤ 50)
 * @param ntin national goods identifier
 * @param gtin global trade item number (≤ 14 digits)
 * @param quantity quantity in {@code unit}
 * @param unit unit of measure
 * @param unitPrice price of one unit, VAT included
 * @param discount discount on this line, in tenge
 * @param markup markup on this line, in tenge
 * @param vat VAT rate
 * @param section department (section) number of the register, 0 when unused
 * @param markingCodes marking codes (data-matrix payloads), one per unit of marked goods
 * @param principal the principal when sold by an agent
 */
public record Item(
    String name,
    Optional<String> nktCode,
    Optional<String> ntin,
    Optional<String> gtin,
    Quantity quantity,
    Unit unit,
    Tenge unitPrice,
    Tenge discount,
    Tenge markup,
    VatRate vat,
    int section,
    List<String> markingCodes,
    Optional<Principal> principal) {

  public Item {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nktCode, "nktCode");
    Objects.requireNonNull(ntin, "ntin");
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(discount, "discount");
    Objects.requireNonNull(markup, "markup");
    Objects.requireNonNull(vat, "vat");
    Objects.requireNonNull(principal, "principal");
    markingCodes = NonNull.copyOf(markingCodes, "markingCodes");
    if (section < 0) {
      throw new IllegalArgumentException("Item section must be >= 0, was " + section);
    }
  }

  /** Starts an item of one piece with no VAT; set what differs. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** An item of {@code quantity} pieces at {@code unitPrice} each. */
  public static Item of(String name, Quantity quantity, Tenge unitPrice, VatRate vat) {
    return builder(name).quantity(quantity).unitPrice(unitPrice).vat(vat).build();
  }

  /** A builder initialised with this item's values. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The line sum before any receipt rounding: {@code round2(price × quantity) − discount + markup}
   * (docs/kz-fiscal-rules.md §4). {@link Receipt#itemSum(int)} applies the receipt's rounding on top.
   *
   * @throws IllegalStateException if the discount exceeds the line ({@link ReceiptValidator} reports it)
   */
  public Tenge sum() {
    BigDecimal sum = signedSum();
    if (sum.signum() < 0) {
      throw new IllegalStateException("Item " + Money.quote(name) + " has a discount larger than its line");
    }
    return new Tenge(sum);
  }

  /** The line sum, negative when the discount exceeds the line. */
  BigDecimal signedSum() {
    BigDecimal price = unitPrice.amount();
    BigDecimal count = quantity.value();
    if (price.unscaledValue().bitLength() < 31 && count.unscaledValue().bitLength() < 31) {
      // Both small (the hot path): tiyn × thousandths fits a long; round half up to the tiyn.
      long line = (price.unscaledValue().longValue() * count.unscaledValue().longValue() + 500) / 1000;
      if (discount.isZero() && markup.isZero()) {
        return BigDecimal.valueOf(line, 2);
      }
      return BigDecimal.valueOf(line, 2).subtract(discount.amount()).add(markup.amount());
    }
    return price.multiply(count).setScale(2, RoundingMode.HALF_UP).subtract(discount.amount()).add(markup.amount());
  }

  /** Collects an item's fields; not thread-safe. */
  public static final class Builder {
    private String name;
    private String nktCode;
    private String ntin;
    private String gtin;
    private Quantity quantity = Quantity.ONE;
    private Unit unit = Unit.PIECE;
    private Tenge unitPrice = Tenge.ZERO;
    private Tenge discount = Tenge.ZERO;
    private Tenge markup = Tenge.ZERO;
    private VatRate vat = VatRate.NO_VAT;
    private int section;
    private List<String> markingCodes;
    private Principal principal;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    private Builder(Item item) {
      name = item.name;
      nktCode = item.nktCode.orElse(null);
      ntin = item.ntin.orElse(null);
      gtin = item.gtin.orElse(null);
      quantity = item.quantity;
      unit = item.unit;
      unitPrice = item.unitPrice;
      discount = item.discount;
      markup = item.markup;
      vat = item.vat;
      section = item.section;
      markingCodes = item.markingCodes.isEmpty() ? null : new ArrayList<>(item.markingCodes);
      principal = item.principal.orElse(null);
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder nktCode(String nktCode) {
      this.nktCode = Objects.requireNonNull(nktCode, "nktCode");
      return this;
    }

    public Builder ntin(String ntin) {
      this.ntin = Objects.requireNonNull(ntin, "ntin");
      return this;
    }

    public Builder gtin(String gtin) {
      this.gtin = Objects.requireNonNull(gtin, "gtin");
      return this;
    }

    public Builder quantity(Quantity quantity) {
      this.quantity = Objects.requireNonNull(quantity, "quantity");
      return this;
    }

    public Builder quantity(String quantity) {
      return quantity(Quantity.of(quantity));
    }

    public Builder unit(Unit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    public Builder unitPrice(Tenge unitPrice) {
      this.unitPrice = Objects.requireNonNull(unitPrice, "unitPrice");
      return this;
    }

    public Builder unitPrice(String unitPrice) {
      return unitPrice(Tenge.of(unitPrice));
    }

    public Builder discount(Tenge discount) {
      this.discount = Objects.requireNonNull(discount, "discount");
      return this;
    }

    public Builder markup(Tenge markup) {
      this.markup = Objects.requireNonNull(markup, "markup");
      return this;
    }

    public Builder vat(VatRate vat) {
      this.vat = Objects.requireNonNull(vat, "vat");
      return this;
    }

    public Builder section(int section) {
      this.section = section;
      return this;
    }

    /** Adds one marking code; marked piece goods carry one per unit. */
    public Builder markingCode(String markingCode) {
      if (markingCodes == null) {
        markingCodes = new ArrayList<>(2);
      }
      markingCodes.add(Objects.requireNonNull(markingCode, "markingCode"));
      return this;
    }

    /** @throws NullPointerException naming the list or its first null element, e.g. {@code markingCodes[1]} */
    public Builder markingCodes(List<String> markingCodes) {
      this.markingCodes = new ArrayList<>(NonNull.copyOf(markingCodes, "markingCodes"));
      return this;
    }

    public Builder principal(Principal principal) {
      this.principal = Objects.requireNonNull(principal, "principal");
      return this;
    }

    public Item build() {
      return new Item(name, Optional.ofNullable(nktCode), Optional.ofNullable(ntin), Optional.ofNullable(gtin),
          quantity, unit, unitPrice, discount, markup, vat, section, markingCodes == null ? List.of() : markingCodes,
          Optional.ofNullable(principal));
    }
  }

  /**
   * The principal on whose behalf an agent sells an item (marketplaces, commission sales). Agent
   * requisites on Kazakh checks are unconfirmed (docs/kz-fiscal-rules.md §11), so this is optional data.
   *
   * @param name the principal's name
   * @param xin the principal's IIN/BIN
   */
  public record Principal(String name, Xin xin) {
    public Principal {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(xin, "xin");
    }
  }
}
