package kz.fiscal.testkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Operation;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Payment;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;

/**
 * An in-memory cash register with a ledger of every check it applied and scripted faults, for testing
 * what sits above a driver. Thread-safe; like a real register it serves one request at a time.
 *
 * <p>By default it deduplicates keys as Webkassa does (a resend of an applied key returns the first
 * check). {@link Builder#deduplicateKeys(boolean) deduplicateKeys(false)} makes it a plain device that
 * prints a second check for a resent key, so that tests can prove the caller never resends blindly.
 *
 * <p>With {@link Builder#ledgerFile(Path) ledgerFile} every applied check is also appended to a file and
 * forced to disk before {@link #register} returns, and a driver built on an existing file carries on from
 * it: its checks are counted by {@link #ledgerCount}, found by {@link #lookup} and {@link #results},
 * deduplicated, and fiscal signs and check numbers continue after them. Such a driver must be
 * {@link #close() closed}, which releases the file.
 */
public final class RecordingFiscalDriver implements FiscalDriver {

  /** A fault the next {@link #register} call suffers. */
  public enum Fault {
    /** Certainly not applied: {@link DeliveryFailedException}. */
    FAIL_BEFORE_APPLYING,
    /** Applied, then the answer is lost: {@link OutcomeUnknownException}. */
    APPLY_THEN_UNKNOWN,
    /** Not applied, but the caller cannot know: {@link OutcomeUnknownException}. */
    UNKNOWN_WITHOUT_APPLYING,
    /** The content is refused: {@link ReceiptRejectedException}. */
    REJECT,
    /** The register is blocked for this call: {@link DeviceException}. */
    DEVICE_BLOCKED
  }

  /** One check the register applied. */
  public record Applied(IdempotencyKey key, Receipt receipt, FiscalResult result) {}

  /** The verification host of the fake OFD. */
  public static final Ofd OFD = new Ofd("Recording OFD", 1, "consumer.oofd.kz");

  private final Clock clock;
  private final boolean deduplicate;
  private final boolean autoCloseShift;
  private final Set<ReceiptFeature> capabilities;
  private final boolean stampsOwnTime;
  private final String number;
  private final String rnm;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<Applied> ledger = new ArrayList<>();
  private final Map<IdempotencyKey, List<FiscalResult>> byKey = new HashMap<>();
  private final Optional<LedgerFile> file;
  private int failingLookups;
  private boolean blocked;
  private long shift = 1;
  private Instant shiftOpenedAt;
  private boolean shiftExpired;
  private long checkInShift;
  private long fiscalSigns = 1_000_000_000L;
  private int registerCalls;
  private int lookupCalls;

  private RecordingFiscalDriver(Builder b) {
    clock = b.clock;
    deduplicate = b.deduplicate;
    autoCloseShift = b.autoCloseShift;
    capabilities = Set.copyOf(b.capabilities);
    stampsOwnTime = b.stampsOwnTime;
    number = b.number;
    rnm = b.rnm;
    shiftOpenedAt = clock.instant();
    file = b.ledgerFile.map(LedgerFile::open);
    file.ifPresent(f -> f.loaded().forEach(this::carryOn));
  }

  /** A deduplicating register with every capability, on the system clock. */
  public static RecordingFiscalDriver create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Queues faults for the next register calls, in order. */
  public synchronized RecordingFiscalDriver failNext(Fault... next) {
    faults.addAll(List.of(next));
    return this;
  }

  /** The next {@code count} lookups throw {@link OutcomeUnknownException}. */
  public synchronized RecordingFiscalDriver failNextLookups(int count) {
    failingLookups = count;
    return this;
  }

  /** Every call throws {@link DeviceException} until {@link #unblock()}. */
  public synchronized void block() {
    blocked = true;
  }

  public synchronized void unblock() {
    blocked = false;
  }

  /** Drops all queued faults and failing lookups. */
  public synchronized void heal() {
    faults.clear();
    failingLookups = 0;
    blocked = false;
  }

  /** Makes the open shift older than 24 hours. */
  public synchronized void expireShift() {
    shiftExpired = true;
  }

