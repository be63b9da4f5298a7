package kz.fiscal.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The buyer's contact for the e-check and, in B2B sales, the buyer's IIN/BIN. All personal data:
 * {@link #toString()} never shows it.
 *
 * @param email where the provider e-mails the e-check (≤ 50 characters)
 * @param phone where the provider texts the e-check, e.g. {@code +77011234567} (≤ 20)
 * @param xin the buyer's IIN/BIN (B2B buyers ask for it to deduct the expense)
 */
public record Customer(Optional<String> email, Optional<String> phone, Optional<Xin> xin) {

  /** A customer known by nothing. */
  public static final Customer ANONYMOUS = new Customer(Optional.empty(), Optional.empty(), Optional.empty());

  public Customer {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(xin, "xin");
  }

  /** A customer reached by e-mail. */
  public static Customer email(String email) {
    return ANONYMOUS.withEmail(email);
  }

  /** A customer reached by phone. */
  public static Customer phone(String phone) {
    return ANONYMOUS.withPhone(phone);
  }

  /** @throws NullPointerException naming {@code email} */
  public Customer withEmail(String email) {
    return new Customer(Optional.of(Objects.requireNonNull(email, "email")), phone, xin);
  }

  /**
   * The phone as the buyer wrote it, e.g. {@code +7 701 123 45 67} or {@code 8 (701) 123-45-67};
   * {@link #normalizePhone(String)} gives what the providers receive.
   *
   * @throws NullPointerException naming {@code phone}
   */
  public Customer withPhone(String phone) {
    return new Customer(email, Optional.of(Objects.requireNonNull(phone, "phone")), xin);
  }

  /** @throws NullPointerException naming {@code xin} */
  public Customer withXin(Xin xin) {
    return new Customer(email, phone, Optional.of(Objects.requireNonNull(xin, "xin")));
  }

  /**
   * The phone as the providers take it, {@code +} and 10 to 15 digits ({@code +77011234567}), from the
   * way people write it: spaces, dashes, dots and brackets are dropped; a Kazakh number written with the
   * trunk prefix 8 ({@code 8 701 …}), without a prefix ({@code 701 …}) or as {@code 7 701 …} gets +7.
   * Empty when the text cannot be a phone (letters, other signs, a + not in front, too few or many
   * digits).
   */
  public static Optional<String> normalizePhone(String phone) {
    StringBuilder digits = new StringBuilder(16);
    boolean plus = false;
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.length() == 0 && !plus) {
        plus = true;
      } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00a0') {
        return Optional.empty();
      }
      if (digits.length() > 15) {
        return Optional.empty();
      }
    }
    int n = digits.length();
    if (!plus && n == 11 && digits.charAt(0) == '8') {
      digits.setCharAt(0, '7');
    } else if (!plus && n == 10) {
      digits.insert(0, '7');
    }
    return n >= 10 ? Optional.of("+" + digits) : Optional.empty();
  }

  /** Which fields are set, never their values. */
  @Override
  public String toString() {
    return "Customer[email=" + mask(email) + ", phone=" + mask(phone) + ", xin=" + mask(xin) + "]";
  }

  private static String mask(Optional<?> value) {
    return value.isPresent() ? "***" : "none";
  }
}
