package kz.fiscal.core;

/**
 * How a check rounds to whole tenge (kz-fiscal-rules §12, Webkassa {@code RoundType}); half away from
 * zero. Drivers always send it explicitly: the provider's default is {@link #EVERY_ITEM}.
 */
public enum Rounding {
  /** Items and total to the tiyn. */
  NONE(0),
  /** Every item's sum to whole tenge; VAT is computed on the rounded sum. */
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
