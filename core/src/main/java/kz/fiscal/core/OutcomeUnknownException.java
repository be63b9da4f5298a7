package kz.fiscal.core;

import java.util.Objects;

/**
 * The request may have been applied: a timeout after it was written, a dropped connection, a 5xx, an
 * unreadable answer, a lost serial reply. The check may exist; resolve by lookup under the same key,
 * never by sending under a new key.
 */
public final class OutcomeUnknownException extends FiscalException {
  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }
}
