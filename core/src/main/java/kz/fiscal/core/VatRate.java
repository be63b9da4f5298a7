package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A VAT rate of the Kazakh Tax Code. Which rates may be used on a given date is {@link VatSchedule}'s
 * business, not this enum's.
 *
 * <p>{@link #NO_VAT} (exempt supply or a seller who is not a VAT payer) is distinct from {@link #ZERO}
 * (VAT at 0 %, e.g. export).
 */
public enum VatRate {
  NO_VAT(0, false),
  ZERO(0, true),
  FIVE(5, true),
  TEN(10, true),
  TWELVE(12, true),
  SIXTEEN(16, true);

  private final int percent;
  private final boolean vat;
  private final BigDecimal percentDecimal;
  private final BigDecimal divisor;

  VatRate(int percent, boolean vat) {
    this.percent = percent;
    this.vat = vat;
    this.percentDecimal = BigDecimal.valueOf(percent);
    this.divisor = BigDecimal.valueOf(100L + percent);
  }

  /** The rate in percent; 0 for both {@link #ZERO} and {@link #NO_VAT}. */
  public int percent() {
    return percent;
  }

  /** Whether this is a VAT rate at all (false only for {@link #NO_VAT}). */
  public boolean isVat() {
    return vat;
  }

  /**
   * The VAT included in a sum: {@code round2(sum * p / (100 + p))}, half away from zero
   * (docs/kz-fiscal-rules.md §4). Zero for {@link #ZERO} and {@link #NO_VAT}.
   */
  public Tenge vatIncludedIn(Tenge sum) {
    return new Tenge(vatIncludedIn(sum.amount()));
  }

  /** As {@link #vatIncludedIn(Tenge)} on a signed amount; HALF_UP rounds half away from zero. */
  BigDecimal vatIncludedIn(BigDecimal sum) {
    if (percent == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (sum.scale() == 2 && sum.unscaledValue().bitLength() < 48) {
      // Exact in tiyn on longs (the hot path): half away from zero, as HALF_UP does on BigDecimal.
      long tiyn = sum.unscaledValue().longValue();
      long magnitude = (Math.abs(tiyn) * percent * 2 + 100 + percent) / (2L * (100 + percent));
      return BigDecimal.valueOf(tiyn < 0 ? -magnitude : magnitude, 2);
    }
    return sum.multiply(percentDecimal).divide(divisor, 2, RoundingMode.HALF_UP);
  }

  /** The rate with this percentage that is a VAT rate (so 0 gives {@link #ZERO}). */
  public static VatRate ofPercent(int percent) {
    for (VatRate rate : values()) {
      if (rate.vat && rate.percent == percent) {
        return rate;
      }
    }
    throw new IllegalArgumentException("No VAT rate of " + percent + " %");
  }
}
