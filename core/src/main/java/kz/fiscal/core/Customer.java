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

  public Customer withEmail(String email) {
    return new Customer(Optional.of(email), phone, xin);
  }

  public Customer withPhone(String phone) {
    return new Customer(email, Optional.of(phone), xin);
  }

  public Customer withXin(Xin xin) {
    return new Customer(email, phone, Optional.of(xin));
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