  @Override
  public synchronized FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline)
      throws FiscalException {
    registerCalls++;
    Fault fault = faults.poll();
    if (blocked || fault == Fault.DEVICE_BLOCKED) {
      throw new DeviceException(DeviceException.Reason.BLOCKED, "7", "register blocked (scripted)");
    }
    if (shiftExpired) {
      if (!autoCloseShift) {
        throw new DeviceException(DeviceException.Reason.SHIFT_EXPIRED, "11", "shift open longer than 24 h");
      }
      closeShift();
    }
    if (fault == Fault.FAIL_BEFORE_APPLYING) {
      throw new DeliveryFailedException("connection refused (scripted)", null);
    }
    if (fault == Fault.UNKNOWN_WITHOUT_APPLYING) {
      throw new OutcomeUnknownException("read timed out before the register applied it (scripted)", null);
    }
    if (fault == Fault.REJECT) {
      throw new ReceiptRejectedException("9", "validation error (scripted)");
    }
    if (deduplicate) {
      Optional<FiscalResult> earlier = verified(key, receipt);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    FiscalResult result = apply(key, receipt);
    if (fault == Fault.APPLY_THEN_UNKNOWN) {
      throw new OutcomeUnknownException("answer lost after the register applied it (scripted)", null);
    }
    return result;
  }

  @Override
  public synchronized Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt,
      Instant deadline) throws FiscalException {
    lookupCalls++;
    if (blocked) {
      throw new DeviceException(DeviceException.Reason.BLOCKED, "7", "register blocked (scripted)");
    }
    if (failingLookups > 0) {
      failingLookups--;
      throw new OutcomeUnknownException("lookup timed out (scripted)", null);
    }
    return verified(key, journaled);
  }

  @Override
  public synchronized ShiftReport xReport() {
    return report(Optional.empty());
  }

  @Override
  public synchronized ShiftReport closeShift() {
    ShiftReport report = report(Optional.of(KzTime.now(clock)));
    shift++;
    checkInShift = 0;
    shiftOpenedAt = clock.instant();
    shiftExpired = false;
    return report;
  }

  @Override
  public DriverInfo info() {
    return new DriverInfo("recording", RegisterId.of("recording", number), Optional.of(rnm), Optional.of("ZNM-RECORDING"), capabilities,
        stampsOwnTime);
  }

  /** Releases the ledger file, if there is one. */
  @Override
  public synchronized void close() {
    file.ifPresent(LedgerFile::close);
  }

  /** How many checks the register applied under {@code key}, those in the ledger file included. */
  public synchronized int ledgerCount(IdempotencyKey key) {
    return byKey.getOrDefault(key, List.of()).size();
  }

  /** Every check applied under {@code key}, oldest first, those in the ledger file included. */
  public synchronized List<FiscalResult> results(IdempotencyKey key) {
    return List.copyOf(byKey.getOrDefault(key, List.of()));
  }

  /**
   * Every check this instance applied, in order, with its receipt. Checks loaded from a ledger file
   * are not listed (the file keeps no receipts), nor are they in shift reports.
   */
  public synchronized List<Applied> ledger() {
    return List.copyOf(ledger);
  }

  /** How many times {@link #register} was called. */
  public synchronized int registerCalls() {
    return registerCalls;
  }

  /** How many times {@link #lookup} was called. */
  public synchronized int lookupCalls() {
    return lookupCalls;
  }

  /** The first check applied under {@code key}, if it is {@code receipt}'s by its total. */
  private Optional<FiscalResult> verified(IdempotencyKey key, Receipt receipt) throws OutcomeUnknownException {
    Optional<FiscalResult> found = find(key);
    if (found.isPresent() && found.get().total().compareTo(receipt.total()) != 0) {
      throw OutcomeUnknownException.keyCollision(key, "total", receipt.total().toString(),
          found.get().total().toString());
    }
    return found;
  }

  /** The first check applied under {@code key}. */
  private Optional<FiscalResult> find(IdempotencyKey key) {
    List<FiscalResult> results = byKey.get(key);
    return results == null ? Optional.empty() : Optional.of(results.get(0));
  }

  private FiscalResult apply(IdempotencyKey key, Receipt receipt) {
    LedgerFile.Line line = new LedgerFile.Line(key, fiscalSigns + 1, shift, checkInShift + 1,
        receipt.total(), KzTime.now(clock));
    file.ifPresent(f -> f.append(line)); // on disk before anyone hears of the check
    FiscalResult result = carryOn(line);
    ledger.add(new Applied(key, receipt, result));
    return result;
  }

  /** Counts a check the register printed and moves the sequences past it. */
  private FiscalResult carryOn(LedgerFile.Line line) {
    fiscalSigns = Math.max(fiscalSigns, line.fiscalSign());
    shift = line.shift();
    checkInShift = line.checkNumber();
    FiscalResult result = FiscalResult.builder()
        .fiscalSign(Long.toString(line.fiscalSign()))
        .checkNumber(line.checkNumber())
        .shiftNumber(line.shift())
        .rnm(rnm)
        .registerSerial("ZNM-RECORDING")
        .dateTime(line.time())
        .total(line.total())
        .ofd(OFD)
        .providerReference(line.key().value())
        .register(RegisterId.of("recording", number))
        .build();
    byKey.computeIfAbsent(line.key(), k -> new ArrayList<>(1)).add(result);
    return result;
  }

  private ShiftReport report(Optional<OffsetDateTime> closedAt) {
    Map<Operation, long[]> counts = new EnumMap<>(Operation.class);
    Map<Operation, Map<PaymentType, Tenge>> payments = new EnumMap<>(Operation.class);
    Map<Operation, Tenge> vat = new EnumMap<>(Operation.class);
    long documents = 0;
    for (Applied applied : ledger) {
      if (applied.result().shiftNumber() != shift) {
        continue;
      }
      documents++;
      Receipt receipt = applied.receipt();
      Operation operation = receipt.operation();
      counts.computeIfAbsent(operation, o -> new long[1])[0]++;
      Map<PaymentType, Tenge> byType = payments.computeIfAbsent(operation, o -> new EnumMap<>(PaymentType.class));
      for (Payment payment : receipt.payments()) {
        byType.merge(payment.type(), payment.amount(), Tenge::plus);
      }
      Tenge change = receipt.change(); // given back from the cash paid
      byType.computeIfPresent(PaymentType.CASH, (cash, paid) -> paid.minus(change));
      for (Tenge amount : receipt.vatByRate().values()) {
        vat.merge(operation, amount, Tenge::plus);
      }
    }
    Map<Operation, ShiftReport.OperationTotals> totals = new EnumMap<>(Operation.class);
    for (Map.Entry<Operation, long[]> entry : counts.entrySet()) {
      Operation operation = entry.getKey();
      totals.put(operation, new ShiftReport.OperationTotals(entry.getValue()[0], payments.get(operation), Tenge.ZERO,
          Tenge.ZERO, vat.getOrDefault(operation, Tenge.ZERO)));
    }
    Tenge cash = cash(totals);
    return new ShiftReport(shift, Optional.of(KzTime.of(shiftOpenedAt.atOffset(KzTime.OFFSET))), KzTime.now(clock),
        closedAt, documents, totals, cash, false);
  }

  private static Tenge cash(Map<Operation, ShiftReport.OperationTotals> totals) {
    long tiyn = 0;
    for (Map.Entry<Operation, ShiftReport.OperationTotals> entry : totals.entrySet()) {
      long amount = entry.getValue().payments().getOrDefault(PaymentType.CASH, Tenge.ZERO).toTiyn();
      boolean in = entry.getKey() == Operation.SALE || entry.getKey() == Operation.PURCHASE_RETURN;
      tiyn += in ? amount : -amount;
    }
    return Tenge.ofTiyn(Math.max(0, tiyn));
  }

  /** Configures a recording register. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private boolean deduplicate = true;
    private boolean autoCloseShift = true;
    private Set<ReceiptFeature> capabilities = EnumSet.allOf(ReceiptFeature.class);
    private String rnm = "600300000001";
    private Optional<Path> ledgerFile = Optional.empty();
    private boolean stampsOwnTime;
    private String number = "RECORDING-1";

    private Builder() {}

    /** The register's own number, so that several recording registers can stand side by side. */
    public Builder number(String number) {
      this.number = RegisterId.of("recording", number).number();
      return this;
    }

    /**
     * Whether the register says it dates checks itself, as Webkassa does ({@link DriverInfo#stampsOwnTime()});
     * off by default. Its checks carry its clock's time either way.
     */
    public Builder stampsOwnTime(boolean stampsOwnTime) {
      this.stampsOwnTime = stampsOwnTime;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether a resent key returns the first check (true, like Webkassa) or prints another (false). */
    public Builder deduplicateKeys(boolean deduplicate) {
      this.deduplicate = deduplicate;
      return this;
    }

    /** Whether an expired shift is closed and the call repeated (true) or refused with {@link DeviceException}. */
    public Builder autoCloseShift(boolean autoCloseShift) {
      this.autoCloseShift = autoCloseShift;
      return this;
    }

    /** The features the register claims to carry; all by default. */
    public Builder capabilities(Set<ReceiptFeature> capabilities) {
      this.capabilities = EnumSet.noneOf(ReceiptFeature.class);
      this.capabilities.addAll(capabilities);
      return this;
    }

    /** The registration number; 12 digits. */
    public Builder rnm(String rnm) {
      this.rnm = Objects.requireNonNull(rnm, "rnm");
      return this;
    }

    /**
     * Also keeps the ledger in {@code file}, one line per check forced to disk before {@link #register}
     * returns; an existing file is read back on {@link #build()} and continued. The file is locked while
     * the driver is open. Shift closes are not kept: a restarted driver continues the last check's shift.
     */
    public Builder ledgerFile(Path file) {
      this.ledgerFile = Optional.of(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * @throws java.io.UncheckedIOException if the ledger file cannot be read or created
     * @throws IllegalStateException if the ledger file is unreadable or in use by another driver
     */
    public RecordingFiscalDriver build() {
      return new RecordingFiscalDriver(this);
    }
  }
}
