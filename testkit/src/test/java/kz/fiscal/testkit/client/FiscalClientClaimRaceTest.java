package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyConflictException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.ForwardingFiscalDriver;
import kz.fiscal.testkit.ForwardingReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

/**
 * A worker reads a record, another finishes it, then the first one's claim succeeds on the finished
 * record: the first must answer from what the other stored, never drive a finished record again.
 */
class FiscalClientClaimRaceTest {
  private final ClientFixture f = new ClientFixture();
  private final StaleReads stale = new StaleReads(f.journal);
  private final FiscalClient late = f.clientBuilder(6).journal(stale).nodeId("late-node").build();

  @Test
  void aKeyFinishedBetweenReadAndClaimReturnsTheStoredResult() throws FiscalException {
    ReceiptRecord sent = fiscalizeRememberingTheSentRecord(key("order-1"), sale("500.00"));
    stale.nextFind(sent);

    FiscalResult result = late.fiscalize(key("order-1"), sale("500.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(0, f.driver.lookupCalls());
    ReceiptRecord record = f.client.status(key("order-1")).orElseThrow();
    assertEquals(ReceiptStatus.FISCALIZED, record.status());
    assertEquals(Optional.empty(), record.owner(), "the lease taken for nothing is given back");
  }

  @Test
  void recoverySkipsARecordAnotherWorkerFinishedAfterTheListWasRead() throws FiscalException {
    ReceiptRecord sent = fiscalizeRememberingTheSentRecord(key("order-2"), sale("500.00"));
    stale.recoverable(List.of(sent));

    RecoveryReport report = late.recover();

    assertEquals(new RecoveryReport(0, 0, 0, 0), report);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(0, f.driver.lookupCalls());
    assertEquals(3, f.client.history(key("order-2")).size(), "nothing journaled after FISCALIZED");
    assertEquals(Optional.empty(), f.client.status(key("order-2")).orElseThrow().owner());
  }

  @Test
  void aCorrectionOfAFailedRecordAnotherCallerCorrectedMeanwhileIsAConflict() throws FiscalException {
    ReceiptRecord failed = failThenCorrect(key("order-3"), sale("90.00"));
    stale.nextFind(failed);
    stale.nextBegin(failed);

    assertThrows(IdempotencyConflictException.class, () -> late.fiscalize(key("order-3"), sale("80.00")));

    assertEquals(1, f.driver.ledger().size());
    assertEquals(ReceiptStatus.FISCALIZED, f.client.status(key("order-3")).orElseThrow().status());
    assertEquals(Optional.empty(), f.client.status(key("order-3")).orElseThrow().owner());
  }

  @Test
  void theSameCorrectionOfAFailedRecordAnotherCallerCorrectedMeanwhileReturnsItsResult() throws FiscalException {
    ReceiptRecord failed = failThenCorrect(key("order-4"), sale("90.00"));
    stale.nextFind(failed);
    stale.nextBegin(failed);

    FiscalResult result = late.fiscalize(key("order-4"), sale("90.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(1, f.driver.ledger().size());
    assertEquals(Optional.empty(), f.client.status(key("order-4")).orElseThrow().owner());
  }

  /** Fiscalizes through the fixture's client and returns the record as it stood while the register worked. */
  private ReceiptRecord fiscalizeRememberingTheSentRecord(IdempotencyKey key, Receipt receipt) throws FiscalException {
    AtomicReference<ReceiptRecord> sent = new AtomicReference<>();
    FiscalClient early = FiscalClient.builder()
        .driver(new ForwardingFiscalDriver(f.driver) {
          @Override
          public FiscalResult register(IdempotencyKey k, Receipt r, Instant deadline) throws FiscalException {
            sent.set(f.journal.find(k).orElseThrow());
            return super.register(k, r, deadline);
          }
        })
        .journal(f.journal)
        .clock(f.clock)
        .nodeId("early-node")
        .build();
    early.fiscalize(key, receipt);
    assertEquals(ReceiptStatus.SENT, sent.get().status());
    return sent.get();
  }

  /** A first receipt rejected, then {@code correction} fiscalized; returns the record as it stood when FAILED. */
  private ReceiptRecord failThenCorrect(IdempotencyKey key, Receipt correction) throws FiscalException {
    f.driver.failNext(Fault.REJECT);
    assertThrows(ReceiptRejectedException.class, () -> f.client.fiscalize(key, sale("100.00")));
    ReceiptRecord failed = f.client.status(key).orElseThrow();
    assertEquals(ReceiptStatus.FAILED, failed.status());
    f.client.fiscalize(key, correction);
    return failed;
  }

  /** A journal whose reads can be scripted to return what was true a moment ago. */
  private static final class StaleReads extends ForwardingReceiptJournal {
    private final ConcurrentHashMap<IdempotencyKey, ReceiptRecord> nextFinds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IdempotencyKey, ReceiptRecord> nextBegins = new ConcurrentHashMap<>();
    private volatile List<Pending> recoverable;

    StaleReads(ReceiptJournal delegate) {
      super(delegate);
    }

    void nextFind(ReceiptRecord record) {
      nextFinds.put(record.key(), record);
    }

    /** The next begin of the record's key finds it as it was (a begin of a known key changes nothing). */
    void nextBegin(ReceiptRecord record) {
      nextBegins.put(record.key(), record);
    }

    void recoverable(List<ReceiptRecord> records) {
      long[] position = {0};
      recoverable = records.stream().map(r -> new Pending(r.key(), ++position[0], r.register())).toList();
    }

    @Override
    public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
      ReceiptRecord scripted = nextBegins.remove(key);
      return scripted != null ? new Begin(scripted, false) : super.begin(key, digest, receipt, owner, lease);
    }

    @Override
    public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
        Optional<RegisterId> register) {
      ReceiptRecord scripted = nextBegins.remove(key);
      return scripted != null ? new Begin(scripted, false) : super.beginSending(key, digest, receipt, owner, lease, register);
    }

    @Override
    public Optional<ReceiptRecord> find(IdempotencyKey key) {
      ReceiptRecord scripted = nextFinds.remove(key);
      return scripted != null ? Optional.of(scripted) : super.find(key);
    }

    @Override
    public List<Pending> recoverable(long position, int limit) {
      List<Pending> scripted = recoverable;
      recoverable = null; // a stale page once: the next page is read from the journal
      return scripted != null ? scripted : super.recoverable(position, limit);
    }
  }
}
