package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaCheck;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A check whose answer was lost, and whose shift the driver then closed itself (code 11, automatic
 * Z-report) for the next order, is found in that closed shift: the lookup walks back past the Z-report.
 */
class WebkassaLookupAcrossAutoCloseTest {
  private static final String LOOKUP = "/api-history/v4/Ticket/GetTicketByExternalCheckNumber";

  private final FakeWebkassa fake = FakeWebkassa.start();
  private final WebkassaDriver driver = Receipts.driverFor(fake).autoCloseShift(true).build();
  private final FiscalClient client = FiscalClient.builder()
      .driver(driver)
      .journal(new InMemoryReceiptJournal())
      .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
          .maxAttempts(1).timeout(Duration.ofSeconds(30)).build())
      .build();

  @AfterEach
  void stop() {
    client.close();
    driver.close();
    fake.close();
  }

  @Test
  void aKeyWhoseCheckSitsInTheShiftBeforeAnAutomaticZReportIsFoundThereAndNotMadeAgain() throws Exception {
    IdempotencyKey lost = IdempotencyKey.of("order-before-z");
    fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);
    assertThrows(OutcomeUnknownException.class, () -> client.fiscalize(lost, Receipts.sale("700.00")));
    assertEquals(ReceiptStatus.IN_DOUBT, client.status(lost).orElseThrow().status());
    fake.advance(Duration.ofHours(25));

    FiscalResult next = client.fiscalize(IdempotencyKey.of("order-after-z"), Receipts.sale("100.00"));
    assertEquals(2, next.shiftNumber(), "code 11 closed shift 1 and the order went into shift 2");
    int lookupsBefore = fake.requests(LOOKUP).size();

    FiscalResult found = client.fiscalize(lost, Receipts.sale("700.00"));

    WebkassaCheck check = fake.check("order-before-z").orElseThrow();
    assertEquals(1, found.shiftNumber());
    assertEquals(check.fiscalSign(), found.fiscalSign().orElseThrow());
    assertEquals(1, fake.checkCount("order-before-z"));
    assertEquals(3, fake.requests("/api/v4/check").size(), "the lost check, code 11, the next order after Z");
    assertEquals(List.of(2L, 1L), fake.requests(LOOKUP).subList(lookupsBefore, fake.requests(LOOKUP).size()).stream()
        .map(request -> ((Number) request.json().get("ShiftNumber")).longValue()).toList());
    assertEquals(ReceiptStatus.FISCALIZED, client.status(lost).orElseThrow().status());
  }
}
