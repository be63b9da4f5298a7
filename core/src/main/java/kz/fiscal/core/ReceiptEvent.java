package kz.fiscal.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.journal.RecordedError;
import kz.fiscal.core.journal.ReceiptStatus;

/**
 * A journaled transition, as listeners hear it.
 *
 * @param key the idempotency key
 * @param from the status before, empty when the record was created
 * @param to the status after
 * @param attempt the send count after the transition
 * @param at when it was journaled
 * @param result the check, when fiscalized
 * @param error the failure that caused it, if any
 */
public record ReceiptEvent(IdempotencyKey key, Optional<ReceiptStatus> from, ReceiptStatus to, int attempt,
    Instant at, Optional<FiscalResult> result, Optional<RecordedError> error) {
  public ReceiptEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(error, "error");
  }
}
