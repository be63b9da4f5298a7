package kz.fiscal.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.Transition;

/**
 * A journal that forwards every call to another, the folded ones ({@code beginSending},
 * {@code applyAndRelease}) included; tests override the calls they want to break (throw a
 * {@code JournalException}, read stale, die before a commit, count calls). Thread-safe if the delegate is.
 */
public class ForwardingReceiptJournal implements ReceiptJournal {
  private final ReceiptJournal delegate;

  public ForwardingReceiptJournal(ReceiptJournal delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The journal calls are forwarded to. */
  protected final ReceiptJournal delegate() {
    return delegate;
  }

  @Override
  public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
    return delegate.begin(key, digest, receipt, owner, lease);
  }

  @Override
  public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      Optional<RegisterId> register) {
    return delegate.beginSending(key, digest, receipt, owner, lease, register);
  }

  @Override
  public Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease) {
    return delegate.claim(key, owner, lease);
  }

  @Override
  public ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return delegate.apply(key, owner, expectedVersion, transition, lease);
  }

  @Override
  public ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return delegate.applyAndRelease(key, owner, expectedVersion, transition, lease);
  }

  @Override
  public void release(IdempotencyKey key, String owner) {
    delegate.release(key, owner);
  }

  @Override
  public int erasePersonalData(Instant fiscalizedBefore) {
    return delegate.erasePersonalData(fiscalizedBefore);
  }

  @Override
  public Optional<ReceiptRecord> find(IdempotencyKey key) {
    return delegate.find(key);
  }

  @Override
  public List<JournalEntry> history(IdempotencyKey key) {
    return delegate.history(key);
  }

  @Override
  public List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit) {
    return delegate.findByStatus(status, limit);
  }

  @Override
  public List<Pending> recoverable(long position, int limit) {
    return delegate.recoverable(position, limit);
  }

  @Override
  public int releaseLeasesOf(String nodeId) {
    return delegate.releaseLeasesOf(nodeId);
  }

  @Override
  public void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink) {
    delegate.forEach(query, sink);
  }
}
