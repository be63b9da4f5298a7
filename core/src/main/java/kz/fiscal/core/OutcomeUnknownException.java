package kz.fiscal.core;

import java.util.Objects;

/**
 * The request may have been applied: a timeout after it was written, a dropped connection, a 5xx, an
 * unreadable answer, a lost serial reply. The check may exist; resolve by lookup under the same key,
 * never by sending under a new key. With {@link Reason#KEY_COLLISION} a lookup found a check under the
 * key that is not this receipt's: no lookup will resolve that, a person must.
 */
public final class OutcomeUnknownException extends FiscalException {
  private static final long serialVersionUID = 1L;

  /** Why the outcome is not known. */
  public enum Reason {
    /** No proof either way yet: a later lookup under the same key resolves it. */
    UNRESOLVED,
    /**
     * The register holds a check under this key whose total or operation differ from the journaled
     * receipt's: another system used the key on this register. The record waits for a person.
     */
    KEY_COLLISION,
    /**
     * Another caller holds the key's lease and is fiscalizing it now; its outcome comes with it, or
     * with a later call once its lease is given back.
     */
    IN_PROGRESS
  }

  private final Reason reason;

  public OutcomeUnknownException(String message, Throwable cause) {
    this(Reason.UNRESOLVED, message, cause);
  }

  public OutcomeUnknownException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The register holds a check under {@code key} that is not the journaled receipt: their {@code what}
   * (total, operation) differ.
   */
  public static OutcomeUnknownException keyCollision(IdempotencyKey key, String what, String journaled, String found) {
    return new OutcomeUnknownException(Reason.KEY_COLLISION, "Key " + key.value() + " holds another check on this"
        + " register: its " + what + " is " + found + ", the journaled receipt's " + journaled
        + "; a person must decide (another system may use the same keys)", null);
  }

  /** Why the outcome is not known; {@link Reason#UNRESOLVED} unless a lookup found a colliding check. */
  public Reason reason() {
    return reason;
  }
}
