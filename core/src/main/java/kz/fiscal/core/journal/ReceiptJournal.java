package kz.fiscal.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import java.util.Objects;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import java.util.EnumSet;
import java.util.Set;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;

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

  /**
   * Which records {@link ReceiptJournal#forEach} streams: every given condition must hold. Build with
   * the static factories and combine with the {@code and…} methods.
   *
   * @param status records in this status
   * @param createdFrom records created at or after this instant
   * @param createdBefore records created before this instant
   * @param rnm with {@code shiftNumber}: checks of this register
   * @param shiftNumber with {@code rnm}: checks of this shift
   */
  public record ReceiptQuery(Optional<ReceiptStatus> status, Optional<Instant> createdFrom,
      Optional<Instant> createdBefore, Optional<String> rnm, Optional<Long> shiftNumber) {

    public ReceiptQuery {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(createdFrom, "createdFrom");
      Objects.requireNonNull(createdBefore, "createdBefore");
      Objects.requireNonNull(rnm, "rnm");
      Objects.requireNonNull(shiftNumber, "shiftNumber");
      if (rnm.isPresent() != shiftNumber.isPresent()) {
        throw new IllegalArgumentException("A shift is named by both the register's RNM and its number");
      }
    }

    /** Every record. */
    public static ReceiptQuery all() {
      return new ReceiptQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Records in {@code status}. */
    public static ReceiptQuery byStatus(ReceiptStatus status) {
      return all().andStatus(status);
    }

    /** Records created in [{@code from}, {@code before}). */
    public static ReceiptQuery createdBetween(Instant from, Instant before) {
      return new ReceiptQuery(Optional.empty(), Optional.of(from), Optional.of(before), Optional.empty(),
          Optional.empty());
    }

    /** Fiscalized records whose check belongs to shift {@code shiftNumber} of register {@code rnm}. */
    public static ReceiptQuery byShift(String rnm, long shiftNumber) {
      return new ReceiptQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(rnm),
          Optional.of(shiftNumber));
    }

    /** This query narrowed to {@code status}. */
    public ReceiptQuery andStatus(ReceiptStatus status) {
      return new ReceiptQuery(Optional.of(status), createdFrom, createdBefore, rnm, shiftNumber);
    }

    /** Whether {@code record} matches. */
    public boolean matches(ReceiptRecord record) {
      if (status.isPresent() && record.status() != status.get()) {
        return false;
      }
      if (createdFrom.isPresent() && record.createdAt().isBefore(createdFrom.get())) {
        return false;
      }
      if (createdBefore.isPresent() && !record.createdAt().isBefore(createdBefore.get())) {
        return false;
      }
      if (rnm.isPresent()) {
        return record.result().isPresent() && record.result().get().rnm().equals(rnm.get())
            && record.result().get().shiftNumber() == shiftNumber.get();
      }
      return true;
    }
  }

  /**
   * A change the owner of a record asks the journal to make, all at once with its history entry.
   *
   * @param to the new status
   * @param send whether this is a send: the attempt count grows and the first send time is set once
   * @param result the check, for {@link ReceiptStatus#FISCALIZED}
   * @param error the failure that causes this transition, if any
   * @param replacement a corrected receipt and its digest, for a {@code FAILED → REQUESTED} re-submission
   * @param register for a send, the register it goes to: the record is bound to it from its first send
   */
  public record Transition(ReceiptStatus to, boolean send, Optional<FiscalResult> result,
      Optional<RecordedError> error, Optional<Replacement> replacement, Optional<RegisterId> register) {

    /** A corrected receipt with its digest. */
    public record Replacement(Receipt receipt, String digest) {
      public Replacement {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(digest, "digest");
      }
    }

    public Transition {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(replacement, "replacement");
      Objects.requireNonNull(register, "register");
    }

    /** A transition that names no register. */
    public Transition(ReceiptStatus to, boolean send, Optional<FiscalResult> result, Optional<RecordedError> error,
        Optional<Replacement> replacement) {
      this(to, send, result, error, replacement, Optional.empty());
    }

    /** Marks the record as being sent, before the driver is called, to the register it is bound to. */
    public static Transition sending() {
      return new Transition(ReceiptStatus.SENT, true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Marks the record as being sent to {@code register}, before the driver is called; binds a record
     * never sent to it.
     */
    public static Transition sending(RegisterId register) {
      return new Transition(ReceiptStatus.SENT, true, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(register));
    }

    /** The check exists. */
    public static Transition fiscalized(FiscalResult result) {
      return new Transition(ReceiptStatus.FISCALIZED, false, Optional.of(result), Optional.empty(), Optional.empty());
    }

    /** The check exists, and {@code note} says what of the provider's answer could not be kept. */
    public static Transition fiscalized(FiscalResult result, RecordedError note) {
      return new Transition(ReceiptStatus.FISCALIZED, false, Optional.of(result), Optional.of(note), Optional.empty());
    }

    /** A move caused by {@code error}. */
    public static Transition failure(ReceiptStatus to, RecordedError error) {
      return new Transition(to, false, Optional.empty(), Optional.of(error), Optional.empty());
    }

    /** A failed record re-submitted with a corrected receipt. */
    public static Transition resubmit(Receipt receipt, String digest) {
      return new Transition(ReceiptStatus.REQUESTED, false, Optional.empty(), Optional.empty(),
          Optional.of(new Replacement(receipt, digest)));
    }
  }

  /**
   * The journal's state of one idempotency key.
   *
   * @param key the idempotency key
   * @param digest digest of the receipt's canonical form, to tell a retry from a conflicting reuse
   * @param receipt the receipt as sent (with its operation time)
   * @param status where it stands
   * @param attempts how many times it was sent to the driver
   * @param result the check, once fiscalized
   * @param lastError the last failure, if any
   * @param firstSentAt when it was first sent (the lookup searches from there)
   * @param createdAt when it was journaled
   * @param updatedAt when it last changed
   * @param owner who holds the lease to work on it
   * @param leaseUntil until when the lease holds
   * @param version increases with every change; updates compare it
   * @param register the register it was first sent to, bound for good: retries, lookups and recovery go
   *     there only (empty while never sent, and for records journaled before registers were recorded)
   */
  public record ReceiptRecord(
      IdempotencyKey key,
      String digest,
      Receipt receipt,
      ReceiptStatus status,
      int attempts,
      Optional<FiscalResult> result,
      Optional<RecordedError> lastError,
      Optional<Instant> firstSentAt,
      Instant createdAt,
      Instant updatedAt,
      Optional<String> owner,
      Optional<Instant> leaseUntil,
      long version,
      Optional<RegisterId> register) {

    public ReceiptRecord {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(lastError, "lastError");
      Objects.requireNonNull(firstSentAt, "firstSentAt");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
      Objects.requireNonNull(register, "register");
      if (status.isFiscalized() && result.isEmpty()) {
        throw new IllegalArgumentException("A " + status + " record carries its result");
      }
    }

    /** A record bound to no register. */
    public ReceiptRecord(IdempotencyKey key, String digest, Receipt receipt, ReceiptStatus status, int attempts,
        Optional<FiscalResult> result, Optional<RecordedError> lastError, Optional<Instant> firstSentAt,
        Instant createdAt, Instant updatedAt, Optional<String> owner, Optional<Instant> leaseUntil, long version) {
      this(key, digest, receipt, status, attempts, result, lastError, firstSentAt, createdAt, updatedAt, owner,
          leaseUntil, version, Optional.empty());
    }

    /**
     * Whether only a person can settle this record: in doubt because a lookup found another receipt's
     * check under its key ({@link RecordedError.Kind#KEY_COLLISION}). Recovery leaves it alone.
     */
    public boolean needsPerson() {
      return status == ReceiptStatus.IN_DOUBT
          && lastError.filter(e -> e.kind() == RecordedError.Kind.KEY_COLLISION).isPresent();
    }

    /** Whether someone else may take this record over at {@code now}: no owner, or the lease ran out. */
    public boolean claimableAt(Instant now) {
      return owner.isEmpty() || leaseUntil.isEmpty() || leaseUntil.get().isBefore(now);
    }
  }

  /**
   * Where a fiscalization stands. The allowed moves are those of the lifecycle:
   * <pre>
   * REQUESTED → SENT → FISCALIZED → (PARTIALLY_REFUNDED →) REFUNDED
   *    ↑  ↖ (device or delivery failure: back to REQUESTED with the reason)
   *         SENT → IN_DOUBT → (lookup) → FISCALIZED | SENT (resend under the same key)
   *         SENT → FAILED (content rejected) → REQUESTED (re-submitted, corrected, under the same key)
   * </pre>
   * {@code IN_DOUBT → IN_DOUBT} records a lookup that failed again.
   */
  public enum ReceiptStatus {
    /** Journaled, not sent, or certainly not applied; waits to be sent. */
    REQUESTED,
    /** Durably marked as about to be sent, before the driver is called. */
    SENT,
    /** May have been applied; resolved only by lookup. */
    IN_DOUBT,
    /** A check exists; its result is stored. */
    FISCALIZED,
    /** The content was rejected; nothing was fiscalized. */
    FAILED,
    /** Part of the sale was returned. */
    PARTIALLY_REFUNDED,
    /** All of the sale was returned. */
    REFUNDED;

    /** Whether this status may move to {@code next}. */
    public boolean canMoveTo(ReceiptStatus next) {
      return successors().contains(next);
    }

    /** The statuses this one may move to. */
    public Set<ReceiptStatus> successors() {
      return switch (this) {
        // REQUESTED and IN_DOUBT (once a lookup proved it absent) fail unsent when a rate left force meanwhile
        case REQUESTED -> EnumSet.of(SENT, FAILED);
        case SENT -> EnumSet.of(FISCALIZED, IN_DOUBT, FAILED, REQUESTED);
        case IN_DOUBT -> EnumSet.of(FISCALIZED, SENT, IN_DOUBT, FAILED);
        case FISCALIZED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
        case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
        case FAILED -> EnumSet.of(REQUESTED);
        case REFUNDED -> EnumSet.noneOf(ReceiptStatus.class);
      };
    }

    /** Whether work remains: {@link #REQUESTED}, {@link #SENT} or {@link #IN_DOUBT}. */
    public boolean isPending() {
      return this == REQUESTED || this == SENT || this == IN_DOUBT;
    }

    /** Whether a check exists: fiscalized, possibly refunded since. */
    public boolean isFiscalized() {
      return this == FISCALIZED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
  }

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
}
