package kz.fiscal.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;

/** The record a transition makes, shared by every journal so they agree on the lifecycle. */
final class Transitions {
  private Transitions() {}

  /**
   * The record after {@code transition}, at {@code now}, with the lease renewed to {@code leaseUntil}.
   *
   * @throws IllegalStateException if the lifecycle does not allow the move or a fiscalized record lacks its result
   */
  static ReceiptRecord applyTo(ReceiptRecord r, Transition transition, Instant now, Instant leaseUntil) {
    ReceiptStatus to = transition.to();
    if (!r.status().canMoveTo(to)) {
      throw new IllegalStateException("Illegal transition of " + r.key().value() + ": " + r.status() + " -> " + to);
    }
    if (to == ReceiptStatus.FISCALIZED && transition.result().isEmpty()) {
      throw new IllegalStateException("FISCALIZED needs the fiscal result");
    }
    if (transition.replacement().isPresent() && r.status() != ReceiptStatus.FAILED) {
      throw new IllegalStateException("Only a FAILED record may take a corrected receipt");
    }
    if (r.register().isPresent() && transition.register().isPresent() && !r.register().equals(transition.register())) {
      throw new IllegalStateException(r.key().value() + " is bound to register " + r.register().get()
          + ", not " + transition.register().get());
    }
    // Bound by its first send; a record of before registers were recorded, by the register that issued its check.
    var register = r.register().isPresent() ? r.register()
        : transition.register().isPresent() ? transition.register() : transition.result().flatMap(FiscalResult::register);
    int attempts = transition.send() ? r.attempts() + 1 : r.attempts();
    Optional<Instant> firstSentAt = transition.send() && r.firstSentAt().isEmpty() ? Optional.of(now) : r.firstSentAt();
    var receipt = transition.replacement().map(Transition.Replacement::receipt).orElse(r.receipt());
    String digest = transition.replacement().map(Transition.Replacement::digest).orElse(r.digest());
    var result = transition.result().isPresent() ? transition.result() : r.result();
    var error = transition.error().isPresent() ? transition.error() : r.lastError();
    return new ReceiptRecord(r.key(), digest, receipt, to, attempts, result, error, firstSentAt, r.createdAt(), now,
        r.owner(), Optional.of(leaseUntil), r.version() + 1, register);
  }

  /** A new record: {@code REQUESTED}, version 1, owned by {@code owner} until {@code now + lease}. */
  static ReceiptRecord requested(IdempotencyKey key, String digest, Receipt receipt, String owner, Instant now,
      Duration lease) {
    return new ReceiptRecord(key, digest, receipt, ReceiptStatus.REQUESTED, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), now, now, Optional.of(owner), Optional.of(now.plus(lease)), 1);
  }

  /**
   * Checks that {@code current} is at {@code expectedVersion} and held by {@code owner}.
   *
   * @throws LeaseLostException otherwise
   */
  static void requireOwned(ReceiptRecord current, String owner, long expectedVersion) {
    if (current.version() != expectedVersion || !current.owner().equals(Optional.of(owner))) {
      throw new LeaseLostException(current.key(), "expected version " + expectedVersion + " owned by " + owner
          + ", found version " + current.version() + " owned by " + current.owner().orElse("nobody"));
    }
  }

  /** {@code r} leased to {@code owner} until {@code leaseUntil}: only the lease and the version change. */
  static ReceiptRecord leased(ReceiptRecord r, String owner, Instant leaseUntil) {
    return new ReceiptRecord(r.key(), r.digest(), r.receipt(), r.status(), r.attempts(), r.result(), r.lastError(),
        r.firstSentAt(), r.createdAt(), r.updatedAt(), Optional.of(owner), Optional.of(leaseUntil), r.version() + 1,
        r.register());
  }

  /** {@code r} after its owner gave up the lease: no owner, no lease, the next version. */
  static ReceiptRecord released(ReceiptRecord r) {
    return new ReceiptRecord(r.key(), r.digest(), r.receipt(), r.status(), r.attempts(), r.result(), r.lastError(),
        r.firstSentAt(), r.createdAt(), r.updatedAt(), Optional.empty(), Optional.empty(), r.version() + 1,
        r.register());
  }

  /** A record just begun and the history entries that go with it. */
  record Begun(ReceiptRecord record, List<JournalEntry> entries) {}

  /**
   * A new record: {@code REQUESTED}, or {@code SENT} when {@code sending}, with one history entry per
   * step, owned by {@code owner} until {@code now + lease}.
   */
  static Begun begun(IdempotencyKey key, String digest, Receipt receipt, String owner, Instant now, Duration lease,
      boolean sending, Optional<RegisterId> register) {
    ReceiptRecord requested = requested(key, digest, receipt, owner, now, lease);
    JournalEntry first = new JournalEntry(key, Optional.empty(), ReceiptStatus.REQUESTED, 0, now, owner, Optional.empty());
    if (!sending) {
      return new Begun(requested, List.of(first));
    }
    ReceiptRecord sent = applyTo(requested, register.map(Transition::sending).orElseGet(Transition::sending), now,
        now.plus(lease));
    return new Begun(sent, List.of(first, new JournalEntry(key, Optional.of(ReceiptStatus.REQUESTED),
        ReceiptStatus.SENT, sent.attempts(), now, owner, Optional.empty())));
  }

  /** A transition's record and its history entry. */
  record Applied(ReceiptRecord record, JournalEntry entry) {}

  /**
   * {@code transition} applied by {@code owner} to {@code current}, released afterwards when
   * {@code release}, with the history entry that records it.
   *
   * @throws LeaseLostException if {@code current} is not at {@code expectedVersion} held by {@code owner}
   */
  static Applied applied(ReceiptRecord current, String owner, long expectedVersion, Transition transition,
      Instant now, Duration lease, boolean release) {
    requireOwned(current, owner, expectedVersion);
    ReceiptRecord next = applyTo(current, transition, now, now.plus(lease));
    if (release) {
      next = released(next);
    }
    return new Applied(next, new JournalEntry(current.key(), Optional.of(current.status()), next.status(),
        next.attempts(), now, owner, transition.error()));
  }
}
