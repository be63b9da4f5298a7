package kz.fiscal.core.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;

/**
 * A journal in this process's memory, for tests and demos: <strong>it loses every record when the
 * process exits</strong>, so a crash after payment could fiscalize an order twice or never. Use a
 * JDBC journal in production. Thread-safe.
 */
public final class InMemoryReceiptJournal implements ReceiptJournal {
  private static final System.Logger LOG = System.getLogger(InMemoryReceiptJournal.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private final ConcurrentHashMap<IdempotencyKey, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Clock clock;

  /** A journal on the system clock. */
  public InMemoryReceiptJournal() {
    this(Clock.systemUTC());
  }

  /** A journal whose lease times follow {@code clock} (the "database clock" of tests). */
  public InMemoryReceiptJournal(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (WARNED.compareAndSet(false, true)) { // once per process: a test suite builds hundreds of them
      LOG.log(System.Logger.Level.WARNING,
          "InMemoryReceiptJournal keeps fiscalizations in memory only: they are lost when the process exits."
              + " Use a JDBC journal in production.");
    }
  }

  /** One key's record and history; guarded by its own monitor. */
  private static final class Slot {
    final long sequence;
    ReceiptRecord record;
    final List<JournalEntry> history = new ArrayList<>(4);

    Slot(long sequence, ReceiptRecord record) {
      this.sequence = sequence;
      this.record = record;
    }
  }

  @Override
  public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
    return insertIfAbsent(key, digest, receipt, owner, lease, false, Optional.empty());
  }

  @Override
  public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      Optional<RegisterId> register) {
    return insertIfAbsent(key, digest, receipt, owner, lease, true, register);
  }

  private Begin insertIfAbsent(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      boolean sending, Optional<RegisterId> register) {
    Slot existing = slots.get(key);
    if (existing != null) {
      return new Begin(snapshot(existing), false);
    }
    Transitions.Begun begun = Transitions.begun(key, digest, receipt, owner, clock.instant(), lease, sending,
        register);
    Slot fresh = new Slot(sequence.incrementAndGet(), begun.record());
    synchronized (fresh) {
      existing = slots.putIfAbsent(key, fresh);
      if (existing != null) {
        return new Begin(snapshot(existing), false);
      }
      fresh.history.addAll(begun.entries());
      return new Begin(begun.record(), true);
    }
  }

  @Override
  public Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return Optional.empty();
    }
    synchronized (slot) {
      Instant now = clock.instant();
      ReceiptRecord r = slot.record;
      if (!r.claimableAt(now)) {
        return Optional.empty();
      }
      slot.record = Transitions.leased(r, owner, now.plus(lease));
      return Optional.of(slot.record);
    }
  }

  @Override
  public ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return apply(key, owner, expectedVersion, transition, lease, false);
  }

  @Override
  public ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return apply(key, owner, expectedVersion, transition, lease, true);
  }

  private ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease, boolean release) {
    Slot slot = slots.get(key);
    if (slot == null) {
      throw new LeaseLostException(key, "no such record");
    }
    synchronized (slot) {
      Transitions.Applied applied = Transitions.applied(slot.record, owner, expectedVersion, transition,
          clock.instant(), lease, release);
      slot.record = applied.record();
      slot.history.add(applied.entry());
      return applied.record();
    }
  }

  @Override
  public void release(IdempotencyKey key, String owner) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return;
    }
    synchronized (slot) {
      ReceiptRecord r = slot.record;
      if (r.owner().equals(Optional.of(owner))) {
        slot.record = Transitions.released(r);
      }
    }
  }

  @Override
  public int erasePersonalData(Instant fiscalizedBefore) {
    int erased = 0;
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        ReceiptRecord r = slot.record;
        Optional<Receipt> clean = Erasure.due(r.status(), r.updatedAt(), fiscalizedBefore)
            ? Erasure.erased(r.receipt()) : Optional.empty();
        if (clean.isPresent()) {
          slot.record = new ReceiptRecord(r.key(), r.digest(), clean.get(), r.status(), r.attempts(), r.result(),
              r.lastError(), r.firstSentAt(), r.createdAt(), r.updatedAt(), r.owner(), r.leaseUntil(), r.version());
          erased++;
        }
      }
    }
    return erased;
  }

  @Override
  public Optional<ReceiptRecord> find(IdempotencyKey key) {
    Slot slot = slots.get(key);
    return slot == null ? Optional.empty() : Optional.of(snapshot(slot));
  }

  @Override
  public List<JournalEntry> history(IdempotencyKey key) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return List.of();
    }
    synchronized (slot) {
      return List.copyOf(slot.history);
    }
  }

  @Override
  public List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit) {
    return select(limit, r -> r.status() == status);
  }

  @Override
  public List<Pending> recoverable(long position, int limit) {
    Instant now = clock.instant();
    List<Slot> matching = new ArrayList<>();
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        ReceiptRecord r = slot.record;
        if (slot.sequence > position && r.status().isPending() && r.claimableAt(now) && !r.needsPerson()) {
          matching.add(slot);
        }
      }
    }
    matching.sort(Comparator.comparingLong(s -> s.sequence));
    return matching.stream().limit(limit).map(s -> new Pending(snapshot(s).key(), s.sequence, snapshot(s).register()))
        .toList();
  }

  @Override
  public int releaseLeasesOf(String nodeId) {
    String prefix = nodeId + "#";
    int released = 0;
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        if (slot.record.owner().filter(owner -> owner.startsWith(prefix)).isPresent()) {
          slot.record = Transitions.released(slot.record);
          released++;
        }
      }
    }
    return released;
  }

  @Override
  public void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink) {
    for (ReceiptRecord record : select(Integer.MAX_VALUE, query::matches)) {
      sink.accept(record);
    }
  }

  private List<ReceiptRecord> select(int limit, Predicate<ReceiptRecord> filter) {
    List<Slot> matching = new ArrayList<>();
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        if (filter.test(slot.record)) {
          matching.add(slot);
        }
      }
    }
    matching.sort(Comparator.comparingLong(s -> s.sequence));
    List<ReceiptRecord> result = new ArrayList<>(Math.min(limit, matching.size()));
    for (int i = 0; i < matching.size() && i < limit; i++) {
      result.add(snapshot(matching.get(i)));
    }
    return result;
  }

  private static ReceiptRecord snapshot(Slot slot) {
    synchronized (slot) {
      return slot.record;
    }
  }
}
