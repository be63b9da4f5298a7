package kz.fiscal.core.journal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;

/**
 * Durable state of every fiscalization, shared by all workers on it. Implementations are
 * thread-safe; lease times come from the journal's own clock (the database's, for JDBC) so that
 * workers with skewed clocks agree. A change is made only by the lease owner and only along
 * {@link ReceiptStatus#canMoveTo}; each change is stored with its {@link JournalEntry}.
 */
public interface ReceiptJournal {

  /** What {@link #begin} found or made. */
  record Begin(ReceiptRecord record, boolean created) {}

  /**
   * Inserts a {@link ReceiptStatus#REQUESTED} record owned by {@code owner} for {@code lease} if the
   * key is absent; otherwise returns the stored record untouched.
   */
  Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease);

  /**
   * Takes the lease of a record that has no owner or whose lease ran out. Empty when someone else
   * holds it or the key is unknown.
   */
  Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease);

  /**
   * Applies {@code transition} to the record {@code owner} holds at {@code expectedVersion}, renews
   * the lease and appends the history entry, atomically.
   *
   * @throws LeaseLostException if the record is not at that version or not owned by {@code owner}
   * @throws IllegalStateException if the lifecycle does not allow the move
   */
  ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition, Duration lease);

  /** Gives up the lease, if {@code owner} holds it, so that others may continue at once. */
  void release(IdempotencyKey key, String owner);

  /** The record of {@code key}. */
  Optional<ReceiptRecord> find(IdempotencyKey key);

  /** Every transition of {@code key}, oldest first. */
  List<JournalEntry> history(IdempotencyKey key);

  /** Up to {@code limit} records in {@code status}, oldest first. */
  List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit);

  /** Up to {@code limit} pending records whose lease is free or ran out, oldest first. */
  List<ReceiptRecord> recoverable(int limit);

  /**
   * Streams every record matching {@code query} to {@code sink}, oldest first, without holding them
   * all in memory (reconciliation walks whole days and shifts).
   */
  void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink);
}
