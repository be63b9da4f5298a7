package kz.fiscal.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.LeaseLostException;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * Where a paid order becomes a check: one key's way from the journal to an outcome, as a state
 * machine over its record's status — the stored outcome of a finished key, a conflict or a corrected
 * re-submission of a failed one, a claim (or a wait for the caller who holds it), then attempts at the
 * record's own register: SENT journaled before the driver is called, an unknown outcome resolved only
 * by lookup under the same key, retries within the deadline, and the lease given back at the end. One
 * instance per call; not thread-safe.
 */
final class Fiscalization {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());
  private static final int MAX_WAIT_POLLS = 10_000;

  private final ClientContext context;
  private final Receipt receipt;
  private final String digest;
  private final Instant deadline;
  private ReceiptRecord record;
  /** The run's name in the record's lease, once it holds it. */
  private String owner;
  private RegisterId register;
  private FiscalDriver driver;
  /** The record was journaled {@code SENT} by this run's own begin: the first attempt sends at once. */
  private boolean sentByBegin;
  private boolean released;

  private Fiscalization(ClientContext context, ReceiptRecord record, Receipt receipt, String digest, String owner) {
    this.context = context;
    this.record = record;
    this.receipt = receipt;
    this.digest = digest;
    this.owner = owner;
    this.deadline = context.deadline();
  }

  /** A record this client has just journaled {@code SENT} (bound to its register) and holds. */
  static Fiscalization begun(ClientContext context, ReceiptRecord sent, Receipt receipt, String owner) {
    Fiscalization run = new Fiscalization(context, sent, receipt, sent.digest(), owner);
    run.sentByBegin = true;
    run.announce(Optional.empty(), ReceiptStatus.REQUESTED, 0, sent.createdAt(), Optional.empty(), Optional.empty());
    run.announce(Optional.of(ReceiptStatus.REQUESTED), sent.status(), sent.attempts(), sent.updatedAt(),
        Optional.empty(), Optional.empty());
    return run;
  }

  /** A key the journal already holds, asked for again with {@code receipt} (whose digest is {@code digest}). */
  static Fiscalization found(ClientContext context, ReceiptRecord found, Receipt receipt, String digest) {
    return new Fiscalization(context, found, receipt, digest, null);
  }

  /** A pending record recovery has claimed for {@code owner}. */
  static Fiscalization claimed(ClientContext context, ReceiptRecord claimed, String owner) {
    return new Fiscalization(context, claimed, claimed.receipt(), claimed.digest(), owner);
  }

  /** Runs to a result, or throws with the record left in the state the exception names. */
  FiscalResult run() throws FiscalException {
    for (int poll = 0; ; poll++) {
      if (owner != null) {
        return work();
      }
      if (!record.digest().equals(digest)) {
        if (record.status() != ReceiptStatus.FAILED) {
          throw new IdempotencyConflictException(record.key());
        }
        resubmit();
        continue;
      }
      switch (record.status()) {
        case FISCALIZED, PARTIALLY_REFUNDED, REFUNDED -> {
          return record.result().orElseThrow();
        }
        case FAILED -> throw new ReceiptRejectedException(record.lastError().map(RecordedError::code).orElse(""),
            record.lastError().map(RecordedError::message).orElse("rejected earlier"));
        case REQUESTED, SENT, IN_DOUBT -> claimOrWait(poll);
      }
    }
  }

  /** Takes the record's lease, or waits a little for the caller who holds it; the record is read anew either way. */
  private void claimOrWait(int poll) throws OutcomeUnknownException {
    String candidate = context.newOwner();
    Optional<ReceiptRecord> claimed = context.journal.claim(record.key(), candidate, context.lease);
    if (claimed.isPresent()) {
      record = claimed.get();
      if (record.status().isPending()) {
        owner = candidate;
      } else {
        context.release(record.key(), candidate); // finished between our read and our claim: answer from it
      }
      return;
    }
    if (poll >= MAX_WAIT_POLLS || !context.clock.instant().isBefore(deadline)) {
      throw new OutcomeUnknownException(OutcomeUnknownException.Reason.IN_PROGRESS, "Key " + record.key().value()
          + " is being fiscalized by another caller (" + record.owner().orElse("?") + "); its outcome is not known"
          + " yet", null);
    }
    try {
      context.policy.sleeper().sleep(Duration.ofMillis(Math.min(200, 1L << Math.min(poll, 8))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutcomeUnknownException(OutcomeUnknownException.Reason.IN_PROGRESS,
          "Interrupted while another caller fiscalizes the key", e);
    }
    record = context.journal.find(record.key()).orElseThrow();
  }

  /** A failed key asked for with a corrected receipt: journaled {@code REQUESTED} with it, on its register. */
  private void resubmit() throws FiscalException {
    Receipt corrected = context.validated(receipt, record.register()).receipt();
    String candidate = context.newOwner();
    ReceiptRecord claimed = context.journal.claim(record.key(), candidate, context.lease).orElseThrow(
        () -> new OutcomeUnknownException(OutcomeUnknownException.Reason.IN_PROGRESS, "Key " + record.key().value()
            + " is being re-submitted by another caller", null));
    record = claimed;
    if (claimed.status() != ReceiptStatus.FAILED) {
      context.release(claimed.key(), candidate); // another caller re-submitted it between our read and our claim
      return;
    }
    owner = candidate;
    move(Transition.resubmit(corrected, digest));
  }

  /** Works the held record at its register, and gives the lease back whatever happens. */
  private FiscalResult work() throws FiscalException {
    try {
      bind();
      context.registers.enter(register);
      try {
        return attempts();
      } finally {
        context.registers.leave(register);
      }
    } catch (LeaseLostException e) {
      throw new OutcomeUnknownException("Another worker took over " + record.key().value(), e);
    } catch (JournalException e) {
      // Nothing is sent unless SENT was journaled, but a result may have been lost on its way in.
      throw new OutcomeUnknownException("The journal failed while fiscalizing " + record.key().value()
          + "; recover() resolves it once the journal is back", e);
    } finally {
      if (!released) {
        context.release(record.key(), owner);
      }
    }
  }

  /**
   * The register the record is worked at: its own, or (never sent) the router's choice now.
   *
   * @throws DeviceException if a record never applied waits for a register this client cannot work
   * @throws OutcomeUnknownException likewise for a record that may have been applied
   */
  private void bind() throws FiscalException {
    Optional<RegisterId> target = Registers.neverSent(record)
        ? context.registers.route(record.receipt(), Optional.empty(), new ArrayList<>())
        : context.registers.home(record);
    if (target.isEmpty()) {
      String where = record.register().map(r -> "bound to register " + r + ", which this client does not drive")
          .orElse(Registers.neverSent(record) ? "taken by no register of this client"
              : "sent before registers were recorded, and this client drives several: a person must say which");
      if (record.status() == ReceiptStatus.REQUESTED) {
        throw new DeviceException(DeviceException.Reason.CONFIGURATION, "", "Key " + record.key().value() + " waits, "
            + where);
      }
      throw new OutcomeUnknownException("Key " + record.key().value() + " may have been fiscalized and is " + where,
          null);
    }
    register = target.get();
    driver = context.registers.driver(register).orElseThrow();
  }

  private FiscalResult attempts() throws FiscalException {
    if (record.needsPerson()) {
      // A lookup found another receipt's check under this key: asking again cannot settle it.
      throw new OutcomeUnknownException(OutcomeUnknownException.Reason.KEY_COLLISION,
          record.lastError().map(RecordedError::message).orElse("key collision"), null);
    }
    if (record.status() == ReceiptStatus.SENT && !sentByBegin) {
      // Sent by a worker that is gone: the check may exist.
      move(Transition.failure(ReceiptStatus.IN_DOUBT,
          error(RecordedError.Kind.LEASE_EXPIRED, "", "sent by a worker whose lease ran out")));
    }
    FiscalException last = null;
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt();
      } catch (ReceiptRejectedException e) {
        last = rejected(e, e.providerCode());
      } catch (InvalidReceiptException e) {
        last = rejected(e, "");
      } catch (DeliveryFailedException e) {
        last = e;
        moveAfterFailure(RecordedError.Kind.DELIVERY_FAILED, "", e);
      } catch (DeviceException e) {
        last = e;
        moveAfterFailure(RecordedError.Kind.DEVICE, e.providerCode(), e);
      } catch (OutcomeUnknownException e) {
        if (e.reason() == OutcomeUnknownException.Reason.KEY_COLLISION) {
          move(Transition.failure(ReceiptStatus.IN_DOUBT, error(RecordedError.Kind.KEY_COLLISION, "", e.getMessage())));
          throw e;
        }
        last = e;
        moveInDoubt("", e.getMessage());
      } catch (IdempotencyConflictException e) {
        // The register already holds this key: a check may exist, which only lookup can tell.
        last = new OutcomeUnknownException("The register already holds key " + record.key().value(), e);
        moveInDoubt("", e.getMessage());
      } catch (RuntimeException e) {
        if (e instanceof LeaseLostException || e instanceof JournalException) {
          throw e; // the journal's own failure, not the driver's: see run()
        }
        // A driver bug after SENT: the check may exist.
        last = new OutcomeUnknownException("The driver failed unexpectedly: " + e, e);
        moveInDoubt("", "driver failed: " + e.getClass().getName());
      }
      Duration wait = wait(attempt, last);
      if (attempt >= context.policy.maxAttempts() || !context.clock.instant().plus(wait).isBefore(deadline)) {
        throw giveUp(last, attempt);
      }
      try {
        context.policy.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw giveUp(last, attempt);
      }
    }
  }

  /** One attempt: look up first when in doubt, then journal SENT, then send. */
  private FiscalResult attempt() throws FiscalException {
    if (record.status() == ReceiptStatus.IN_DOUBT) {
      Instant from = record.firstSentAt().orElse(record.createdAt());
      Optional<FiscalResult> found = driver.lookup(record.key(), record.receipt(), from, deadline);
      if (found.isPresent()) {
        return finishFiscalized(found.get());
      }
    }
    if (sentByBegin) {
      sentByBegin = false; // SENT was journaled with the record itself
    } else {
      refuseRatesOutOfForce();
      move(Transition.sending(register));
    }
    FiscalResult result = driver.register(record.key(), record.receipt(), deadline);
    try {
      return finishFiscalized(result);
    } catch (LeaseLostException e) {
      // The check exists; the worker that took over will find it by lookup.
      LOG.log(System.Logger.Level.WARNING, "Fiscalized {0} after losing its lease: {1}", record.key().value(),
          e.getMessage());
      return result;
    }
  }

  /** Journals the check as the journal can keep it, noting any field too long to keep; returns that. */
  private FiscalResult finishFiscalized(FiscalResult made) {
    FiscalResult result = made.register().isPresent() ? made : made.withRegister(register);
    StoredResult.Fitted fitted = StoredResult.fit(result);
    if (fitted.dropped().isEmpty()) {
      finish(Transition.fiscalized(result));
    } else {
      finish(Transition.fiscalized(fitted.result(), error(RecordedError.Kind.DATA_DROPPED, "",
          "The provider's answer held fields too long to keep, dropped: " + String.join("; ", fitted.dropped()))));
    }
    return fitted.result();
  }

  /**
   * A register that dates checks itself prints the date of this send: a rate no longer in force then
   * (a sale journaled on 31 December, sent on 1 January) fails the record unsent, naming the items.
   */
  private void refuseRatesOutOfForce() throws InvalidReceiptException {
    if (!driver.info().stampsOwnTime()) {
      return;
    }
    List<Violation> violations = context.validator.vatRatesOn(record.receipt(), KzTime.now(context.clock).toLocalDate());
    if (!violations.isEmpty()) {
      InvalidReceiptException e = new InvalidReceiptException(violations);
      finish(Transition.failure(ReceiptStatus.FAILED, error(RecordedError.Kind.REJECTED,
          ViolationCode.VAT_RATE_NOT_IN_FORCE.name(), "Not sent: the register dates the check today, and "
              + e.getMessage())));
      throw e;
    }
  }

  /** A rejection of a sent receipt fails the record and is thrown; from a lookup it proves nothing. */
  private FiscalException rejected(FiscalException e, String code) throws FiscalException {
    if (record.status() == ReceiptStatus.FAILED) {
      throw e; // refused before it was sent, and journaled so
    }
    if (record.status() == ReceiptStatus.SENT) {
      finish(Transition.failure(ReceiptStatus.FAILED, error(RecordedError.Kind.REJECTED, code, e.getMessage())));
      throw e;
    }
    moveInDoubt(code, e.getMessage());
    return new OutcomeUnknownException("The lookup was refused: " + e.getMessage(), e);
  }

  /** The check may exist: only a lookup can tell. */
  private void moveInDoubt(String code, String message) {
    move(Transition.failure(ReceiptStatus.IN_DOUBT, error(RecordedError.Kind.OUTCOME_UNKNOWN, code, message)));
  }

  /** A delivery or device failure: not applied, so a sent record waits again; a lookup's stays in doubt. */
  private void moveAfterFailure(RecordedError.Kind kind, String code, FiscalException e) {
    ReceiptStatus to = record.status() == ReceiptStatus.SENT ? ReceiptStatus.REQUESTED : ReceiptStatus.IN_DOUBT;
    move(Transition.failure(to, error(kind, code, e.getMessage())));
  }

  /** The backoff, or the provider's hint; never past what is left of the deadline. */
  private Duration wait(int attempt, FiscalException last) {
    Duration wait = last instanceof DeliveryFailedException d && d.retryAfter().isPresent()
        ? d.retryAfter().get() : context.policy.backoff(attempt);
    Duration left = Duration.between(context.clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : wait.compareTo(left) > 0 ? left : wait;
  }

  private FiscalException giveUp(FiscalException last, int attempts) {
    if (record.status() == ReceiptStatus.IN_DOUBT) {
      return last instanceof OutcomeUnknownException unknown && attempts == 1 ? unknown
          : new OutcomeUnknownException("Key " + record.key().value() + " is still in doubt after " + attempts
              + " attempts; recover() or a later call with the same key resolves it", last);
    }
    return last;
  }

  private void move(Transition transition) {
    ReceiptStatus from = record.status();
    record = context.journal.apply(record.key(), owner, record.version(), transition, context.lease);
    journaled(from, transition);
  }

  /** The run's last transition, journaled together with giving the lease back. */
  private void finish(Transition transition) {
    ReceiptStatus from = record.status();
    record = context.journal.applyAndRelease(record.key(), owner, record.version(), transition, context.lease);
    released = true;
    journaled(from, transition);
  }

  private void journaled(ReceiptStatus from, Transition transition) {
    announce(Optional.of(from), record.status(), record.attempts(), record.updatedAt(), transition.error(),
        transition.result());
  }

  /** The one place a transition becomes an event: the journal's entry of it, told to the listeners. */
  private void announce(Optional<ReceiptStatus> from, ReceiptStatus to, int attempt, Instant at,
      Optional<RecordedError> error, Optional<FiscalResult> result) {
    context.announce(new JournalEntry(record.key(), from, to, attempt, at, owner, error), result);
  }

  private RecordedError error(RecordedError.Kind kind, String code, String message) {
    return context.error(kind, code, message);
  }
}
