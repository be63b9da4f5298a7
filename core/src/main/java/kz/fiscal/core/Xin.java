package kz.fiscal.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A Kazakh individual (IIN) or business (BIN) identification number: 12 digits with a check digit.
 *
 * <p>Construction validates the check digit (docs/kz-fiscal-rules.md §5). {@link #toString()} masks an IIN,
 * which is personal data; {@link #value()} gives the full number. Immutable and thread-safe.
 *
 * @param value the twelve digits
 */
public record Xin(String value) {

  private static final int LENGTH = 12;
  private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

  /** Who the number identifies, read from digit 5 (a BIN's entity type; an IIN's birth-day tens). */
  public enum Kind {
    /** A person's IIN (digits 1-6 are the birth date). */
    IIN,
    /** A BIN of a resident legal entity (digit 5 = 4). */
    RESIDENT_LEGAL_ENTITY,
    /** A BIN of a non-resident legal entity (digit 5 = 5). */
    NON_RESIDENT_LEGAL_ENTITY,
    /** A BIN of an individual entrepreneur in joint business (digit 5 = 6). */
    JOINT_ENTREPRENEUR,
    /** A valid number whose digit 5 (7, 8 or 9) has no published meaning. */
    UNCLASSIFIED;

    /** Whether this is a business identification number. */
    public boolean isBin() {
      return this == RESIDENT_LEGAL_ENTITY || this == NON_RESIDENT_LEGAL_ENTITY || this == JOINT_ENTREPRENEUR;
    }
  }

  /** The part of a legal entity a BIN identifies, read from digit 6. */
  public enum Division {
    HEAD_OFFICE, BRANCH, REPRESENTATIVE_OFFICE, FARM
  }

  /**
   * Validates the number.
   *
   * @throws IllegalArgumentException naming the reason: length, a non-digit, or the check digit
   */
  public Xin {
    Objects.requireNonNull(value, "value");
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Parses a 12-digit IIN or BIN; whitespace is not trimmed. */
  public static Xin parse(String value) {
    return new Xin(value);
  }

  /** Whether {@code value} is a well-formed IIN/BIN with a valid check digit. */
  public static boolean isValid(String value) {
    return value != null && problem(value) == null;
  }

  /** The holder type, from digit 5. */
  public Kind kind() {
    return switch (value.charAt(4)) {
      case '0', '1', '2', '3' -> Kind.IIN;
      case '4' -> Kind.RESIDENT_LEGAL_ENTITY;
      case '5' -> Kind.NON_RESIDENT_LEGAL_ENTITY;
      case '6' -> Kind.JOINT_ENTREPRENEUR;
      default -> Kind.UNCLASSIFIED;
    };
  }

  /** For a BIN, the division from digit 6; empty for an IIN or an unpublished digit. */
  public Optional<Division> division() {
    if (!kind().isBin()) {
      return Optional.empty();
    }
    return switch (value.charAt(5)) {
      case '0' -> Optional.of(Division.HEAD_OFFICE);
      case '1' -> Optional.of(Division.BRANCH);
      case '2' -> Optional.of(Division.REPRESENTATIVE_OFFICE);
      case '3' -> Optional.of(Division.FARM);
      default -> Optional.empty();
    };
  }

  /** The BIN in full; an IIN masked as {@code 8501******12} so that logs never carry it. */
  @Override
  public String toString() {
    return kind() == Kind.IIN ? value.substring(0, 4) + "******" + value.substring(10) : value;
  }

  /** Returns why {@code value} is not a valid XIN, or {@code null} when it is. */
  private static String problem(String value) {
    if (value.length() != LENGTH) {
      return "IIN/BIN must have exactly 12 digits, has " + value.length() + " characters";
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return "IIN/BIN must contain digits only, found '" + printable(c) + "' at position " + (i + 1);
      }
    }
    int check = checkDigit(value);
    if (check == 10) {
      return "IIN/BIN is invalid: both check-digit weightings give 10";
    }
    int actual = value.charAt(11) - '0';
    if (actual != check) {
      return "IIN/BIN check digit must be " + check + ", is " + actual;
    }
    return null;
  }

  /** The expected 12th digit, or 10 when no check digit exists for the first eleven. */
  static int checkDigit(CharSequence digits) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0') * (i + 1);
    }
    int check = sum % 11;
    if (check != 10) {
      return check;
    }
    sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0') * SECOND_WEIGHTS[i];
    }
    return sum % 11;
  }

  private static String printable(char c) {
    return Character.isWhitespace(c) || Character.isISOControl(c) ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c);
  }
}
