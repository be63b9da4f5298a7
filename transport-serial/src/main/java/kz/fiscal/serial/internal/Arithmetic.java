package kz.fiscal.serial.internal;

/**
 * The integer arithmetic driver and device must agree on (docs/serial-shtrih.md §2.1): line sums and VAT included in a
 * line, in tiyn, rounded half up. Stateless.
 */
public final class Arithmetic {
  private Arithmetic() {}

  /** {@code (qty × price + 500) / 1000}: the sum of a line of {@code quantityThousandths} at {@code priceTiyn}. */
  public static long lineSum(long quantityThousandths, long priceTiyn) {
    return Math.addExact(Math.multiplyExact(quantityThousandths, priceTiyn), 500) / 1000;
  }

  /** The VAT included in {@code sumTiyn} at {@code basisPoints} (1600 = 16 %), rounded half up. */
  public static long vatIncluded(long sumTiyn, int basisPoints) {
    long divisor = 2L * (10_000 + basisPoints);
    return (2 * sumTiyn * basisPoints + (10_000 + basisPoints)) / divisor;
  }
}
