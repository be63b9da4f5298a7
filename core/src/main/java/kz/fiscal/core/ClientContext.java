package kz.fiscal.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.core.ReceiptListener.ReceiptEvent;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * What every run of a client shares: the journal, retry policy, clock and lease, the registers, the
 * validation a receipt passes before it is journaled, the names of runs in leases, and the listeners
 * each journaled transition is announced to. Thread-safe.
 */
final class ClientContext {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());

  /** A receipt ready to journal: stamped with a time, and the register it goes to. */
  record Validated(Receipt receipt, RegisterId register) {}

  final ReceiptJournal journal;
  final RetryPolicy policy;
  final Clock clock;
  final Duration lease;
  final ReceiptValidator validator;
  final Registers registers;
  private final Duration operationTimeTolerance;
  private final List<ReceiptListener> listeners;
  private final String nodeId;
  private final AtomicLong runs = new AtomicLong();

  ClientContext(ReceiptJournal journal, RetryPolicy policy, Clock clock, Duration lease, ReceiptValidator validator,
      Registers registers, Duration operationTimeTolerance, List<ReceiptListener> listeners, String nodeId) {
    this.journal = journal;
    this.policy = policy;
    this.clock = clock;
    this.lease = lease;
    this.validator = validator;
    this.registers = registers;
    this.operationTimeTolerance = operationTimeTolerance;
    this.listeners = List.copyOf(listeners);
    this.nodeId = nodeId;
  }

  /** The deadline of a run starting now. */
  Instant deadline() {
    return clock.instant().plus(policy.timeout());
  }

  /** A run's name in leases and the audit trail: the node and a sequence number. */
  String newOwner() {
    return nodeId + "#" + runs.incrementAndGet();
  }

  String nodeId() {
    return nodeId;
  }

  /**
   * The receipt stamped with the client's clock if it has no time, checked against the rules, and the
   * register it goes to ({@code named}, else the router's choice). A register that dates checks itself
   * prints now: a receipt dated further from now than the tolerance would be judged on rates of a date
   * the check will not show.
   *
   * @throws InvalidReceiptException carrying every violation, routing and capabilities included
   */
  Validated validated(Receipt receipt, Optional<RegisterId> named) throws InvalidReceiptException {
    Receipt stamped = receipt.operationTime().isPresent() ? receipt : receipt.withOperationTime(KzTime.now(clock));
    List<Violation> violations = new ArrayList<>(validator.validate(stamped));
    Optional<RegisterId> register = registers.route(stamped, named, violations);
    if (receipt.operationTime().isPresent() && register.isPresent() && stampsOwnTime(register.get())) {
      Duration off = Duration.between(clock.instant(), receipt.operationTime().get().toInstant()).abs();
      if (off.compareTo(operationTimeTolerance) > 0) {
        violations.add(new Violation(ViolationCode.OPERATION_TIME_NOT_NOW, "operationTime", "the register dates"
            + " each check itself when it makes it, and " + receipt.operationTime().get() + " is " + off
            + " from now (tolerance " + operationTimeTolerance + "): leave the operation time empty"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidReceiptException(violations);
    }
    return new Validated(stamped, register.orElseThrow());
  }

  private boolean stampsOwnTime(RegisterId register) {
    Optional<FiscalDriver> driver = registers.driver(register);
    return driver.isPresent() && driver.get().info().stampsOwnTime();
  }

  /** Gives back a lease taken for nothing; if that fails, the lease runs out by itself. */
  void release(IdempotencyKey key, String owner) {
    try {
      journal.release(key, owner);
    } catch (JournalException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not release {0}; its lease runs out by itself", key.value());
    }
  }

  /** A failure as the journal keeps it, stamped now to the microsecond (what a database column keeps). */
  RecordedError error(RecordedError.Kind kind, String code, String message) {
    return new RecordedError(kind, code, message, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }

  /** Tells every listener of a journaled transition; a failing listener is logged and the others still hear it. */
  void announce(JournalEntry entry, Optional<FiscalResult> result) {
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, "{0}: {1} -> {2} (attempt {3})", entry.key().value(),
          entry.from().map(Enum::name).orElse("new"), entry.to(), entry.attempt());
    }
    ReceiptEvent event = new ReceiptEvent(entry, result);
    for (ReceiptListener listener : listeners) {
      try {
        listener.onTransition(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Receipt listener failed on " + entry.key().value(), e);
      }
    }
  }
}
