package kz.fiscal.core;

import java.util.Objects;

/**
 * The register cannot work now, through no fault of the receipt: wrong credentials, blocked, offline
 * for more than 72 hours, shift expired with auto-close off, paper out. Nothing was fiscalized; the
 * order waits and is retried later or after a person acts.
 */
public final class DeviceException extends FiscalException {
  private static final long serialVersionUID = 1L;

  /** What keeps the register from working. */
  public enum Reason {
    /** Login, password or API key refused. */
    CREDENTIALS,
    /** Not authorized, no access, unknown register: configuration to fix. */
    CONFIGURATION,
    /** The register is blocked by the provider or the tax authority. */
    BLOCKED,
    /** Offline longer than the 72 hours allowed. */
    OFFLINE_TOO_LONG,
    /** The shift is older than 24 hours and automatic closing is off. */
    SHIFT_EXPIRED,
    /** The printer has no paper or its cover is open. */
    PAPER_OUT,
    /** The device is in a state that needs a person (e.g. fiscal memory full). */
    NEEDS_SERVICE,
    /** Anything else the register reports about itself. */
    OTHER
  }

  private final Reason reason;
  private final String providerCode;

  /**
   * @param reason what keeps the register from working
   * @param providerCode the provider's or device's error code, or an empty string
   * @param message what happened, never a secret
   */
  public DeviceException(Reason reason, String providerCode, String message) {
    super(reason + (providerCode.isEmpty() ? "" : " (code " + providerCode + ")") + ": "
        + Objects.requireNonNull(message, "message"), null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.providerCode = providerCode;
  }

  public Reason reason() {
    return reason;
  }

  /** The provider's or device's error code, empty when it gave none. */
  public String providerCode() {
    return providerCode;
  }
}
