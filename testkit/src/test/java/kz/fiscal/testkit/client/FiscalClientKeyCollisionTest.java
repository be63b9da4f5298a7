package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.testkit.ForwardingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

/**
 * What the client claims when the register holds another receipt's check under a key, or asks it to
 * wait longer than the call may: never more than it knows.
 */
class FiscalClientKeyCollisionTest {
  private final ClientFixture fixture = new ClientFixture(RecordingFiscalDriver.builder(), 6);
  private final FiscalClient client = fixture.client;
  private final RecordingFiscalDriver register = fixture.driver;

  @Test
  void aKeyAnotherSystemUsedOnTheRegisterStaysInDoubtForAPersonAndIsNeverLookedUpAgain() throws FiscalException {
    IdempotencyKey key = key("order-shared");
    register.register(key, sale("400.00"), Instant.MAX); // another system, same key, same register

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.fiscalize(key, sale("450.00")));
    int registerCalls = register.registerCalls();
    int lookupCalls = register.lookupCalls();
    RecoveryReport report = client.recover();
    OutcomeUnknownException again = assertThrows(OutcomeUnknownException.class,
        () -> client.fiscalize(key, sale("450.00")));

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, again.reason());
    ReceiptRecord record = client.status(key).orElseThrow();
    assertEquals(ReceiptStatus.IN_DOUBT, record.status());
    assertTrue(record.needsPerson(), "flagged for a person");
    assertEquals(RecordedError.Kind.KEY_COLLISION, record.lastError().orElseThrow().kind());
    assertEquals(0, report.examined(), "recovery leaves it alone");
    assertEquals(registerCalls, register.registerCalls());
    assertEquals(lookupCalls, register.lookupCalls());
    assertEquals(1, register.ledgerCount(key), "no second check");
  }

  @Test
  void aLostAnswerWhoseLookupFindsAnotherReceiptsCheckIsACollisionNotASuccess() throws FiscalException {
    ClientFixture once = new ClientFixture(RecordingFiscalDriver.builder(), 1);
    IdempotencyKey key = key("order-lost");
    once.driver.failNext(Fault.UNKNOWN_WITHOUT_APPLYING);

    assertThrows(OutcomeUnknownException.class, () -> once.client.fiscalize(key, sale("300.00")));
    // Meanwhile another system fiscalizes its own receipt under the same key: only the total tells.
    once.driver.register(key, sale("310.00"), Instant.MAX);
    once.clock.advance(Duration.ofMinutes(3));
    RecoveryReport report = once.client.recover();

    ReceiptRecord record = once.client.status(key).orElseThrow();
    assertEquals(ReceiptStatus.IN_DOUBT, record.status());
    assertTrue(record.needsPerson(), "flagged for a person");
    assertEquals(1, report.examined());
    assertEquals(0, report.fiscalized());
    assertEquals(1, once.driver.ledgerCount(key));
  }

  @Test
  void aRetryHintLongerThanAnyClockGivesUpAtOnceWithTheRecordWaiting() {
    FiscalClient hinted = fixture.clientBuilder(6).driver(new ForwardingFiscalDriver(register) {
      @Override
      public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
        throw new DeliveryFailedException("HTTP 429", null, Duration.ofSeconds(Long.MAX_VALUE));
      }
    }).build();

    assertThrows(DeliveryFailedException.class, () -> hinted.fiscalize(key("order-429"), sale("100.00")));

    assertEquals(ReceiptStatus.REQUESTED, hinted.status(key("order-429")).orElseThrow().status());
    assertTrue(fixture.sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMinutes(1)) <= 0), fixture.sleeps::toString);
    assertEquals(List.of(), fixture.sleeps.stream().filter(Duration::isNegative).toList());
  }
}
