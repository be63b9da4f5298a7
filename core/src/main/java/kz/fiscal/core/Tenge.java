package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative amount of Kazakh tenge, held exactly at two decimals (tiyn).
 *
 * <p>{@code Tenge.of("1.5")} equals {@code Tenge.of("1.50")}: the amount is normalised to scale 2
 * and anything finer than a tiyn is rejected rather than rounded. Immutable and thread-safe.
 *
 * @param amount the amount in tenge, at most two decimals, never negative
 */
public record Tenge(BigDecimal amount) implements Comparable<Tenge> {

  /** Zero tenge. */
  public static final Tenge ZERO = new Tenge(BigDecimal.ZERO);

  /**
   * Validates and normalises the amount.
   *
   * @throws IllegalArgumentException if the amount is negative, has more than two decimals, or carries an
   *     exponent that would add more than 100 digits (e.g. {@code 1E+999999999})
   */
  public Tenge {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("Tenge amount must not be negative, was " + Money.show(amount));
    }
    amount = Money.toScale(amount, 2, "Tenge amount", "tiyn");
  }

  /** Parses a decimal string such as {@code "500.00"} or {@code "1.5"}. */
  public static Tenge of(String amount) {
    Objects.requireNonNull(amount, "amount");
    return new Tenge(Money.parse(amount, "Tenge amount"));
  }

  /** Wraps a decimal amount; see the record's constructor for the rules. */
  public static Tenge of(BigDecimal amount) {
    return new Tenge(amount);
  }

  /** An amount given in tiyn (1/100 tenge), e.g. {@code ofTiyn(50_000)} is 500.00. */
  public static Tenge ofTiyn(long tiyn) {
    return new Tenge(BigDecimal.valueOf(tiyn, 2));
  }

  /** This amount in tiyn. */
  public long toTiyn() {
    return amount.unscaledValue().longValueExact();
  }

  /** The sum of both amounts. */
  public Tenge plus(Tenge other) {
    return new Tenge(amount.add(other.amount));
  }

  /**
   * The difference of both amounts.
   *
   * @throws IllegalArgumentException if {@code other} is larger than this amount
   */
  public Tenge minus(Tenge other) {
    return new Tenge(amount.subtract(other.amount));
  }

  /** This unit price times a quantity, rounded half away from zero to the tiyn. */
  public Tenge times(Quantity quantity) {
    return new Tenge(amount.multiply(quantity.value()).setScale(2, RoundingMode.HALF_UP));
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Whether this amount is strictly larger than {@code other}. */
  public boolean isGreaterThan(Tenge other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Tenge other) {
    return amount.compareTo(other.amount);
  }

  /** The plain amount with two decimals, e.g. {@code 500.00}. */
  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
