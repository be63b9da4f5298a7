package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal parsing and scale checks shared by {@link Tenge} and {@link Quantity}. */
final class Money {
  private Money() {}

  static BigDecimal parse(String text, String field) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a decimal number, was '" + text + "'");
    }
  }

  /** Returns {@code value} at exactly {@code scale} decimals, rejecting anything finer. */
  static BigDecimal toScale(BigDecimal value, int scale, String field, String unitName) {
    if (value.scale() == scale) {
      return value;
    }
    try {
      return value.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          field + " must have at most " + scale + " decimals (" + unitName + "), was " + value.toPlainString());
    }
  }
}
