package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal parsing and scale checks shared by {@link Tenge} and {@link Quantity}, and the quoting of
 * inputs in messages: at most {@value #QUOTED} characters, control characters escaped.
 */
final class Money {
  /**
   * The longest text parsed: far beyond any amount or quantity written out, short enough that a
   * megabyte of digits is refused at once rather than parsed for seconds.
   */
  static final int MAX_TEXT = 100;
  /** The most characters of an input a message quotes. */
  static final int QUOTED = 40;

  /**
   * The most digits that normalising may append to a value (an exponent such as {@code 1E+30} is
   * expanded to 30 zeros): far beyond any real amount, and small enough that a short text such as
   * {@code 1E+999999999} is refused at once instead of being expanded into a billion digits.
   */
  static final int MAX_EXPANSION = 100;

  private Money() {}

  static BigDecimal parse(String text, String field) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + " must be a decimal number of at most " + MAX_TEXT
          + " characters, was " + quote(text));
    }
    String trimmed = text.strip();
    BigDecimal plain = parsePlain(trimmed);
    if (plain != null) {
      return plain;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        // BigDecimal would also read Arabic-Indic and other Unicode digits.
        throw new IllegalArgumentException(field + " must be a decimal number, was " + quote(text));
      }
    }
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a decimal number, was " + quote(text));
    }
  }

  /**
   * Reads the common form {@code [+-]digits[.digits]} with at most 18 digits straight into a long,
   * several times faster than {@code new BigDecimal(String)}; null for anything else.
   */
  private static BigDecimal parsePlain(String text) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = -1;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits > 18) {
          return null;
        }
        unscaled = unscaled * 10 + (c - '0');
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        return null;
      }
    }
    return digits == 0 ? null : BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
  }

  /**
   * Returns {@code value} at exactly {@code scale} decimals, rejecting anything finer. The work is
   * bounded by the digits of {@code value}, whatever its exponent.
   */
  static BigDecimal toScale(BigDecimal value, int scale, String field, String unitName) {
    if (value.scale() == scale) {
      return value;
    }
    if (value.signum() == 0) {
      return BigDecimal.valueOf(0, scale);
    }
    long drop = (long) value.scale() - scale;
    if (drop > 0) {
      // p digits have at most p - 1 trailing zeros: dropping p or more digits loses a non-zero one.
      if (drop < value.precision()) {
        try {
          return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
          // falls through to the refusal
        }
      }
      throw new IllegalArgumentException(
          field + " must have at most " + scale + " decimals (" + unitName + "), was " + show(value));
    }
    if (-drop > MAX_EXPANSION) {
      throw new IllegalArgumentException(field + " is too large, was " + show(value));
    }
    return value.setScale(scale);
  }

  /** The value for a message: plain, unless the plain form would run to more than a line; at most ~40 characters. */
  static String show(BigDecimal value) {
    String shown = Math.abs((long) value.scale()) <= 64 ? value.toPlainString() : value.toString();
    return shown.length() <= QUOTED ? shown : shown.substring(0, QUOTED) + "… (" + value.precision() + " digits)";
  }

  /**
   * {@code text} in single quotes for a message: its first {@value #QUOTED} characters with control
   * characters written as Java escapes (backslash, u, four hex digits), and its length when it is longer.
   */
  static String quote(String text) {
    int n = Math.min(text.length(), QUOTED);
    if (n < text.length() && n > 0 && Character.isHighSurrogate(text.charAt(n - 1))) {
      n--;
    }
    StringBuilder quoted = new StringBuilder(n + 24).append('\'');
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    quoted.append('\'');
    return n < text.length() ? quoted.append("… (").append(text.length()).append(" characters)").toString()
        : quoted.toString();
  }
}
