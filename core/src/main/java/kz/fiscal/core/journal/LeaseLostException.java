package kz.fiscal.core.journal;

import kz.fiscal.core.IdempotencyKey;

/**
 * The caller no longer owns the record it tried to change: its lease ran out and another worker took
 * the record over, or the record changed underneath. The caller must stop working on the key.
 */
public final class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient IdempotencyKey key;

  public LeaseLostException(IdempotencyKey key, String message) {
    super("Lease lost on " + key.value() + ": " + message);
    this.key = key;
  }

  public IdempotencyKey key() {
    return key;
  }
}
