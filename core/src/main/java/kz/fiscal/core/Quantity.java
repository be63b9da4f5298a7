package kz.fiscal.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A positive quantity of goods with at most three decimals (the protocol stores thousandths).
 *
 * <p>Normalised to scale 3, so {@code Quantity.of("1.5")} equals {@code Quantity.of("1.500")}.
 * Immutable and thread-safe.
 *
 * @param value the quantity, greater than zero, at most three decimals
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

  /** One unit. */
  public static final Quantity ONE = new Quantity(BigDecimal.ONE);

  /**
   * Validates and normalises the value.
   *
   * @throws IllegalArgumentException if the value is not positive, has more than three decimals, or carries
   *     an exponent that would add more than 100 digits (e.g. {@code 1E+999999999})
   */
  public Quantity {
    Objects.requireNonNull(value, "value");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("Quantity must be greater than 0, was " + Money.show(value));
    }
    value = Money.toScale(value, 3, "Quantity", "thousandths");
  }

  /** Parses a decimal string such as {@code "1.5"}. */
  public static Quantity of(String value) {
    Objects.requireNonNull(value, "value");
    return new Quantity(Money.parse(value, "Quantity"));
  }

  /** Wraps a decimal value; see the record's constructor for the rules. */
  public static Quantity of(BigDecimal value) {
    return new Quantity(value);
  }

  /** A whole number of units. */
  public static Quantity of(long units) {
    return new Quantity(BigDecimal.valueOf(units));
  }

  /** Whether the quantity is a whole number (needed for piece goods with marking codes). */
  public boolean isWhole() {
    return value.remainder(BigDecimal.ONE).signum() == 0;
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /** The quantity without trailing zeros, e.g. {@code 1.5} or {@code 2}. */
  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString();
  }
}
