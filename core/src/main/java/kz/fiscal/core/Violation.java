package kz.fiscal.core;

import java.util.Objects;

/**
 * One broken rule of a receipt.
 *
 * @param code the rule
 * @param path where, e.g. {@code items[2].vat} or {@code payments}
 * @param message a human explanation naming the values (never personal data)
 */
public record Violation(ViolationCode code, String path, String message) {
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + " at " + path + ": " + message;
  }
}
