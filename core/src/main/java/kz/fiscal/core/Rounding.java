package kz.fiscal.core;


/**
 * How a check rounds to whole tenge (docs/kz-fiscal-rules.md §12, Webkassa {@code RoundType}); half away from
 * zero. Drivers always send it explicitly: the provider's default is {@link #EVERY_ITEM}.
 */
public enum Rounding {
  /** Items and total to the tiyn. */
  NONE(0),
  /**
   * Every term to whole tenge, as Webkassa computes it: an item's sum is
   * {@code round0(price × quantity − round0(discount) + round0(markup))} with its VAT on that sum, and
   * each check-level modifier counts {@code round0(amount)}.
   */
  EVERY_ITEM(2),
  /** Items to the tiyn, the total to whole tenge. */
  TOTAL_ONLY(3);

  private final int code;

  Rounding(int code) {
    this.code = code;
  }

  /** Webkassa's {@code RoundType}. */
  public int code() {
    return code;
  }
}
