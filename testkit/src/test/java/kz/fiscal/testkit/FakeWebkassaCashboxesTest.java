package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several cashboxes of one account: faults aimed at one of them, overlap counted per cashbox, one login. */
class FakeWebkassaCashboxesTest {
  private static final String A = "SWK00000001";
  private static final String B = "SWK00000002";
  private final FakeWebkassa fake = FakeWebkassa.builder()
      .clock(Clock.fixed(WebkassaCalls.START, ZoneOffset.UTC))
      .cashbox(A, "620300000001", "WK0000000001")
      .cashbox(B, "620300000002", "WK0000000002")
      .start();
  private final WebkassaCalls calls = new WebkassaCalls(fake, Duration.ofSeconds(5));

  @AfterEach
  void close() {
    fake.close();
  }

  private WebkassaCalls.Answer sell(String cashbox, String key) throws IOException {
    return calls.send(WebkassaCalls.CHECK, fake.apiKey(),
        calls.body(cashbox, sale(key, item("1", "100.00", "13.79"), cash("100.00"))));
  }

  private int status(String cashbox, String key) throws IOException {
    return sell(cashbox, key).status();
  }

  private String cashboxOf(String key) {
    return fake.check(key).orElseThrow().cashbox();
  }

  @Test
  void theCashboxesAreListedDefaultFirst() {
    assertEquals(List.of(A, B), fake.cashboxNumbers());
    assertEquals(A, fake.cashboxNumber());
  }

  @Test
  void aFaultAimedAtOneCashboxWaitsForARequestNamingIt() throws IOException {
    calls.authorize();
    fake.failNextOn(B, WebkassaFault.DROP_BEFORE_PROCESSING);

    assertEquals(200, status(A, "a-1"));
    assertThrows(IOException.class, () -> sell(B, "b-1"));
    assertEquals(0, fake.checkCount("b-1"));
    assertEquals(200, status(B, "b-1"));

    assertEquals(A, cashboxOf("a-1"));
    assertEquals(B, cashboxOf("b-1"));
  }

  @Test
  void aCashboxTakesItsOwnFaultsBeforeThoseForAnyCashbox() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.SERVER_ERROR_BEFORE_COMMIT);
    fake.failNextOn(B, WebkassaFault.TOO_MANY_REQUESTS);

    assertEquals(429, status(B, "b-1"));
    assertEquals(500, status(B, "b-1"));
    assertEquals(200, status(B, "b-1"));
    assertEquals(200, status(A, "a-1"));
    assertEquals(2, fake.checks().size());
  }

  @Test
  void aFaultForAnyCashboxHitsTheNextCheckWhicheverCashboxItNames() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.SERVER_ERROR_AFTER_COMMIT);

    assertEquals(500, status(B, "b-1"));

    assertEquals(B, cashboxOf("b-1"));
    assertEquals(200, status(A, "a-1"));
  }

  @Test
  void aFaultOnAnotherPathOfTheCashboxLeavesItsChecksAlone() throws IOException {
    calls.authorize();
    fake.failNextOn(B, "/api/v4/XReport", WebkassaFault.TOO_MANY_REQUESTS);

    assertEquals(200, status(B, "b-1"));
    assertEquals(429, calls.send("/api/v4/XReport", fake.apiKey(), calls.body(B, "")).status());
    assertEquals(200, calls.send("/api/v4/XReport", fake.apiKey(), calls.body(B, "")).status());
  }

  @Test
  void aCashboxTheFakeDoesNotHaveIsRefusedByItsQuestions() {
    assertThrows(IllegalArgumentException.class, () -> fake.failNextOn("SWK00033717", WebkassaFault.DROP_AFTER_COMMIT));
    assertThrows(IllegalArgumentException.class, () -> fake.maxConcurrentRequests("SWK00033717"));
  }

  @Test
  void overlapIsCountedForEachCashboxApart() throws Exception {
    calls.authorize();
    fake.processingDelay(Duration.ofMillis(300));
    assertEquals(List.of(200, 200, 200), calls.xReportsAtOnce(3, B));
    fake.processingDelay(Duration.ZERO);
    assertEquals(200, status(A, "a-1"));
    assertEquals(200, status(A, "a-2"));

    assertTrue(fake.maxConcurrentRequests(B) >= 2, "max " + fake.maxConcurrentRequests(B));
    assertEquals(1, fake.maxConcurrentRequests(A));
    assertEquals(1, fake.maxConcurrentRequests());
  }

  @Test
  void aLoginForOneCashboxRevokesTheTokenAnotherCashboxWasUsing() throws IOException {
    String first = calls.authorize();
    assertEquals(200, status(A, "a-1"));

    calls.authorize();
    String second = calls.token;
    calls.token = first;

    assertEquals(2, code(sell(B, "b-1").json()));
    calls.token = second;
    data(sell(B, "b-1").json());
    assertEquals(2, fake.authorizeCount());
  }
}
