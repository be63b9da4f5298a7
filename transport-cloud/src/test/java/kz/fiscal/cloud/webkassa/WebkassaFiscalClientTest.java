package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FiscalClient, WebkassaDriver and the testkit's Webkassa together over real sockets: whatever the
 * provider or the wire does, every paid order ends as exactly one check.
 */
class WebkassaFiscalClientTest {
  private final FakeWebkassa fake = FakeWebkassa.start();
  private WebkassaDriver driver;
  private FiscalClient client;

  private FiscalClient client(boolean autoCloseShift, int maxAttempts) {
    fake.delayResponses(Duration.ofSeconds(2));
    // A lost answer keeps the register reserved until the fake has let go of the request it holds.
    driver = Receipts.driverFor(fake).autoCloseShift(autoCloseShift)
        .readTimeout(Duration.ofMillis(500)).quietAfterLostAnswer(Duration.ofSeconds(2)).build();
    client = FiscalClient.builder()
        .driver(driver)
        .journal(new InMemoryReceiptJournal())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
            .maxAttempts(maxAttempts).timeout(Duration.ofSeconds(30)).build())
        .build();
    return client;
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (driver != null) {
      driver.close();
    }
    fake.close();
  }

  private static IdempotencyKey key(String value) {
    return IdempotencyKey.of(value);
  }

  private List<ReceiptStatus> path(IdempotencyKey key) {
    return client.history(key).stream().map(JournalEntry::to).toList();
  }

  @ParameterizedTest
  @EnumSource(value = WebkassaFault.class, names = {"DROP_AFTER_COMMIT", "SERVER_ERROR_AFTER_COMMIT", "DELAY_AFTER_COMMIT",
      "GARBAGE_BODY_AFTER_COMMIT"})
  void aCheckMadeButNotAnsweredIsFoundByLookupNotMadeTwice(WebkassaFault fault) throws FiscalException {
    client(false, 5);
    fake.failNext(fault);

    FiscalResult result = client.fiscalize(key("order-lost"), Receipts.sale("500.00"));

    assertEquals(1, fake.checkCount("order-lost"));
    assertEquals(fake.check("order-lost").orElseThrow().fiscalSign(), result.fiscalSign().orElseThrow());
    assertEquals(List.of(ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT, ReceiptStatus.FISCALIZED),
        path(key("order-lost")).subList(path(key("order-lost")).size() - 3, path(key("order-lost")).size()));
    assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()), "the lookup waited for the held request");
  }

  @ParameterizedTest
  @EnumSource(value = WebkassaFault.class, names = {"DROP_BEFORE_PROCESSING", "SERVER_ERROR_BEFORE_COMMIT", "TOO_MANY_REQUESTS"})
  void aCheckNeverMadeIsSentAgainUnderTheSameKeyAndMadeOnce(WebkassaFault fault) throws FiscalException {
    client(false, 5);
    fake.failNext(fault);

    FiscalResult result = client.fiscalize(key("order-retry"), Receipts.sale("500.00"));

    assertEquals(1, fake.checkCount("order-retry"));
    assertEquals(fake.check("order-retry").orElseThrow().fiscalSign(), result.fiscalSign().orElseThrow());
    assertEquals(2, fake.requests("/api/v4/check").size(), "the first request and the one that made the check");
  }

  @Test
  void aTokenRevokedBetweenOrdersCostsOneNewLogin() throws FiscalException {
    client(false, 3);
    client.fiscalize(key("order-1"), Receipts.sale("100.00"));
    fake.expireTokens();

    client.fiscalize(key("order-2"), Receipts.sale("200.00"));

    assertEquals(2, fake.authorizeCount());
    assertEquals(2, fake.checks().size());
  }

  @Test
  void aShiftExpiringBetweenOrdersIsClosedAndTheNextOrderLandsInANewShift() throws FiscalException {
    client(true, 3);
    FiscalResult first = client.fiscalize(key("order-1"), Receipts.sale("100.00"));
    fake.advance(Duration.ofHours(25));

    FiscalResult second = client.fiscalize(key("order-2"), Receipts.sale("200.00"));

    assertEquals(first.shiftNumber() + 1, second.shiftNumber());
    assertEquals(1, fake.requests("/api/v4/ZReport").size());
    assertEquals(1, fake.checkCount("order-2"));
  }

  @Test
  void withoutAutoCloseAnExpiredShiftKeepsTheOrderWaitingUntilSomeoneClosesIt() throws FiscalException {
    client(false, 2);
    client.fiscalize(key("order-1"), Receipts.sale("100.00"));
    fake.advance(Duration.ofHours(25));

    DeviceException e = assertThrows(DeviceException.class, () -> client.fiscalize(key("order-2"), Receipts.sale("200.00")));
    assertEquals(DeviceException.Reason.SHIFT_EXPIRED, e.reason());
    assertEquals(ReceiptStatus.REQUESTED, client.status(key("order-2")).orElseThrow().status());
    assertEquals(0, fake.checkCount("order-2"));

    driver.closeShift();
    client.recover();

    assertEquals(ReceiptStatus.FISCALIZED, client.status(key("order-2")).orElseThrow().status());
    assertEquals(1, fake.checkCount("order-2"));
  }

  @Test
  void aReturnReferencesTheSaleTheClientStored() throws FiscalException {
    client(false, 3);
    FiscalResult sale = client.fiscalize(key("order-7"), Receipts.sale("500.00"));
    ReturnBasis basis = client.status(key("order-7")).orElseThrow().result().orElseThrow().toReturnBasis();

    FiscalResult refund = client.fiscalize(key("order-7-return"), Receipts.saleReturn(basis, "500.00"));

    assertEquals(sale.toReturnBasis(), basis);
    assertEquals(2, fake.checks().size());
    assertEquals(3, fake.check("order-7-return").orElseThrow().operationType());
    assertTrue(refund.fiscalSign().isPresent());
  }

  @Test
  void aReturnWhoseBasisTheProviderCannotMatchFailsAndMayBeResubmittedCorrected() throws FiscalException {
    client(false, 3);
    FiscalResult sale = client.fiscalize(key("order-8"), Receipts.sale("500.00"));
    ReturnBasis wrong = new ReturnBasis(sale.fiscalSign().orElseThrow(), sale.dateTime(), sale.rnm(),
        Tenge.of("900.00"), false);

    assertThrows(ReceiptRejectedException.class, () -> client.fiscalize(key("order-8-return"), Receipts.saleReturn(wrong, "500.00")));
    assertEquals(ReceiptStatus.FAILED, client.status(key("order-8-return")).orElseThrow().status());

    client.fiscalize(key("order-8-return"), Receipts.saleReturn(sale.toReturnBasis(), "500.00"));
    assertEquals(ReceiptStatus.FISCALIZED, client.status(key("order-8-return")).orElseThrow().status());
    assertEquals(1, fake.checkCount("order-8-return"));
  }

  @Test
  void ordersFromManyThreadsReachTheRegisterOneAtATimeAndEachOnce() throws Exception {
    client(false, 5);
    fake.processingDelay(Duration.ofMillis(5));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<FiscalResult>> results = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        IdempotencyKey key = key("order-" + (i % 30));
        String price = (100 + i % 30) + ".00";
        results.add(pool.submit(() -> client.fiscalize(key, Receipts.sale(price))));
      }
      for (Future<FiscalResult> result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(30, fake.checks().size());
    for (int i = 0; i < 30; i++) {
      assertEquals(1, fake.checkCount("order-" + i));
    }
    assertEquals(1, fake.maxConcurrentRequests());
  }
}
