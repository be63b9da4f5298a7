package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptStatus;
import kz.fiscal.core.journal.Transition;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.junit.jupiter.api.Test;

/**
 * A caller reads a key while another caller is still sending it, and claims it just after that one
 * finished and gave the lease back: the claim succeeds on a record that is no longer pending. Eight
 * racing threads hit this now and then; here it is forced.
 */
class FiscalClientClaimRaceTest {
  private final RecordingFiscalDriver driver = RecordingFiscalDriver.builder().deduplicateKeys(false).build();
  private final InMemoryReceiptJournal journal = new InMemoryReceiptJournal();

  @Test
  void aCallerThatClaimsAKeyJustFinishedByAnotherGetsItsCheckAndSendsNothing() throws FiscalException {
    FiscalResult first = client(journal).fiscalize(key("order-1"), sale("500.00"));
    ReceiptRecord done = journal.find(key("order-1")).orElseThrow();

    FiscalResult again = client(new ReadsOnceWhileSending(journal, done)).fiscalize(key("order-1"), sale("500.00"));

    assertEquals(first, again);
    assertEquals(1, driver.registerCalls());
    assertEquals(Optional.empty(), journal.find(key("order-1")).orElseThrow().owner(), "the lease is given back");
  }

  @Test
  void recoveryOfAKeyFinishedSinceItWasListedSendsNothing() throws FiscalException {
    client(journal).fiscalize(key("order-2"), sale("700.00"));
    ReceiptRecord done = journal.find(key("order-2")).orElseThrow();

    client(new ListsOnceWhileSending(journal, done)).recover();

    assertEquals(1, driver.registerCalls());
    assertEquals(ReceiptStatus.FISCALIZED, journal.find(key("order-2")).orElseThrow().status());
  }

  private FiscalClient client(ReceiptJournal on) {
    return FiscalClient.builder().driver(driver).journal(on).leaseDuration(Duration.ofMinutes(2)).build();
  }

  /** {@code done} as it looked while another caller was sending it, lease free. */
  private static ReceiptRecord whileSending(ReceiptRecord done) {
    return new ReceiptRecord(done.key(), done.digest(), done.receipt(), ReceiptStatus.SENT, 1, Optional.empty(),
        Optional.empty(), done.firstSentAt(), done.createdAt(), done.createdAt(), Optional.empty(), Optional.empty(),
        done.version() - 2);
  }

  /** Answers the first read of the key with the record as it was while another caller sent it. */
  private static final class ReadsOnceWhileSending extends ForwardingJournal {
    private ReceiptRecord stale;

    ReadsOnceWhileSending(ReceiptJournal delegate, ReceiptRecord done) {
      super(delegate);
      this.stale = whileSending(done);
    }

    @Override
    public Optional<ReceiptRecord> find(IdempotencyKey key) {
      if (stale != null && stale.key().equals(key)) {
        ReceiptRecord old = stale;
        stale = null;
        return Optional.of(old);
      }
      return super.find(key);
    }
  }

  /** Lists the key once as pending, as it was while another caller sent it. */
  private static final class ListsOnceWhileSending extends ForwardingJournal {
    private ReceiptRecord stale;

    ListsOnceWhileSending(ReceiptJournal delegate, ReceiptRecord done) {
      super(delegate);
      this.stale = whileSending(done);
    }

    @Override
    public List<ReceiptRecord> recoverable(int limit) {
      if (stale != null) {
        ReceiptRecord old = stale;
        stale = null;
        return List.of(old);
      }
      return super.recoverable(limit);
    }
  }

  private static class ForwardingJournal implements ReceiptJournal {
    private final ReceiptJournal delegate;

    ForwardingJournal(ReceiptJournal delegate) {
      this.delegate = delegate;
    }

    @Override
    public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
      return delegate.begin(key, digest, receipt, owner, lease);
    }

    @Override
    public Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease) {
      return delegate.claim(key, owner, lease);
    }

    @Override
    public ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
        Duration lease) {
      return delegate.apply(key, owner, expectedVersion, transition, lease);
    }

    @Override
    public void release(IdempotencyKey key, String owner) {
      delegate.release(key, owner);
    }

    @Override
    public Optional<ReceiptRecord> find(IdempotencyKey key) {
      return delegate.find(key);
    }

    @Override
    public List<JournalEntry> history(IdempotencyKey key) {
      return delegate.history(key);
    }

    @Override
    public List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit) {
      return delegate.findByStatus(status, limit);
    }

    @Override
    public List<ReceiptRecord> recoverable(int limit) {
      return delegate.recoverable(limit);
    }

    @Override
    public void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink) {
      delegate.forEach(query, sink);
    }
  }
}
