package kz.fiscal.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;

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
   * {@link #begin} and, when that created the record, {@link #apply} of {@link Transition#sending(RegisterId)}
   * (bound to {@code register}, when given) as one change: the new record is {@link ReceiptStatus#SENT} at version 2, attempt 1, owned by
   * {@code owner}, with both history entries ({@code → REQUESTED}, {@code REQUESTED → SENT}) stamped at
   * the same instant. An existing record comes back untouched, as from {@code begin}. For a caller that
   * sends at once. The journals of this SDK do both as one transaction; the default calls the two, so
   * others may glimpse the record {@code REQUESTED} in between (harmless: {@code owner} holds its lease).
   */
  default Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      Optional<RegisterId> register) {
    Begin begin = begin(key, digest, receipt, owner, lease);
    if (!begin.created()) {
      return begin;
    }
    Transition sending = register.map(Transition::sending).orElseGet(Transition::sending);
    return new Begin(apply(key, owner, begin.record().version(), sending, lease), true);
  }

  /** {@link #beginSending(IdempotencyKey, String, Receipt, String, Duration, Optional)} bound to no register. */
  default Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
    return beginSending(key, digest, receipt, owner, lease, Optional.empty());
  }

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

  /**
   * {@link #apply} and then {@link #release} as one change, for the last transition of a run: the
   * record comes back without owner or lease at {@code expectedVersion + 2}, with one history entry.
   * The journals of this SDK do both as one transaction; the default calls the two, and {@code lease} is
   * what it holds should the release fail.
   *
   * @throws LeaseLostException if the record is not at that version or not owned by {@code owner}
   * @throws IllegalStateException if the lifecycle does not allow the move
   */
  default ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion,
      Transition transition, Duration lease) {
    ReceiptRecord applied = apply(key, owner, expectedVersion, transition, lease);
    release(key, owner);
    return Transitions.released(applied);
  }

  /** Gives up the lease, if {@code owner} holds it, so that others may continue at once. */
  void release(IdempotencyKey key, String owner);

  /**
   * Erases the buyer's e-mail, phone and IIN from the stored receipt of every final record: each
   * {@link ReceiptStatus#REFUNDED} one, and each {@link ReceiptStatus#FISCALIZED} or
   * {@link ReceiptStatus#PARTIALLY_REFUNDED} one last changed before {@code fiscalizedBefore}. A buyer's
   * BIN stays (accounting needs it), and so do the stored digest, status, result, history and version:
   * a repeated request with the original receipt is still recognised. Call it regularly, e.g. daily
   * with {@code now − 30 days}; a later refund of an erased sale sends the return without the buyer's
   * contact.
   *
   * @return how many records were erased by this call
   */
  int erasePersonalData(Instant fiscalizedBefore);

  /** The record of {@code key}. */
  Optional<ReceiptRecord> find(IdempotencyKey key);

  /** Every transition of {@code key}, oldest first. */
  List<JournalEntry> history(IdempotencyKey key);

  /** Up to {@code limit} records in {@code status}, oldest first. */
  List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit);

  /** A pending record as recovery meets it: its key, its place in the journal's order, its register. */
  record Pending(IdempotencyKey key, long position, Optional<RegisterId> register) {}

  /**
   * Up to {@code limit} pending records after {@code position} (0 for the first) whose lease is free or
   * ran out, in journal order (oldest first); never one that {@link ReceiptRecord#needsPerson() needs a
   * person}. A keyset page: the next page starts after the last position returned. No receipt is read,
   * so that a record that cannot be read is met (and reported) by its own {@link #claim}.
   */
  List<Pending> recoverable(long position, int limit);

  /**
   * Gives back every lease held by the runs of node {@code nodeId} (owners {@code nodeId#…}): a node
   * that restarts under its stable id takes back at once what it held when it stopped, instead of
   * waiting the leases out. Two live processes must never share a node id.
   *
   * @return how many leases were given back
   */
  int releaseLeasesOf(String nodeId);

  /**
   * Streams every record matching {@code query} to {@code sink}, oldest first, without holding them
   * all in memory (reconciliation walks whole days and shifts).
   */
  void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink);
}
