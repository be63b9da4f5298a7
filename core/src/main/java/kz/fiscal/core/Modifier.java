package kz.fiscal.core;

import java.util.Objects;

/**
 * A check-level discount or markup. Its VAT is split across the receipt's rates in proportion to
 * their sums (see {@link Receipt#vatByRate()}).
 *
 * @param kind discount or markup
 * @param amount the amount in tenge
 * @param text the text printed on the check (≤ 50 characters), may be empty
 */
public record Modifier(Kind kind, Tenge amount, String text) {

  /** Whether a modifier lowers or raises the total. */
  public enum Kind {
    DISCOUNT(1), MARKUP(2);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    /** Webkassa's {@code TicketModifiers[].Type}. */
    public int code() {
      return code;
    }
  }

  public Modifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(text, "text");
  }

  /** A check-level discount. */
  public static Modifier discount(Tenge amount, String text) {
    return new Modifier(Kind.DISCOUNT, amount, text);
  }

  /** A check-level markup. */
  public static Modifier markup(Tenge amount, String text) {
    return new Modifier(Kind.MARKUP, amount, text);
  }
}
