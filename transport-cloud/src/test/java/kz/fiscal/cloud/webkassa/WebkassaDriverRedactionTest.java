package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import kz.fiscal.core.Customer;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Xin;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.LogCapture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Provider texts and DEBUG logs never show credentials or the buyer's data, however the provider
 * writes them: another case, a formatted phone or IIN, an HTML or form-encoded echo.
 */
class WebkassaDriverRedactionTest {
  private static final String LOGIN = "Kassir.Aigerim@shop.kz";
  private static final String PASSWORD = "S3cret pass&word";
  private static final String EMAIL = "aigerim.nurlanovna@example.kz";
  private static final String IIN = "850115300418";
  private static final Receipt SALE = Receipts.sale("990.00").newBuilder()
      .customer(Customer.email(EMAIL).withPhone("+77017654321").withXin(Xin.parse(IIN))).build();

  private final LogCapture logs = LogCapture.start();
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws Exception {
    server.close();
    logs.close();
  }

  private WebkassaDriver driver() throws Exception {
    server.start();
    return WebkassaDriver.builder().baseUrl(server.url("/").toString()).apiKey("api-key").login(LOGIN)
        .password(PASSWORD).cashbox("SWK00000001").build();
  }

  @Test
  void aRefusedLoginKeepsItsCodeButNeverTheProvidersTextQuotingTheCredentials() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"Errors\":[{\"Code\":1,\"Text\":\"Неверный логин "
        + LOGIN + " или пароль " + PASSWORD + "\"}]}").build());
    try (WebkassaDriver driver = driver()) {
      DeviceException e = assertThrows(DeviceException.class,
          () -> driver.register(IdempotencyKey.of("order-1"), SALE, Receipts.deadline()));

      assertEquals("1", e.providerCode());
      assertEquals("CREDENTIALS (code 1): Webkassa answered /api/v4/Authorize with error 1: (the provider's text is withheld: it may quote"
          + " the credentials)", e.getMessage());
      assertNoSecretIn(List.of(String.valueOf(e)));
    }
  }

  @Test
  void theBuyersDataIsBlankedFromARejectionInAnyCaseAndFormat() throws Exception {
    try (FakeWebkassa fake = FakeWebkassa.start(); WebkassaDriver driver = Receipts.driverFor(fake).build()) {
      fake.rejectNext(9, "E-mail " + EMAIL.toUpperCase() + ", телефон 8 (701) 765-43-21 и +7 701 765 43 21, ИИН 850115 300418");

      ReceiptRejectedException e = assertThrows(ReceiptRejectedException.class,
          () -> driver.register(IdempotencyKey.of("order-1"), SALE, Receipts.deadline()));

      assertEquals("E-mail ***, телефон *** и ***, ИИН ***", e.providerMessage());
    }
  }

  @Test
  void debugLogsBlankTheRequestsOwnValuesInAnyKeyCaseAndInHtmlOrFormEchoes() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"Data\":{\"Token\":\"tok-123456\"}}").build());
    server.enqueue(new MockResponse.Builder().code(500).body("<html><body>customerEmail=" + EMAIL.toUpperCase()
        + "&token=tok-123456&phone=%2B77017654321&xin=850 115 300 418 <p>" + PASSWORD + "</p>"
        + "login=Kassir.Aigerim%40shop.kz&password=S3cret+pass%26word {\"customerPHONE\":\"8 701 765 43 21\"}</body></html>")
        .build());
    try (WebkassaDriver driver = driver()) {
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("order-1"), SALE, Receipts.deadline()));

      List<String> logged = logs.lines();
      assertEquals(4, logged.stream().filter(line -> line.contains("kz.fiscal.cloud.webkassa:")).count(),
          logged::toString);
      List<String> secrets = new ArrayList<>(List.of("tok-123456"));
      assertNoSecretIn(logged, secrets);
    }
  }

  private static void assertNoSecretIn(List<String> texts, List<String> more) {
    List<String> secrets = new ArrayList<>(List.of(LOGIN, PASSWORD, "S3cret+pass%26word", "Kassir.Aigerim%40shop.kz",
        EMAIL, EMAIL.toUpperCase(), "77017654321", "7017654321", IIN, "850 115 300 418"));
    secrets.addAll(more);
    for (String text : texts) {
      for (String secret : secrets) {
        assertFalse(text.toLowerCase().contains(secret.toLowerCase()), () -> "leaked " + secret + " in: " + text);
      }
    }
  }

  private static void assertNoSecretIn(List<String> texts) {
    assertNoSecretIn(texts, List.of());
  }
}
