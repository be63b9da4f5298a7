package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.SELLER;
import static kz.fiscal.testkit.client.ClientFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Violation.ViolationCode;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

/**
 * A register that dates each check itself (Webkassa) prints the date of the send, so the VAT rates are
 * those of that date: a receipt dated otherwise is refused, and a record sent later is judged again.
 */
class FiscalClientVatDateTest {
  /** 23:58 on 31 December 2025 in Almaty: 12 % is still the standard rate for two minutes. */
  private static final Instant NEW_YEARS_EVE = Instant.parse("2025-12-31T18:58:00Z");

  private final TestClock clock = new TestClock(NEW_YEARS_EVE);
  private final InMemoryReceiptJournal journal = new InMemoryReceiptJournal(clock);

  private FiscalClient client(RecordingFiscalDriver register, int maxAttempts) {
    return FiscalClient.builder().driver(register).journal(journal).clock(clock).nodeId("test-node")
        .retryPolicy(RetryPolicy.builder().maxAttempts(maxAttempts).jitter(() -> 1.0).sleeper(clock::advance).build())
        .build();
  }

  private RecordingFiscalDriver register(boolean stampsOwnTime) {
    return RecordingFiscalDriver.builder().clock(clock).stampsOwnTime(stampsOwnTime).build();
  }

  private static Receipt saleAt(VatRate rate, OffsetDateTime time) {
    Receipt.Builder sale = Receipt.sale(SELLER)
        .item(Item.builder("Кофе").quantity("1").unitPrice("112.00").vat(rate).build())
        .payment(PaymentType.CARD, "112.00");
    return time == null ? sale.build() : sale.operationTime(time).build();
  }

  @Test
  void aReceiptDatedOtherThanNowIsRefusedBeforeJournalingWhenTheRegisterDatesChecksItself() {
    clock.advance(Duration.ofDays(5)); // 5 January 2026: the receipt claims last year and its 12 %
    RecordingFiscalDriver register = register(true);
    IdempotencyKey key = key("order-backdated");

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class, () -> client(register, 6)
        .fiscalize(key, saleAt(VatRate.TWELVE, OffsetDateTime.parse("2025-12-31T12:00:00+05:00"))));

    assertEquals(List.of(ViolationCode.OPERATION_TIME_NOT_NOW),
        e.violations().stream().map(Violation::code).toList());
    assertEquals("operationTime", e.violations().get(0).path());
    assertTrue(journal.find(key).isEmpty(), "nothing journaled");
    assertEquals(0, register.registerCalls());
  }

  @Test
  void aReceiptDatedWithinTheToleranceOrNotAtAllIsFiscalized() throws FiscalException {
    RecordingFiscalDriver register = register(true);
    FiscalClient client = client(register, 6);

    client.fiscalize(key("order-4-minutes"), saleAt(VatRate.TWELVE, KzTime.now(clock).minusMinutes(4)));
    client.fiscalize(key("order-undated"), saleAt(VatRate.TWELVE, null));

    assertEquals(2, register.ledger().size());
  }

  @Test
  void aRegisterThatPrintsTheReceiptsOwnTimeTakesABackdatedReceipt() throws FiscalException {
    clock.advance(Duration.ofDays(5));
    RecordingFiscalDriver register = register(false);

    client(register, 6).fiscalize(key("order-device"), saleAt(VatRate.TWELVE,
        OffsetDateTime.parse("2025-12-31T12:00:00+05:00")));

    assertEquals(1, register.ledger().size());
  }

  @Test
  void aSaleJournaledBeforeMidnightAndSentAfterItAtARateNoLongerInForceFailsUnsent() throws FiscalException {
    RecordingFiscalDriver register = register(true);
    IdempotencyKey key = key("order-midnight");
    register.failNext(Fault.FAIL_BEFORE_APPLYING);
    assertThrows(DeliveryFailedException.class, () -> client(register, 1).fiscalize(key, saleAt(VatRate.TWELVE, null)));
    clock.advance(Duration.ofMinutes(5)); // 00:03 on 1 January 2026: 12 % is gone

    RecoveryReport report = client(register, 1).recover();

    ReceiptRecord record = journal.find(key).orElseThrow();
    assertEquals(ReceiptStatus.FAILED, record.status());
    assertEquals("VAT_RATE_NOT_IN_FORCE", record.lastError().orElseThrow().code());
    assertTrue(record.lastError().orElseThrow().message().contains("items[0].vat"),
        record.lastError().orElseThrow().message());
    assertEquals(new RecoveryReport(1, 0, 1, 0), report);
    assertEquals(0, register.ledgerCount(key), "never sent");
    assertEquals(1, register.registerCalls(), "only the first, refused delivery reached the register");
  }

  @Test
  void aFailedRecordTakesTheCorrectedRateUnderTheSameKey() throws FiscalException {
    RecordingFiscalDriver register = register(true);
    IdempotencyKey key = key("order-corrected");
    register.failNext(Fault.FAIL_BEFORE_APPLYING);
    assertThrows(DeliveryFailedException.class, () -> client(register, 1).fiscalize(key, saleAt(VatRate.TWELVE, null)));
    clock.advance(Duration.ofMinutes(5));
    client(register, 1).recover();

    client(register, 1).fiscalize(key, saleAt(VatRate.SIXTEEN, null));

    assertEquals(ReceiptStatus.FISCALIZED, journal.find(key).orElseThrow().status());
    assertEquals(VatRate.SIXTEEN, register.ledger().get(0).receipt().items().get(0).vat());
  }
}
