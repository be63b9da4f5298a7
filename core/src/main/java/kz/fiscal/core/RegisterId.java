package kz.fiscal.core;

import java.util.Objects;

/**
 * A cash register, named stably across restarts and nodes: its provider and its own number there
 * (Webkassa's cashbox {@code SWK00033717}, a fiscal registrar's factory number). A journal record is
 * bound to the register it was first sent to, so that retries, lookups and recovery go there only.
 *
 * @param provider the provider or device kind, e.g. {@code webkassa}: 1 to 30 of {@code [a-z0-9-]}
 * @param number the register's own number there: 1 to 60 printable characters without spaces
 */
public record RegisterId(String provider, String number) {
  private static final int MAX_PROVIDER = 30;
  private static final int MAX_NUMBER = 60;

  /** @throws IllegalArgumentException naming the part that breaks its rule */
  public RegisterId {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(number, "number");
    if (provider.isEmpty() || provider.length() > MAX_PROVIDER
        || !provider.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      throw new IllegalArgumentException("Register provider must be 1 to " + MAX_PROVIDER
          + " characters of a-z 0-9 -, was " + Money.quote(provider));
    }
    if (number.isEmpty() || number.length() > MAX_NUMBER || !number.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException("Register number must be 1 to " + MAX_NUMBER
          + " printable ASCII characters without spaces, was " + Money.quote(number));
    }
  }

  /** The register {@code number} of {@code provider}. */
  public static RegisterId of(String provider, String number) {
    return new RegisterId(provider, number);
  }

  /**
   * The register {@link #toString()} wrote, {@code provider:number}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static RegisterId parse(String text) {
    int colon = Objects.requireNonNull(text, "text").indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("A register id reads provider:number, was " + Money.quote(text));
    }
    return new RegisterId(text.substring(0, colon), text.substring(colon + 1));
  }

  /** {@code provider:number}, as the journal stores it. */
  @Override
  public String toString() {
    return provider + ":" + number;
  }
}
