package kz.fiscal.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.internal.ReceiptDigest;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.Violation.ViolationCode;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;

/**
 * Turns "payment confirmed" into exactly one fiscal check: validates, journals before acting, sends
 * through the driver under the caller's idempotency key, retries what is safe, and resolves unknown
 * outcomes by lookup — never by sending under a new key.
 *
 * <p>The same key with the same receipt returns the stored outcome without calling the driver; with a
 * different receipt it throws {@link IdempotencyConflictException}, unless the first one
 * {@link ReceiptStatus#FAILED failed}, in which case the corrected receipt is sent. A call that ends in
 * doubt throws {@link OutcomeUnknownException}; {@link #recover()} or a later call with the same key
 * finishes it.
 *
 * <p>One client drives one register or many (a pool of cashboxes, each merchant's own): a
 * {@link RegisterRouter} picks the register of a new receipt, and the record is bound to it from its
 * first send — every retry, lookup and recovery goes there and nowhere else. Thread-safe; one instance
 * per process and journal.
 */
public final class FiscalClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());
  private static final AtomicBoolean IN_MEMORY_WARNED = new AtomicBoolean();

  private final ClientContext context;
  private final ExecutorService executor;
  private final boolean ownsExecutor;

  private FiscalClient(Builder b) {
    context = new ClientContext(b.journal, b.policy, b.clock, b.lease, ReceiptValidator.of(b.vatSchedule, b.clock),
        new Registers(b.drivers, b.router), b.operationTimeTolerance, b.listeners, b.nodeId);
    ownsExecutor = b.executor == null;
    executor = ownsExecutor ? Executors.newFixedThreadPool(4, daemonThreads()) : b.executor;
    if (b.stableNodeId) {
      takeBackLeases();
    }
  }

  /** Starts a client; at least one driver and the journal are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fiscalizes {@code receipt} once under {@code key}, on the register the router chooses (the only one,
   * when there is one). A receipt without an operation time is stamped with the client's clock.
   *
   * @throws InvalidReceiptException the receipt breaks a rule, or no register takes it; nothing journaled
   * @throws IdempotencyConflictException the key holds another receipt that did not fail; nothing journaled
   * @throws ReceiptRejectedException the register refused the content; the record is {@code FAILED}
   * @throws OutcomeUnknownException the check may exist; the record is {@code IN_DOUBT} (or another caller
   *     is fiscalizing the key: {@link OutcomeUnknownException.Reason#IN_PROGRESS})
   * @throws DeviceException the register cannot work now; the record waits ({@code REQUESTED})
   * @throws DeliveryFailedException the register could not be reached; the record waits ({@code REQUESTED})
   */
  public FiscalResult fiscalize(IdempotencyKey key, Receipt receipt) throws FiscalException {
    return fiscalize(key, receipt, Optional.empty());
  }

  /**
   * As {@link #fiscalize(IdempotencyKey, Receipt)}, on the register the caller names instead of the
   * router's choice. A key already journaled stays on the register it was first sent to.
   *
   * @throws InvalidReceiptException also when {@code register} is not this client's or cannot carry the receipt
   */
  public FiscalResult fiscalize(IdempotencyKey key, Receipt receipt, RegisterId register) throws FiscalException {
    return fiscalize(key, receipt, Optional.of(Objects.requireNonNull(register, "register")));
  }

  private FiscalResult fiscalize(IdempotencyKey key, Receipt receipt, Optional<RegisterId> named)
      throws FiscalException {
    Objects.requireNonNull(key, "key");
    String digest = ReceiptDigest.of(Objects.requireNonNull(receipt, "receipt"));
    Optional<ReceiptRecord> found = context.journal.find(key);
    if (found.isPresent() && found.get().digest().equals(digest)) {
      return Fiscalization.found(context, found.get(), receipt, digest).run();
    }
    ClientContext.Validated valid = context.validated(receipt, named);
    String owner = context.newOwner();
    // Begin and SENT in one journal change: the record is durably SENT, bound to its register, before the call.
    ReceiptJournal.Begin begin = context.journal.beginSending(key, digest, valid.receipt(), owner, context.lease,
        Optional.of(valid.register()));
    return begin.created() ? Fiscalization.begun(context, begin.record(), valid.receipt(), owner).run()
        : Fiscalization.found(context, begin.record(), valid.receipt(), digest).run();
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

  /** The journal's record of {@code key}: status, attempts, result, last error, register. */
  public Optional<ReceiptRecord> status(IdempotencyKey key) {
    return context.journal.find(key);
  }

  /** Every journaled transition of {@code key}, oldest first. */
  public List<JournalEntry> history(IdempotencyKey key) {
    return context.journal.history(key);
  }

  /**
   * Finishes every pending record whose lease is free or ran out: {@code SENT} and {@code IN_DOUBT}
   * through lookup first, {@code REQUESTED} by sending, each at the register it is bound to, registers
   * in parallel and each one's records in journal order. Call it on start and periodically; records
   * whose register still fails stay pending for the next pass, and a register that keeps failing is
   * left for the rest of the pass. A record the journal cannot read is logged with its key, counted and
   * skipped; one bound to a register this client does not drive, or that {@link
   * ReceiptRecord#needsPerson() needs a person}, is left alone.
   */
  public RecoveryReport recover() {
    return new Recovery(context).run();
  }

  /**
   * What waits, per register, oldest first: pending and in-doubt records, those that need a person,
   * and those no register of this client can take (up to {@code limit} of each kind per register).
   */
  public Backlog backlog(int limit) {
    return Backlog.read(context.journal, context.registers.ids(), limit);
  }

  /** Stops the client's own executor, if it made one; the drivers and the journal stay the caller's. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdown();
    }
  }

  /** Gives back at once the leases this node held when it stopped, instead of waiting them out. */
  private void takeBackLeases() {
    try {
      int released = context.journal.releaseLeasesOf(context.nodeId());
      if (released > 0) {
        LOG.log(System.Logger.Level.INFO, "Node {0} took back {1} leases it held before it stopped", context.nodeId(),
            released);
      }
    } catch (JournalException e) {
      LOG.log(System.Logger.Level.WARNING, "Node " + context.nodeId() + " could not take back its leases; they run"
          + " out by themselves", e);
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
    private final List<FiscalDriver> drivers = new ArrayList<>();
    private RegisterRouter router;
    private ReceiptJournal journal;
    private RetryPolicy policy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private final List<ReceiptListener> listeners = new ArrayList<>();
    private String nodeId = defaultNodeId();
    private boolean stableNodeId;
    private Duration lease = Duration.ofMinutes(2);
    private ExecutorService executor;
    private VatSchedule vatSchedule = VatSchedule.defaults();
    private Duration operationTimeTolerance = Duration.ofMinutes(5);

    private Builder() {}

    /** The driver of the client's one register. Required, unless {@link #drivers} names several. */
    public Builder driver(FiscalDriver driver) {
      return drivers(List.of(Objects.requireNonNull(driver, "driver")));
    }

    /**
     * The drivers of the client's registers, one per register (each names its register in
     * {@code info().registerId()}; two drivers of one register are refused), in the order the
     * least-busy router breaks ties.
     */
    public Builder drivers(List<? extends FiscalDriver> drivers) {
      this.drivers.clear();
      for (FiscalDriver driver : drivers) {
        this.drivers.add(Objects.requireNonNull(driver, "drivers[" + this.drivers.size() + "]"));
      }
      return this;
    }

    /**
     * Chooses the register of each new receipt among those that can carry it; required with several
     * drivers ({@link RegisterRouter#bySeller}, {@link RegisterRouter#leastBusy}), the only one otherwise.
     */
    public Builder router(RegisterRouter router) {
      this.router = Objects.requireNonNull(router, "router");
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

    /**
     * This process's stable name in leases and the audit trail; by default host, pid and a random part.
     * A client built with a node id takes back at once the leases that id held (a restarted process
     * carries on without waiting its leases out), so two live processes must never share one.
     */
    public Builder nodeId(String nodeId) {
      Objects.requireNonNull(nodeId, "nodeId");
      if (nodeId.isBlank()) {
        throw new IllegalArgumentException("nodeId must not be blank");
      }
      this.nodeId = nodeId;
      this.stableNodeId = true;
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
     * ({@link kz.fiscal.core.spi.DriverInfo#stampsOwnTime()}); default 5 minutes. Further off, the receipt is refused before
     * journaling ({@link Violation.ViolationCode#OPERATION_TIME_NOT_NOW}): its VAT rates would be judged on a date
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

    /** @throws IllegalStateException if no driver or the journal is missing, or several drivers lack a router */
    public FiscalClient build() {
      if (drivers.isEmpty()) {
        throw new IllegalStateException("FiscalClient needs a driver");
      }
      if (router == null && drivers.size() > 1) {
        throw new IllegalStateException("FiscalClient with " + drivers.size() + " registers needs a router:"
            + " RegisterRouter.bySeller(...) for each merchant's own, RegisterRouter.leastBusy() for one seller's pool");
      }
      if (router == null) {
        router = RegisterRouter.leastBusy();
      }
      if (journal == null) {
        throw new IllegalStateException("FiscalClient needs a journal: a JDBC journal in production,"
            + " InMemoryReceiptJournal only in tests (it loses everything on exit)");
      }
      if (journal instanceof InMemoryReceiptJournal && IN_MEMORY_WARNED.compareAndSet(false, true)) {
        // once per process: a test suite builds hundreds of clients on in-memory journals
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

  /**
   * What waits, for operations: per register, oldest first, the records still to send, those in doubt
   * and those that need a person; and the records no register of the client can take. Immutable.
   *
   * @param registers what waits at each register of the client, in the order configured
   * @param unrouted never-sent records not yet bound to a register (the next send routes them)
   * @param unroutable records this client cannot work: sent before registers were recorded while it
   *     drives several, or bound to a register it does not drive — a person must say where they belong
   */
  public record Backlog(Map<RegisterId, Waiting> registers, List<ReceiptRecord> unrouted,
      List<ReceiptRecord> unroutable) {

    /**
     * What waits at one register, each list oldest first.
     *
     * @param pending requested or sent, not yet fiscalized
     * @param inDoubt in doubt, to be resolved by lookup
     * @param needPerson in doubt over a key collision: only a person can settle them
     */
    public record Waiting(List<ReceiptRecord> pending, List<ReceiptRecord> inDoubt, List<ReceiptRecord> needPerson) {
      public Waiting {
        pending = List.copyOf(pending);
        inDoubt = List.copyOf(inDoubt);
        needPerson = List.copyOf(needPerson);
      }

      /** Whether nothing waits. */
      public boolean isEmpty() {
        return pending.isEmpty() && inDoubt.isEmpty() && needPerson.isEmpty();
      }
    }

    public Backlog {
      registers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registers));
      unrouted = List.copyOf(unrouted);
      unroutable = List.copyOf(unroutable);
    }

    /** Whether nothing waits anywhere. */
    public boolean isEmpty() {
      return unrouted.isEmpty() && unroutable.isEmpty() && registers.values().stream().allMatch(Waiting::isEmpty);
    }

    /** Reads the journal's pending records into a backlog for {@code ids}, at most {@code limit} per list. */
    static Backlog read(ReceiptJournal journal, Collection<RegisterId> ids, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1, was " + limit);
      }
      Map<RegisterId, List<List<ReceiptRecord>>> lists = new LinkedHashMap<>();
      ids.forEach(id -> lists.put(id, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
      List<ReceiptRecord> unrouted = new ArrayList<>();
      List<ReceiptRecord> unroutable = new ArrayList<>();
      for (ReceiptStatus status : List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT)) {
        journal.forEach(ReceiptQuery.byStatus(status), record -> {
          Optional<RegisterId> home = record.register().isPresent() ? record.register()
              : ids.size() == 1 && !Registers.neverSent(record) ? Optional.of(ids.iterator().next()) : Optional.empty();
          if (home.isEmpty()) {
            add(Registers.neverSent(record) ? unrouted : unroutable, record, limit);
          } else if (!lists.containsKey(home.get())) {
            add(unroutable, record, limit);
          } else {
            int kind = record.needsPerson() ? 2 : status == ReceiptStatus.IN_DOUBT ? 1 : 0;
            add(lists.get(home.get()).get(kind), record, limit);
          }
        });
      }
      Map<RegisterId, Waiting> registers = new LinkedHashMap<>();
      lists.forEach((id, l) -> registers.put(id, new Waiting(oldestFirst(l.get(0)), oldestFirst(l.get(1)), oldestFirst(l.get(2)))));
      return new Backlog(registers, oldestFirst(unrouted), oldestFirst(unroutable));
    }

    private static void add(List<ReceiptRecord> list, ReceiptRecord record, int limit) {
      if (list.size() < limit) {
        list.add(Objects.requireNonNull(record));
      }
    }

    private static List<ReceiptRecord> oldestFirst(List<ReceiptRecord> records) {
      records.sort(Comparator.comparing(ReceiptRecord::createdAt));
      return records;
    }
  }
}
