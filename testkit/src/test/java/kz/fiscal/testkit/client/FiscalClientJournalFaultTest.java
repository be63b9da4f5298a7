package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.testkit.ForwardingFiscalDriver;
import kz.fiscal.testkit.ForwardingReceiptJournal;
import org.junit.jupiter.api.Test;

/**
 * The journal's own faults after the register applied a check: the journal failing to store the
 * result, and the lease lost to another worker while the register was working. Neither may cost a
 * second check or lose the one made.
 */
class FiscalClientJournalFaultTest {
  private final ClientFixture f = new ClientFixture();

  @Test
  void aJournalFailingToStoreTheResultLeavesTheOrderInDoubtAndRecoveryFindsTheCheck() throws FiscalException {
    AtomicBoolean failOnce = new AtomicBoolean(true);
    FiscalClient client = f.clientBuilder(3).journal(new ForwardingReceiptJournal(f.journal) {
      @Override
      public ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion,
          Transition transition, Duration lease) {
        if (failOnce.getAndSet(false)) {
          throw new JournalException("connection reset while committing", null);
        }
        return super.applyAndRelease(key, owner, expectedVersion, transition, lease);
      }
    }).build();

    assertThrows(OutcomeUnknownException.class, () -> client.fiscalize(key("order-1"), sale("500.00")));
    assertEquals(ReceiptStatus.SENT, f.journal.find(key("order-1")).orElseThrow().status());
    RecoveryReport report = client.recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
    assertEquals(1, f.driver.registerCalls());
    ReceiptRecord record = f.journal.find(key("order-1")).orElseThrow();
    assertEquals(ReceiptStatus.FISCALIZED, record.status());
    assertEquals(Optional.of(f.driver.ledger().get(0).result()), record.result());
  }

  @Test
  void aLeaseLostWhileTheRegisterWorkedStillReturnsTheCheckItMade() throws FiscalException {
    FiscalClient client = f.clientBuilder(3).driver(new ForwardingFiscalDriver(f.driver) {
      @Override
      public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
        FiscalResult made = super.register(key, receipt, deadline);
        f.clock.advance(Duration.ofMinutes(3));
        f.journal.claim(key, "thief#1", Duration.ofMinutes(2)).orElseThrow();
        return made;
      }
    }).build();

    FiscalResult result = client.fiscalize(key("order-2"), sale("500.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(Optional.of("thief#1"), f.journal.find(key("order-2")).orElseThrow().owner());
  }
}
