package kz.fiscal.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.LeaseLostException;
import kz.fiscal.core.journal.RecordedError;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptStatus;
import kz.fiscal.core.journal.Transition;
import kz.fiscal.core.spi.FiscalDriver;

/**
 * Drives one claimed record to an outcome: each step is journaled before it is acted on (SENT before
 * the driver is called), an unknown outcome is resolved only by lookup under the same key, and the
 * lease is given back at the end — with the final transition when there is one, else on its own. One
 * instance per run; not thread-safe.
 */
final class Fiscalization {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());

  private final RegisterId register;
  private final FiscalDriver driver;
  private final ReceiptJournal journal;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Duration lease;
  private final List<ReceiptListener> listeners;
  private final String owner;
  private final Instant deadline;
  private final ReceiptValidator validator;
  private final boolean stampsOwnTime;
  private ReceiptRecord record;
  /** The record was journaled {@code SENT} by this run's own begin: the first attempt sends at once. */
  private boolean sentByBegin;
  private boolean released;

  /** A run of a record journaled {@code SENT} by {@link kz.fiscal.core.journal.ReceiptJournal#beginSending}. */
  static Fiscalization ofBeginSending(FiscalClient.Settings settings, RegisterId register, FiscalDriver driver,
      ReceiptRecord sent, String owner, Instant deadline) {
    Fiscalization run = new Fiscalization(settings, register, driver, sent, owner, deadline);
    run.sentByBegin = sent.status() == ReceiptStatus.SENT;
    return run;
  }

  /** A run of {@code claimed} on {@code register}, the one it is bound to or (never sent) routed to. */
  Fiscalization(FiscalClient.Settings settings, RegisterId register, FiscalDriver driver, ReceiptRecord claimed,
      String owner, Instant deadline) {
    this.register = register;
    this.driver = driver;
    this.journal = settings.journal();
    this.policy = settings.policy();
    this.clock = settings.clock();
    this.lease = settings.lease();
    this.listeners = settings.listeners();
    this.validator = settings.validator();
    this.stampsOwnTime = driver.info().stampsOwnTime();
    this.record = claimed;
    this.owner = owner;
    this.deadline = deadline;
  }

  /** Runs to a result, or throws with the record left in the state the exception names. */
  FiscalResult run() throws FiscalException {
    try {
      return attempts();
    } catch (LeaseLostException e) {
      throw new OutcomeUnknownException("Another worker took over " + record.key().value(), e);
    } catch (JournalException e) {
      // Nothing is sent unless SENT was journaled, but a result may have been lost on its way in.
      throw new OutcomeUnknownException("The journal failed while fiscalizing " + record.key().value()
          + "; recover() resolves it once the journal is back", e);
    } finally {
      if (!released) {
        try {
          journal.release(record.key(), owner);
        } catch (JournalException e) {
          LOG.log(System.Logger.Level.WARNING, "Could not release {0}; its lease runs out by itself",
              record.key().value());
        }
      }
    }
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
      if (attempt >= policy.maxAttempts() || !clock.instant().plus(wait).isBefore(deadline)) {
        throw giveUp(last, attempt);
      }
      try {
        policy.sleeper().sleep(wait);
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
    if (!stampsOwnTime) {
      return;
    }
    List<Violation> violations = validator.vatRatesOn(record.receipt(), KzTime.now(clock).toLocalDate());
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
        ? d.retryAfter().get() : policy.backoff(attempt);
    Duration left = Duration.between(clock.instant(), deadline);
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
    record = journal.apply(record.key(), owner, record.version(), transition, lease);
    journaled(from, transition);
  }

  /** The run's last transition, journaled together with giving the lease back. */
  private void finish(Transition transition) {
    ReceiptStatus from = record.status();
    record = journal.applyAndRelease(record.key(), owner, record.version(), transition, lease);
    released = true;
    journaled(from, transition);
  }

  private void journaled(ReceiptStatus from, Transition transition) {
    LOG.log(System.Logger.Level.DEBUG, "{0}: {1} -> {2} (attempt {3})", record.key().value(), from, record.status(),
        record.attempts());
    FiscalClient.notify(listeners, new ReceiptEvent(record.key(), Optional.of(from), record.status(),
        record.attempts(), record.updatedAt(), transition.result(), transition.error()));
  }

  private RecordedError error(RecordedError.Kind kind, String code, String message) {
    // Microseconds: what a database column keeps, so a stored error reads back equal.
    return new RecordedError(kind, code, message, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
