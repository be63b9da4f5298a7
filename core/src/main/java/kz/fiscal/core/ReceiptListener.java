package kz.fiscal.core;


import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
/**
 * Hears every transition of a fiscalization after it is journaled, on the thread that made it. A
 * listener must be quick and must not throw; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface ReceiptListener {
  void onTransition(ReceiptEvent event);

  /**
   * A journaled transition, as listeners hear it: the journal's entry of it, and the check when the
   * transition fiscalized one.
   *
   * @param entry the transition as the journal's history keeps it
   * @param result the check, when fiscalized
   */
  public record ReceiptEvent(JournalEntry entry, Optional<FiscalResult> result) {
    public ReceiptEvent {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(result, "result");
    }

    /** The idempotency key. */
    public IdempotencyKey key() {
      return entry.key();
    }

    /** The status before, empty when the record was created. */
    public Optional<ReceiptStatus> from() {
      return entry.from();
    }

    /** The status after. */
    public ReceiptStatus to() {
      return entry.to();
    }

    /** The send count after the transition. */
    public int attempt() {
      return entry.attempt();
    }

    /** When it was journaled. */
    public Instant at() {
      return entry.at();
    }

    /** The failure that caused it, if any. */
    public Optional<RecordedError> error() {
      return entry.error();
    }
  }
}
