package kz.fiscal.core;

import java.util.Objects;

/**
 * The caller's key for one logical fiscalization, reused on every retry: 1 to 50 characters of
 * {@code [A-Za-z0-9._:-]}, so that it fits Webkassa's {@code ExternalCheckNumber} as it is.
 *
 * <p>Typically derived from the shop's order or payment id, e.g. {@code order-1042:sale}.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {

  /** The longest key, the limit of Webkassa's {@code ExternalCheckNumber}. */
  public static final int MAX_LENGTH = 50;

  /** @throws IllegalArgumentException if the key is empty, too long or has a character outside the set */
  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Idempotency key must have 1 to " + MAX_LENGTH + " characters, has " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (!allowed(value.charAt(i))) {
        throw new IllegalArgumentException("Idempotency key may hold only A-Z a-z 0-9 . _ : -, found '"
            + value.charAt(i) + "' at position " + (i + 1));
      }
    }
  }

  /** The key for {@code value}; see the record's constructor for the rules. */
  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == ':' || c == '-';
  }

  @Override
  public String toString() {
    return value;
  }
}
