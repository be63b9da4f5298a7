package kz.fiscal.core;

import java.util.Objects;

/**
 * An amount paid by one means of payment.
 *
 * @param type cash, card or mobile
 * @param amount the amount paid by this means, cash including the change to give back
 */
public record Payment(PaymentType type, Tenge amount) {
  public Payment {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
  }

  /** A payment of {@code amount} by {@code type}. */
  public static Payment of(PaymentType type, Tenge amount) {
    return new Payment(type, amount);
  }

  /** A payment of {@code amount} (a decimal string) by {@code type}. */
  public static Payment of(PaymentType type, String amount) {
    return new Payment(type, Tenge.of(amount));
  }
}
