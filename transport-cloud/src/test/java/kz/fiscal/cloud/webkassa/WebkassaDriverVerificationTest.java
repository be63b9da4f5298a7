package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Tenge;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that answers exactly what docs/webkassa-v4.md promises and no more, scripted answer by answer:
 * a lookup answer carries no total, a found check is proved by its {@code Check/History} item, and
 * after code 14 nothing short of that proof is ever called "not applied".
 */
class WebkassaDriverVerificationTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-1");
  private static final String TOKEN = "{\"Data\":{\"Token\":\"token-1\"}}";
  private static final String SHIFTS = """
      {"Data":{"Total":1,"Shifts":[{"ShiftNumber":12,"OpenDate":"30.11.2026 09:00:00","CloseDate":null}]}}""";
  /** {@code /check}'s Data, which is all the lookup promises: no Total, no OperationType. */
  private static final String FOUND = """
      {"Data":{"CheckNumber":"923956785162","DateTime":"30.11.2026 15:04:07","OfflineMode":false,
       "CheckOrderNumber":3,"ShiftNumber":12,
       "Cashbox":{"UniqueNumber":"SWK00033717","RegistrationNumber":"620300145316",
       "IdentityNumber":"WK0000123456","Ofd":{"Name":"АО «Казахтелеком»","Host":"consumer.oofd.kz","Code":1}}}}""";

  private final MockWebServer server = new MockWebServer();
  private WebkassaDriver driver;

  @BeforeEach
  void start() throws IOException {
    server.start();
    driver = WebkassaDriver.builder().baseUrl(server.url("/").toString()).apiKey("key-123").login("cashier")
        .password("pw-secret").cashbox("SWK00033717").readTimeout(Duration.ofMillis(400))
        .callTimeout(Duration.ofSeconds(5)).okHttpClient(new OkHttpClient()).historyPages(3).build();
  }

  @AfterEach
  void stop() {
    driver.close();
    server.close();
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().body(json).build());
  }

  private static String error(int code) {
    return "{\"Errors\":[{\"Code\":" + code + ",\"Text\":\"ошибка\"}]}";
  }

  private static String historyItem(String sign, int operation, String total) {
    return "{\"Number\":\"" + sign + "\",\"OrderNumber\":3,\"RegistratedOn\":\"30.11.2026 15:04:07\",\"OperationType\":"
        + operation + ",\"Total\":" + total + ",\"IsOffline\":false,\"ExternalCheckNumber\":\"order-1\"}";
  }

  private static String history(String... items) {
    return "{\"Data\":{\"Total\":" + items.length + ",\"Items\":[" + String.join(",", items) + "]}}";
  }

  private static Instant deadline() {
    return Instant.now().plusSeconds(10);
  }

  private static Receipt sale() {
    return Receipts.sale("500.00");
  }

  private Optional<FiscalResult> lookup() throws Exception {
    return driver.lookup(KEY, sale(), Instant.now(), deadline());
  }

  @Test
  void aLookupAnswerWithoutTotalIsTheCheckWithTheJournaledTotalOnceItsHistoryItemAgrees() throws Exception {
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("111", 2, "90.00"), historyItem("923956785162", 2, "500.00")));

    FiscalResult found = lookup().orElseThrow();

    assertEquals(Optional.of("923956785162"), found.fiscalSign());
    assertEquals(Tenge.of("500.00"), found.total());
    assertEquals(12, found.shiftNumber());
    server.takeRequest();
    server.takeRequest();
    server.takeRequest();
    assertTrue(server.takeRequest().getBody().utf8().contains("\"ShiftNumber\":12"), "the history of its shift");
  }

  @Test
  void aFoundCheckWithAnotherTotalIsAKeyCollisionNamingBothTotals() {
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("923956785162", 2, "600.00")));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::lookup);

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
    assertTrue(e.getMessage().contains("600.00") && e.getMessage().contains("500.00"), e.getMessage());
  }

  @Test
  void aFoundCheckOfAnotherOperationIsAKeyCollision() {
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("923956785162", 3, "500.00")));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::lookup);

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
    assertTrue(e.getMessage().contains("SALE_RETURN"), e.getMessage());
  }

  @Test
  void aFoundCheckItsShiftsHistoryDoesNotListIsUnresolved() {
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("111", 2, "500.00")));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::lookup);

    assertEquals(OutcomeUnknownException.Reason.UNRESOLVED, e.reason());
  }

  @Test
  void aHistoryTotalWithThreeDecimalsIsAnUnreadableAnswerNotACrash() {
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("923956785162", 2, "1.001")));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::lookup);

    assertEquals(OutcomeUnknownException.Reason.UNRESOLVED, e.reason());
  }

  @Test
  void aHistoryThatNeverEndsIsUnresolvedAfterItsPageLimit() {
    String fullPage = "{\"Data\":{\"Items\":[" + IntStream.range(0, 50).mapToObj(i -> historyItem("9" + i, 2, "1.00"))
        .collect(Collectors.joining(",")) + "]}}";
    answer(TOKEN);
    answer(SHIFTS);
    answer(FOUND);
    for (int page = 0; page < 3; page++) {
      answer(fullPage);
    }

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, this::lookup);

    assertTrue(e.getMessage().contains("full pages"), e.getMessage());
    assertEquals(6, server.getRequestCount());
  }

  @Test
  void anEmptyErrorInTheShiftHistoryIsUnresolvedNotANullPointer() {
    answer(TOKEN);
    answer("{\"Errors\":[null]}");

    assertThrows(OutcomeUnknownException.class, this::lookup);
  }

  @Test
  void anEmptyErrorAnsweringTheLoginIsNotDelivered() {
    answer("{\"Errors\":[null]}");

    assertThrows(DeliveryFailedException.class, () -> driver.register(KEY, sale(), deadline()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aDuplicateKeyWhoseCheckIsFoundAndVerifiedIsTheOriginalCheck() throws Exception {
    answer(TOKEN);
    answer(error(14));
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("923956785162", 2, "500.00")));

    FiscalResult result = driver.register(KEY, sale(), deadline());

    assertEquals(Optional.of("923956785162"), result.fiscalSign());
  }

  @Test
  void aDuplicateKeyThenA429FromTheHistoryIsUnknownNeverNotDelivered() {
    answer(TOKEN);
    answer(error(14));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "9223372036854775807").build());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> driver.register(KEY, sale(), deadline()));

    assertEquals(OutcomeUnknownException.Reason.UNRESOLVED, e.reason());
  }

  @Test
  void aDuplicateKeyThenABlockedRegisterOnLookupIsUnknownNeverADeviceError() {
    answer(TOKEN);
    answer(error(14));
    answer(SHIFTS);
    answer(error(7));

    assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, sale(), deadline()));
  }

  @Test
  void aDuplicateKeyHoldingAnotherReceiptsCheckIsAKeyCollision() {
    answer(TOKEN);
    answer(error(14));
    answer(SHIFTS);
    answer(FOUND);
    answer(history(historyItem("923956785162", 2, "700.00")));

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> driver.register(KEY, sale(), deadline()));

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
  }

  @Test
  void aRetryAfterTooLargeForAnyClockIsCappedAtADay() {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "9223372036854775807").build());

    DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
        () -> driver.register(KEY, sale(), deadline()));

    assertEquals(Optional.of(Duration.ofDays(1)), e.retryAfter());
  }
}
