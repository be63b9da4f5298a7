package kz.fiscal.core;

import java.util.Objects;

/**
 * The provider or device refused this receipt's content (e.g. Webkassa error 9). Nothing was
 * fiscalized: the record becomes {@code FAILED} and may be re-submitted, corrected, under the same key.
 */
public final class ReceiptRejectedException extends FiscalException {
  private static final long serialVersionUID = 1L;

  private final String providerCode;
  private final String providerMessage;

  /**
   * @param providerCode the provider's or device's error code, e.g. {@code "9"}
   * @param providerMessage the provider's explanation
   */
  public ReceiptRejectedException(String providerCode, String providerMessage) {
    super("Receipt rejected by the register (code " + providerCode + "): " + providerMessage, null);
    this.providerCode = Objects.requireNonNull(providerCode, "providerCode");
    this.providerMessage = Objects.requireNonNull(providerMessage, "providerMessage");
  }

  public String providerCode() {
    return providerCode;
  }

  public String providerMessage() {
    return providerMessage;
  }
}
