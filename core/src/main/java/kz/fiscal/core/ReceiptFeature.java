package kz.fiscal.core;

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

