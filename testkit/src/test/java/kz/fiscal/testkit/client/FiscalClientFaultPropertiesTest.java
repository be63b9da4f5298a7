package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random fault sequences against a register that prints a second check for a resent key: whatever
 * fails, no order is fiscalized twice, none is lost, every record is terminal or honestly in doubt,
 * and once the register heals {@code recover()} finishes them all.
 */
class FiscalClientFaultPropertiesTest {

  /** One scenario: orders, the faults the register suffers, failing lookups, the attempts allowed. */
  record Scenario(int orders, List<Fault> faults, int failingLookups, int maxAttempts, boolean retryEachOrder) {}

  @Property(tries = 1000)
  void noFaultSequenceDuplicatesOrLosesAnOrder(@ForAll("scenarios") Scenario scenario) {
    ClientFixture f = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), scenario.maxAttempts());
    f.driver.failNext(scenario.faults().toArray(Fault[]::new));
    f.driver.failNextLookups(scenario.failingLookups());

    for (int order = 0; order < scenario.orders(); order++) {
      fiscalizeQuietly(f, order);
      if (scenario.retryEachOrder()) {
        fiscalizeQuietly(f, order);
      }
    }

    for (int order = 0; order < scenario.orders(); order++) {
      IdempotencyKey key = orderKey(order);
      ReceiptRecord record = f.client.status(key).orElseThrow(() -> new AssertionError("lost " + key));
      int checks = f.driver.ledgerCount(key);
      assertTrue(checks <= 1, key + " fiscalized " + checks + " times");
      switch (record.status()) {
        case FISCALIZED -> assertResultIsTheLedgers(f, key, record);
        case FAILED, REQUESTED -> assertEquals(0, checks, key + " is " + record.status() + " but has a check");
        case IN_DOUBT -> { } // honest: 0 or 1 check, resolved by lookup
        default -> throw new AssertionError(key + " left in " + record.status());
      }
    }

    f.driver.heal();
    RecoveryReport report = f.client.recover();

    assertEquals(0, report.stillPending());
    for (int order = 0; order < scenario.orders(); order++) {
      IdempotencyKey key = orderKey(order);
      ReceiptRecord record = f.client.status(key).orElseThrow();
      if (record.status() == ReceiptStatus.FISCALIZED) {
        assertResultIsTheLedgers(f, key, record);
      } else {
        assertEquals(ReceiptStatus.FAILED, record.status(), key + " after recovery");
        assertEquals(0, f.driver.ledgerCount(key));
      }
    }
    assertEquals(f.driver.ledger().size(), f.journal.findByStatus(ReceiptStatus.FISCALIZED, 1000).size());
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<Fault>> faults = Arbitraries.of(Fault.class).list().ofMaxSize(12);
    return Combinators.combine(
        Arbitraries.integers().between(1, 6),
        faults,
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(1, 5),
        Arbitraries.of(true, false)).as(Scenario::new);
  }

  private static void assertResultIsTheLedgers(ClientFixture f, IdempotencyKey key, ReceiptRecord record) {
    assertEquals(1, f.driver.ledgerCount(key), key + " fiscalized but not in the register");
    Optional<FiscalResult> ledger = f.driver.ledger().stream().filter(a -> a.key().equals(key))
        .map(RecordingFiscalDriver.Applied::result).findFirst();
    assertEquals(ledger, record.result());
    assertNotEquals(Optional.empty(), record.firstSentAt());
  }

  private static void fiscalizeQuietly(ClientFixture f, int order) {
    try {
      f.client.fiscalize(orderKey(order), sale(order + 100 + ".00"));
    } catch (FiscalException expected) {
      // Any outcome is allowed here; the journal and the ledger are judged afterwards.
    }
  }

  private static IdempotencyKey orderKey(int order) {
    return key("order-" + order);
  }
}
