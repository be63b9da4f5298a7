package kz.fiscal.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.IdempotencyKey;

/**
 * One transition in a key's history: the audit trail.
 *
 * @param key the idempotency key
 * @param from the status before, empty for the first entry
 * @param to the status after
 * @param attempt the send count after the transition
 * @param at when it was journaled
 * @param owner who made it
 * @param error the failure that caused it, if any
 */
public record JournalEntry(IdempotencyKey key, Optional<ReceiptStatus> from, ReceiptStatus to, int attempt,
    Instant at, String owner, Optional<RecordedError> error) {
  public JournalEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(error, "error");
  }

  /**
   * A failure as the journal keeps it: its kind, the provider's code and the message (never personal
   * data or secrets: exception messages of the SDK carry neither).
   *
   * @param kind what kind of failure
   * @param code the provider's or device's code, empty when none
   * @param message the explanation
   * @param at when it happened
   */
  public record RecordedError(Kind kind, String code, String message, Instant at) {

    /** The kinds of failure, one per {@link kz.fiscal.core.FiscalException} subtype that reaches the journal. */
    public enum Kind {
      REJECTED, DELIVERY_FAILED, OUTCOME_UNKNOWN, DEVICE, LEASE_EXPIRED,
      /** A lookup found another receipt's check under the key: the record waits for a person, never looked up again. */
      KEY_COLLISION,
      /** Not a failure: a fiscalized record's note that fields of the provider's answer were too long to keep. */
      DATA_DROPPED
    }

    public RecordedError {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(at, "at");
    }
  }
}
