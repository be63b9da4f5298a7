package kz.fiscal.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The request certainly did not reach or was certainly not applied by the register (connection
 * refused, unknown host, HTTP 429, a NAK to a frame). Safe to retry under the same key.
 */
public final class DeliveryFailedException extends FiscalException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  public DeliveryFailedException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /** @param retryAfter the provider's hint when to try again, or {@code null} */
  public DeliveryFailedException(String message, Throwable cause, Duration retryAfter) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  /** How long the provider asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
