package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.sale;
import static kz.fiscal.testkit.WebkassaCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault shows on the wire and in the ledger exactly as documented, and is used up by one request. */
class FakeWebkassaFaultTest {
  private static final String SALE = sale("order-1", item("1", "500.00", "68.97"), cash("500.00"));
  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake, Duration.ofMillis(500));

  @AfterEach
  void close() {
    fake.close();
  }

  private WebkassaCalls.Answer sendSale() throws IOException {
    return calls.send(WebkassaCalls.CHECK, fake.apiKey(), calls.body(SALE));
  }

  @Test
  void dropBeforeProcessingLosesTheRequestAndCommitsNothing() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.DROP_BEFORE_PROCESSING);

    assertThrows(IOException.class, this::sendSale);

    assertEquals(0, fake.checkCount("order-1"));
    data(calls.check(SALE));
    assertEquals(1, fake.checkCount("order-1"));
  }

  @Test
  void dropAfterCommitLosesTheAnswerOfACommittedCheck() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);

    assertThrows(IOException.class, this::sendSale);

    assertEquals(1, fake.checkCount("order-1"));
    assertEquals(14, code(calls.check(SALE)));
  }

  @Test
  void serverErrorBeforeCommitIs500AndCommitsNothing() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.SERVER_ERROR_BEFORE_COMMIT);

    WebkassaCalls.Answer answer = sendSale();

    assertEquals(500, answer.status());
    assertTrue(answer.body().startsWith("<html>"), answer.body());
    assertEquals(0, fake.checkCount("order-1"));
  }

  @Test
  void serverErrorAfterCommitIs500ForACommittedCheck() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.SERVER_ERROR_AFTER_COMMIT);

    assertEquals(500, sendSale().status());

    assertEquals(1, fake.checkCount("order-1"));
  }

  @Test
  void delayAfterCommitOutlastsTheClientsReadTimeout() throws IOException {
    calls.authorize();
    fake.delayResponses(Duration.ofSeconds(3));
    fake.failNext(WebkassaFault.DELAY_AFTER_COMMIT);

    assertThrows(InterruptedIOException.class, this::sendSale);

    assertEquals(1, fake.checkCount("order-1"));
  }

  @Test
  void garbageBodyAfterCommitIs200WithoutJson() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.GARBAGE_BODY_AFTER_COMMIT);

    WebkassaCalls.Answer answer = sendSale();

    assertEquals(200, answer.status());
    assertThrows(IllegalStateException.class, answer::json);
    assertEquals(1, fake.checkCount("order-1"));
  }

  @Test
  void tooManyRequestsIs429AndCommitsNothing() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.TOO_MANY_REQUESTS);

    assertEquals(429, sendSale().status());

    assertEquals(0, fake.checkCount("order-1"));
  }

  @Test
  void aFaultOnAnotherPathLeavesChecksAlone() throws IOException {
    fake.failNext("/api/v4/Authorize", WebkassaFault.SERVER_ERROR_BEFORE_COMMIT);

    assertEquals(500, calls.send("/api/v4/Authorize", fake.apiKey(), "{}").status());

    data(calls.check(SALE));
    assertEquals(1, fake.authorizeCount());
  }

  @Test
  void rejectNextAnswersTheGivenErrorOnceWithoutCommitting() throws IOException {
    fake.rejectNext(-1, "Неизвестная ошибка");

    var answer = calls.check(SALE);

    assertEquals(-1, code(answer));
    assertEquals("Неизвестная ошибка", text(answer));
    assertEquals(0, fake.checkCount("order-1"));
    data(calls.check(SALE));
  }

  @Test
  void aBlockedCashboxIsCode7OnEveryCall() throws IOException {
    fake.blockCashbox(true);

    assertEquals(7, code(calls.check(SALE)));
    assertEquals(7, code(calls.call("/api/v4/XReport", "")));
    fake.blockCashbox(false);
    data(calls.check(SALE));
  }

  @Test
  void offlineChecksAreMarkedUntil72HoursThenCode18() throws IOException {
    fake.offlineSince(fake.now());

    var data = calls.sell("a", "100.00", "13.79");
    fake.advance(Duration.ofHours(72).plusSeconds(1));
    var late = calls.check(SALE);

    assertEquals(List.of(true, true), List.of(data.get("OfflineMode"), data.get("CashboxOfflineMode")));
    assertTrue(fake.check("a").orElseThrow().offline());
    assertEquals(18, code(late));
    fake.online();
    data(calls.call("/api/v4/ZReport", ""));
    assertEquals(false, calls.sell("b", "100.00", "13.79").get("OfflineMode"));
  }

  @Test
  void overlappingRequestsAreCountedPerCashbox() throws Exception {
    calls.authorize();
    fake.processingDelay(Duration.ofMillis(300));

    assertEquals(List.of(200, 200, 200), calls.xReportsAtOnce(3, fake.cashboxNumber()));

    assertTrue(fake.maxConcurrentRequests() >= 2, "max " + fake.maxConcurrentRequests());
  }

  @Test
  void requestsOneAtATimeNeverOverlap() throws IOException {
    calls.sell("a", "100.00", "13.79");
    calls.sell("b", "100.00", "13.79");

    assertEquals(1, fake.maxConcurrentRequests());
    assertEquals(3, fake.requests().size());
    assertEquals(2, fake.requests("/API/V4/CHECK").size());
  }
}
