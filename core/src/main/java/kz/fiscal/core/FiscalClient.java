package kz.fiscal.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.internal.ReceiptDigest;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.JournalEntry;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptStatus;
import kz.fiscal.core.journal.Transition;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;

/**
 * Turns "payment confirmed" into exactly one fiscal check: validates, journals before acting, sends
 * through the driver under the caller's idempotency key, retries what is safe, and resolves unknown
 * outcomes by lookup — never by sending under a new key.
 *
 * <p>The same key with the same receipt returns the stored outcome without calling the driver; with a
 * different receipt it throws {@link IdempotencyConflictException}, unless the first one
 * {@link ReceiptStatus#FAILED failed}, in which case the corrected receipt is sent. A call that ends in
 * doubt throws {@link OutcomeUnknownException}; {@link #recover()} or a later call with the same key
 * finishes it. Thread-safe; one instance per driver.
 */
public final class FiscalClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());
  private static final int RECOVERY_BATCH = 100;
  private static final int MAX_WAIT_POLLS = 10_000;

  /**
   * What a run needs from its client.
   *
   * @param stampsOwnTime whether the register dates checks itself: then the rates are judged again on
   *     the date of every later send
   */
  record Settings(FiscalDriver driver, ReceiptJournal journal, RetryPolicy policy, Clock clock, Duration lease,
      List<ReceiptListener> listeners, ReceiptValidator validator, boolean stampsOwnTime) {}

  private final Settings settings;
  private final Set<ReceiptFeature> capabilities;
  private final Duration operationTimeTolerance;
  private final String nodeId;
  private final AtomicLong runs = new AtomicLong();
  private final ExecutorService executor;
  private final boolean ownsExecutor;

  private FiscalClient(Builder b) {
    DriverInfo info = b.driver.info();
    settings = new Settings(b.driver, b.journal, b.policy, b.clock, b.lease, List.copyOf(b.listeners),
        ReceiptValidator.of(b.vatSchedule, b.clock), info.stampsOwnTime());
    capabilities = info.capabilities();
    operationTimeTolerance = b.operationTimeTolerance;
    nodeId = b.nodeId;
    ownsExecutor = b.executor == null;
    executor = ownsExecutor ? Executors.newFixedThreadPool(4, daemonThreads()) : b.executor;
  }

  /** Starts a client; the driver and the journal are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fiscalizes {@code receipt} once under {@code key}. A receipt without an operation time is stamped
   * with the client's clock.
   *
   * @throws InvalidReceiptException the receipt breaks a rule or uses a feature the driver lacks; nothing journaled
   * @throws IdempotencyConflictException the key holds another receipt that did not fail; nothing journaled
   * @throws ReceiptRejectedException the register refused the content; the record is {@code FAILED}
   * @throws OutcomeUnknownException the check may exist; the record is {@code IN_DOUBT}
   * @throws DeviceException the register cannot work now; the record waits ({@code REQUESTED})
   * @throws DeliveryFailedException the register could not be reached; the record waits ({@code REQUESTED})
   */
  public FiscalResult fiscalize(IdempotencyKey key, Receipt receipt) throws FiscalException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(receipt, "receipt");
    Instant deadline = settings.clock().instant().plus(settings.policy().timeout());
    String digest = ReceiptDigest.of(receipt);
    Optional<ReceiptRecord> existing = settings.journal().find(key);
    if (existing.isPresent() && existing.get().digest().equals(digest)) {
      return resume(existing.get(), key, digest, receipt, deadline);
    }
    Receipt stamped = validated(receipt);
    String owner = newOwner();
    // Begin and SENT in one journal change: the record is durably SENT before the driver is called.
    ReceiptJournal.Begin begin = settings.journal().beginSending(key, digest, stamped, owner, settings.lease());
    if (!begin.created()) {
      return resume(begin.record(), key, digest, stamped, deadline);
    }
    ReceiptRecord record = begin.record();
    notify(settings.listeners(), new ReceiptEvent(key, Optional.empty(), ReceiptStatus.REQUESTED, 0,
        record.createdAt(), Optional.empty(), Optional.empty()));
    notify(settings.listeners(), new ReceiptEvent(key, Optional.of(ReceiptStatus.REQUESTED), record.status(),
        record.attempts(), record.updatedAt(), Optional.empty(), Optional.empty()));
    return Fiscalization.ofBeginSending(settings, record, owner, deadline).run();
  }

  /** {@link #fiscalize} on the client's executor; the future fails with the {@link FiscalException} as cause. */
  public CompletableFuture<FiscalResult> submit(IdempotencyKey key, Receipt receipt) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fiscalize(key, receipt);
      } catch (FiscalException e) {
        throw new CompletionException(e);
      }
    }, executor);
  }

  /** The journal's record of {@code key}: status, attempts, result, last error. */
  public Optional<ReceiptRecord> status(IdempotencyKey key) {
    return settings.journal().find(key);
  }

  /** Every journaled transition of {@code key}, oldest first. */
  public List<JournalEntry> history(IdempotencyKey key) {
    return settings.journal().history(key);
  }

  /**
   * Finishes every pending record whose lease is free or ran out: {@code SENT} and {@code IN_DOUBT}
   * through lookup first, {@code REQUESTED} by sending. Call it on start and periodically; records
   * whose register still fails stay pending for the next pass. A record the journal cannot read is
   * logged with its key, counted and skipped; one that {@link ReceiptRecord#needsPerson() needs a person}
   * is left alone.
   */
  public RecoveryReport recover() {
    Set<IdempotencyKey> seen = new HashSet<>();
    int fiscalized = 0;
    int failed = 0;
    int pending = 0;
    int needPerson = 0;
    int unreadable = 0;
    while (true) {
      List<IdempotencyKey> batch = settings.journal().recoverable(RECOVERY_BATCH + seen.size());
      boolean progressed = false;
      for (IdempotencyKey key : batch) {
        if (!seen.add(key)) {
          continue;
        }
        progressed = true;
        String owner = newOwner();
        Optional<ReceiptRecord> claimed;
        try {
          claimed = settings.journal().claim(key, owner, settings.lease());
        } catch (JournalException e) {
          // One unreadable record must not stop the recovery of every other paid order.
          LOG.log(System.Logger.Level.ERROR, "Recovery skips " + key.value() + ": " + e.getMessage(), e);
          unreadable++;
          continue;
        }
        if (claimed.isEmpty()) {
          continue;
        }
        if (!claimed.get().status().isPending()) {
          release(key, owner); // another worker finished it since the list was read
          continue;
        }
        Instant deadline = settings.clock().instant().plus(settings.policy().timeout());
        try {
          new Fiscalization(settings, claimed.get(), owner, deadline).run();
          fiscalized++;
        } catch (ReceiptRejectedException | InvalidReceiptException e) {
          failed++;
        } catch (OutcomeUnknownException e) {
          if (e.reason() == OutcomeUnknownException.Reason.KEY_COLLISION) {
            needPerson++;
          } else {
            pending++;
          }
        } catch (FiscalException e) {
          pending++;
        }
      }
      if (!progressed) {
        return new RecoveryReport(fiscalized + failed + pending + needPerson, fiscalized, failed, pending, needPerson,
            unreadable);
      }
    }
  }

  /** Stops the client's own executor, if it made one; the driver and the journal stay the caller's. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  private FiscalResult resume(ReceiptRecord found, IdempotencyKey key, String digest, Receipt receipt,
      Instant deadline) throws FiscalException {
    ReceiptRecord record = found;
    for (int poll = 0; ; poll++) {
      if (!record.digest().equals(digest)) {
        if (record.status() != ReceiptStatus.FAILED) {
          throw new IdempotencyConflictException(key);
        }
        return resubmit(record, key, digest, receipt, deadline);
      }
      if (record.status().isFiscalized()) {
        return record.result().orElseThrow();
      }
      if (record.status() == ReceiptStatus.FAILED) {
        var error = record.lastError();
        throw new ReceiptRejectedException(error.map(e -> e.code()).orElse(""),
            error.map(e -> e.message()).orElse("rejected earlier"));
      }
      String owner = newOwner();
      Optional<ReceiptRecord> claimed = settings.journal().claim(key, owner, settings.lease());
      if (claimed.isPresent()) {
        if (claimed.get().status().isPending()) {
          return new Fiscalization(settings, claimed.get(), owner, deadline).run();
        }
        // Another worker finished the key between our read and our claim: answer from what it stored.
        release(key, owner);
        record = claimed.get();
        continue;
      }
      // Another caller holds the lease: wait for its outcome.
      if (poll >= MAX_WAIT_POLLS || !settings.clock().instant().isBefore(deadline)) {
        throw new OutcomeUnknownException("Key " + key.value() + " is being fiscalized by another caller ("
            + record.owner().orElse("?") + "); its outcome is not known yet", null);
      }
      pause(poll);
      record = settings.journal().find(key).orElseThrow();
    }
  }

  private FiscalResult resubmit(ReceiptRecord failed, IdempotencyKey key, String digest, Receipt receipt,
      Instant deadline) throws FiscalException {
    Receipt stamped = validated(receipt);
    String owner = newOwner();
    ReceiptRecord claimed = settings.journal().claim(key, owner, settings.lease()).orElseThrow(
        () -> new OutcomeUnknownException("Key " + key.value() + " is being re-submitted by another caller", null));
    if (claimed.status() != ReceiptStatus.FAILED) {
      // Another caller re-submitted it between our read and our claim.
      release(key, owner);
      return resume(claimed, key, digest, receipt, deadline);
    }
    ReceiptRecord requested = settings.journal().apply(key, owner, claimed.version(),
        Transition.resubmit(stamped, digest), settings.lease());
    notify(settings.listeners(), new ReceiptEvent(key, Optional.of(ReceiptStatus.FAILED), ReceiptStatus.REQUESTED,
        requested.attempts(), requested.updatedAt(), Optional.empty(), Optional.empty()));
    return new Fiscalization(settings, requested, owner, deadline).run();
  }

  /**
   * The receipt stamped with the client's clock if it has no time, checked against the rules and the
   * driver. A register that dates checks itself prints now: a receipt dated further from now than the
   * tolerance would be judged on rates of a date the check will not show.
   */
  private Receipt validated(Receipt receipt) throws InvalidReceiptException {
    Receipt stamped = receipt.operationTime().isPresent() ? receipt : receipt.withOperationTime(KzTime.now(settings.clock()));
    List<Violation> violations = new ArrayList<>(settings.validator().validate(stamped, capabilities));
    if (settings.stampsOwnTime() && receipt.operationTime().isPresent()) {
      Duration off = Duration.between(settings.clock().instant(), receipt.operationTime().get().toInstant()).abs();
      if (off.compareTo(operationTimeTolerance) > 0) {
        violations.add(new Violation(ViolationCode.OPERATION_TIME_NOT_NOW, "operationTime", "the register dates"
            + " each check itself when it makes it, and " + receipt.operationTime().get() + " is " + off
            + " from now (tolerance " + operationTimeTolerance + "): leave the operation time empty"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidReceiptException(violations);
    }
    return stamped;
  }

  private void pause(int poll) throws OutcomeUnknownException {
    try {
      settings.policy().sleeper().sleep(Duration.ofMillis(Math.min(200, 1L << Math.min(poll, 8))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutcomeUnknownException("Interrupted while another caller fiscalizes the key", e);
    }
  }

  /** Gives back a lease taken for nothing; if that fails, the lease runs out by itself. */
  private void release(IdempotencyKey key, String owner) {
    try {
      settings.journal().release(key, owner);
    } catch (JournalException e) {
      LOG.log(System.Logger.Level.WARNING, "Could not release {0}; its lease runs out by itself", key.value());
    }
  }

  private String newOwner() {
    return nodeId + "#" + runs.incrementAndGet();
  }

  static void notify(List<ReceiptListener> listeners, ReceiptEvent event) {
    for (int i = 0; i < listeners.size(); i++) {
      try {
        listeners.get(i).onTransition(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Receipt listener failed on " + event.key().value(), e);
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fiscal-client-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Collects a client's parts; not thread-safe. */
  public static final class Builder {
    private FiscalDriver driver;
    private ReceiptJournal journal;
    private RetryPolicy policy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private final List<ReceiptListener> listeners = new ArrayList<>();
    private String nodeId = defaultNodeId();
    private Duration lease = Duration.ofMinutes(2);
    private ExecutorService executor;
    private VatSchedule vatSchedule = VatSchedule.defaults();
    private Duration operationTimeTolerance = Duration.ofMinutes(5);

    private Builder() {}

    /** The register's driver. Required. */
    public Builder driver(FiscalDriver driver) {
      this.driver = Objects.requireNonNull(driver, "driver");
      return this;
    }

    /** Where every fiscalization is recorded before it is acted on. Required: there is no silent default. */
    public Builder journal(ReceiptJournal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock for operation times and deadlines. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder listener(ReceiptListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** This process's name in leases and the audit trail; by default host, pid and a random part. */
    public Builder nodeId(String nodeId) {
      Objects.requireNonNull(nodeId, "nodeId");
      if (nodeId.isBlank()) {
        throw new IllegalArgumentException("nodeId must not be blank");
      }
      this.nodeId = nodeId;
      return this;
    }

    /** How long a worker may hold a record before others may take it over; longer than one attempt. */
    public Builder leaseDuration(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("leaseDuration must be positive, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** Runs {@link #submit}; by default the client's own pool of four daemon threads. */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The VAT rates in force; by default {@link VatSchedule#defaults()}. */
    public Builder vatSchedule(VatSchedule vatSchedule) {
      this.vatSchedule = Objects.requireNonNull(vatSchedule, "vatSchedule");
      return this;
    }

    /**
     * How far a receipt's operation time may be from now when the register dates checks itself
     * ({@link DriverInfo#stampsOwnTime()}); default 5 minutes. Further off, the receipt is refused before
     * journaling ({@link ViolationCode#OPERATION_TIME_NOT_NOW}): its VAT rates would be judged on a date
     * the check will not show.
     */
    public Builder operationTimeTolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("operationTimeTolerance must not be negative, was " + tolerance);
      }
      this.operationTimeTolerance = tolerance;
      return this;
    }

    /** @throws IllegalStateException if the driver or the journal is missing */
    public FiscalClient build() {
      if (driver == null) {
        throw new IllegalStateException("FiscalClient needs a driver");
      }
      if (journal == null) {
        throw new IllegalStateException("FiscalClient needs a journal: a JDBC journal in production,"
            + " InMemoryReceiptJournal only in tests (it loses everything on exit)");
      }
      if (journal instanceof InMemoryReceiptJournal) {
        LOG.log(System.Logger.Level.WARNING, "FiscalClient on an in-memory journal: a crash loses paid orders."
            + " Use a JDBC journal in production.");
      }
      return new FiscalClient(this);
    }

    private static String defaultNodeId() {
      String host = System.getenv().getOrDefault("HOSTNAME", "node");
      return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
