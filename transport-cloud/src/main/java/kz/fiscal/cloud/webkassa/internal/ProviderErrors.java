package kz.fiscal.cloud.webkassa.internal;

import kz.fiscal.core.DeviceException;
import kz.fiscal.core.DeviceException.Reason;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.ReceiptRejectedException;

/** Webkassa's error codes (docs/webkassa-v4.md, "Error codes that change behaviour") as the SDK's exceptions. */
public final class ProviderErrors {
  public static final int WRONG_CREDENTIALS = 1;
  public static final int SESSION_EXPIRED = 2;
  public static final int VALIDATION = 9;
  public static final int SHIFT_EXPIRED = 11;
  public static final int NO_OPEN_SHIFT = 13;
  public static final int DUPLICATE_KEY = 14;
  public static final int NOT_FOUND = 19;

  private ProviderErrors() {}

  /**
   * The exception for {@code error} on {@code path}. Codes that prove nothing was applied become
   * {@link DeviceException} or {@link ReceiptRejectedException}; -1 and codes this SDK does not know
   * may hide an applied check, so they are an {@link OutcomeUnknownException}.
   *
   * @param text the provider's text, already free of personal data
   */
  public static FiscalException toException(int code, String text, String path) {
    String message = "Webkassa answered " + path + " with error " + code + ": " + text;
    return switch (code) {
      case WRONG_CREDENTIALS -> new DeviceException(Reason.CREDENTIALS, "1", message);
      case SESSION_EXPIRED -> new DeviceException(Reason.CREDENTIALS, "2", message + " (again, right after a new login)");
      case 3, 4, 5, 6 -> new DeviceException(Reason.CONFIGURATION, Integer.toString(code), message);
      case 7 -> new DeviceException(Reason.BLOCKED, "7", message);
      case VALIDATION -> new ReceiptRejectedException("9", text);
      case SHIFT_EXPIRED -> new DeviceException(Reason.SHIFT_EXPIRED, "11", message);
      case 12, NO_OPEN_SHIFT -> new DeviceException(Reason.OTHER, Integer.toString(code), message);
      case 18 -> new DeviceException(Reason.OFFLINE_TOO_LONG, "18", message);
      default -> new OutcomeUnknownException(message, null);
    };
  }
}
