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
}
