package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.testkit.ForwardingReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

/**
 * What a fiscalization asks of its journal: a sale without trouble is one {@code beginSending} and one
 * {@code applyAndRelease} (two commits on a JDBC journal); the lease goes back with the last transition,
 * or on its own when the run ends without one.
 */
class FiscalClientJournalCallsTest {
  private final ClientFixture f = new ClientFixture();
  private final RecordingJournal journal = new RecordingJournal(f.journal);
  private final FiscalClient client = f.clientBuilder(2).journal(journal).nodeId("counted").build();

  @Test
  void aSaleWithoutTroubleIsOneBeginSendingAndOneApplyAndRelease() throws FiscalException {
    client.fiscalize(key("order-1"), sale("500.00"));

    assertEquals(List.of("find", "beginSending -> SENT", "applyAndRelease -> FISCALIZED"), journal.calls);
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> FISCALIZED"), history("order-1"));
  }

  @Test
  void aRetriedSaleReleasesWithItsLastTransitionOnly() throws FiscalException {
    f.driver.failNext(Fault.FAIL_BEFORE_APPLYING);

    client.fiscalize(key("order-2"), sale("500.00"));

    assertEquals(List.of("find", "beginSending -> SENT", "apply -> REQUESTED", "apply -> SENT",
        "applyAndRelease -> FISCALIZED"), journal.calls);
  }

  @Test
  void aRejectedSaleFailsAndReleasesInOneChange() {
    f.driver.failNext(Fault.REJECT);

    assertThrows(ReceiptRejectedException.class, () -> client.fiscalize(key("order-3"), sale("500.00")));

    assertEquals(List.of("find", "beginSending -> SENT", "applyAndRelease -> FAILED"), journal.calls);
  }

  @Test
  void aRunThatGivesUpWithoutALastTransitionReleasesOnItsOwn() {
    f.driver.failNext(Fault.FAIL_BEFORE_APPLYING, Fault.FAIL_BEFORE_APPLYING);

    assertThrows(DeliveryFailedException.class, () -> client.fiscalize(key("order-4"), sale("500.00")));

    assertEquals(List.of("find", "beginSending -> SENT", "apply -> REQUESTED", "apply -> SENT",
        "apply -> REQUESTED", "release"), journal.calls);
    assertEquals(Optional.empty(), f.journal.find(key("order-4")).orElseThrow().owner());
  }

  @Test
  void aSecondCallForAFiscalizedKeyOnlyReads() throws FiscalException {
    client.fiscalize(key("order-5"), sale("500.00"));
    journal.calls.clear();

    client.fiscalize(key("order-5"), sale("500.00"));

    assertEquals(List.of("find"), journal.calls);
    assertEquals(1, f.driver.registerCalls());
  }

  private List<String> history(String key) {
    return f.journal.history(key(key)).stream()
        .map(e -> e.from().map(s -> s + " ").orElse("") + "-> " + e.to())
        .toList();
  }

  /** Records every journal call by name (and the status it made), then forwards it. */
  private static final class RecordingJournal extends ForwardingReceiptJournal {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingJournal(ReceiptJournal delegate) {
      super(delegate);
    }

    @Override
    public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
      Begin begin = super.begin(key, digest, receipt, owner, lease);
      calls.add("begin -> " + begin.record().status());
      return begin;
    }

    @Override
    public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
        Optional<RegisterId> register) {
      Begin begin = super.beginSending(key, digest, receipt, owner, lease, register);
      calls.add("beginSending -> " + begin.record().status());
      return begin;
    }

    @Override
    public Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease) {
      calls.add("claim");
      return super.claim(key, owner, lease);
    }

    @Override
    public ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
        Duration lease) {
      calls.add("apply -> " + transition.to());
      return super.apply(key, owner, expectedVersion, transition, lease);
    }

    @Override
    public ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion,
        Transition transition, Duration lease) {
      calls.add("applyAndRelease -> " + transition.to());
      return super.applyAndRelease(key, owner, expectedVersion, transition, lease);
    }

    @Override
    public void release(IdempotencyKey key, String owner) {
      calls.add("release");
      super.release(key, owner);
    }

    @Override
    public Optional<ReceiptRecord> find(IdempotencyKey key) {
      calls.add("find");
      return super.find(key);
    }
  }
}
