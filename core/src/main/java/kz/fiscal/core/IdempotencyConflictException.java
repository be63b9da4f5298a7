package kz.fiscal.core;

import java.util.Objects;

/**
 * The key was already used for a different receipt that did not fail; nothing was journaled or sent.
 * A shop that means a new check needs a new key.
 */
public final class IdempotencyConflictException extends FiscalException {
  private static final long serialVersionUID = 1L;

  private final IdempotencyKey key;

  public IdempotencyConflictException(IdempotencyKey key) {
    super("Idempotency key " + Objects.requireNonNull(key, "key").value()
        + " was already used for a different receipt", null);
    this.key = key;
  }

  public IdempotencyKey key() {
    return key;
  }
}
