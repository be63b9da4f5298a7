package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.Customer;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Violation.ViolationCode;
import kz.fiscal.core.Xin;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the driver sorts what goes wrong on the wire, scripted answer by answer on a real socket: what
 * certainly did not arrive, what may have been applied, and what each provider error code means.
 */
class WebkassaDriverFaultTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-1");
  private static final String TOKEN = "{\"Data\":{\"Token\":\"token-1\"}}";
  private static final String CHECK_OK = """
      {"Data":{"CheckNumber":"923956785162","DateTime":"30.11.2026 15:04:07","OfflineMode":false,
       "CashboxOfflineMode":false,"CheckOrderNumber":3,"ShiftNumber":12,"EmployeeName":"webkassa",
       "TicketUrl":"http://consumer.oofd.kz?i=923956785162&f=620300145316&s=500.00&t=20261130T150407",
       "Cashbox":{"UniqueNumber":"SWK00033717","RegistrationNumber":"620300145316",
       "IdentityNumber":"WK0000123456","Address":"г. Алматы","Ofd":{"Name":"АО «Казахтелеком»",
       "Host":"consumer.oofd.kz","Code":1}}}}""";

  private final MockWebServer server = new MockWebServer();
  private WebkassaDriver driver;

  @BeforeEach
  void start() throws IOException {
    server.start();
    driver = driver(server.url("/").toString(), new OkHttpClient(), false);
  }

  @AfterEach
  void stop() {
    driver.close();
    server.close();
  }

  private static WebkassaDriver driver(String baseUrl, OkHttpClient client, boolean autoClose) {
    return WebkassaDriver.builder().baseUrl(baseUrl).apiKey("key-123").login("cashier").password("pw-secret")
        .cashbox("SWK00033717").readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofSeconds(5))
        .okHttpClient(client).autoCloseShift(autoClose).build();
  }

  private static Instant deadline() {
    return Instant.now().plusSeconds(10);
  }

  private void answer(String json) {
    server.enqueue(new MockResponse.Builder().body(json).build());
  }

  private static String error(int code, String text) {
    return "{\"Errors\":[{\"Code\":" + code + ",\"Text\":\"" + text + "\"}]}";
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(1, TimeUnit.SECONDS);
  }

  @Test
  void aCheckTheProviderAcceptsIsTheResult() throws Exception {
    answer(TOKEN);
    answer(CHECK_OK);

    var result = driver.register(KEY, Receipts.sale("500.00"), deadline());

    assertEquals(Optional.of("923956785162"), result.fiscalSign());
    assertEquals("/api/v4/Authorize", take().getUrl().encodedPath());
    RecordedRequest check = take();
    assertEquals("/api/v4/check", check.getUrl().encodedPath());
    assertEquals("key-123", check.getHeaders().get("x-api-key"));
    assertTrue(check.getBody().utf8().contains("\"Token\":\"token-1\""));
  }

  @Test
  void aRefusedConnectionIsNotDelivered() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (WebkassaDriver closed = driver("http://127.0.0.1:" + port, new OkHttpClient(), false)) {
      assertThrows(DeliveryFailedException.class, () -> closed.register(KEY, Receipts.sale("500.00"), deadline()));
    }
  }

  @Test
  void anUnknownHostIsNotDelivered() {
    OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
      throw new UnknownHostException(host);
    }).build();
    try (WebkassaDriver unreachable = driver("https://kkm.webkassa.kz", noDns, false)) {
      assertThrows(DeliveryFailedException.class, () -> unreachable.register(KEY, Receipts.sale("500.00"), deadline()));
    }
  }

  @Test
  void aConnectionDroppedAfterTheCheckWasWrittenLeavesTheOutcomeUnknown() throws Exception {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    take();
    assertEquals("/api/v4/check", take().getUrl().encodedPath());
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutLeavesTheOutcomeUnknown() {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().body(CHECK_OK).headersDelay(2, TimeUnit.SECONDS).build());

    assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
  }

  @ParameterizedTest
  @CsvSource({"500", "502", "503", "504"})
  void anyServerErrorLeavesTheOutcomeUnknown(int status) {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().code(status).body("<html>Bad gateway</html>").build());

    var e = assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
  }

  @Test
  void tooManyRequestsIsNotDeliveredAndCarriesTheProvidersWait() {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());

    var e = assertThrows(DeliveryFailedException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<html>maintenance</html>",
      "{}",
      "{\"Data\":{\"CheckNumber\":\"92395\"",
      "{\"Data\":{\"CheckNumber\":\"not-digits\",\"DateTime\":\"30.11.2026 15:04:07\",\"Cashbox\":{\"RegistrationNumber\":\"620300145316\"}}}",
      "{\"Data\":{\"CheckNumber\":\"923956785162\",\"DateTime\":\"yesterday\",\"Cashbox\":{\"RegistrationNumber\":\"620300145316\"}}}"})
  void anUnreadableAnswerToACheckLeavesTheOutcomeUnknown(String body) {
    answer(TOKEN);
    answer(body);

    assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
  }

  @ParameterizedTest
  @CsvSource({
      "1, CREDENTIALS", "3, CONFIGURATION", "4, CONFIGURATION", "5, CONFIGURATION", "6, CONFIGURATION",
      "7, BLOCKED", "11, SHIFT_EXPIRED", "12, OTHER", "13, OTHER", "18, OFFLINE_TOO_LONG"})
  void registerConditionsAreDeviceProblemsWithTheProvidersCode(int code, DeviceException.Reason reason) {
    answer(TOKEN);
    answer(error(code, "Описание"));

    var e = assertThrows(DeviceException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(reason, e.reason());
    assertEquals(Integer.toString(code), e.providerCode());
    assertTrue(e.getMessage().contains("Описание"), e.getMessage());
  }

  @Test
  void aValidationErrorRejectsTheReceiptWithTheProvidersText() {
    answer(TOKEN);
    answer(error(9, "Positions[0].Tax: expected 68.97"));

    var e = assertThrows(ReceiptRejectedException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals("9", e.providerCode());
    assertEquals("Positions[0].Tax: expected 68.97", e.providerMessage());
  }

  @Test
  void anErrorBodyDecidesEvenUnderAClientErrorStatus() {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().code(400).body(error(9, "Count")).build());

    assertThrows(ReceiptRejectedException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
  }

  @ParameterizedTest
  @CsvSource({"-1", "10", "99"})
  void unknownCodesLeaveTheOutcomeUnknown(int code) {
    answer(TOKEN);
    answer(error(code, "Что-то"));

    assertThrows(OutcomeUnknownException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
  }

  @Test
  void theProvidersTextNeverCarriesTheBuyersDataIntoTheMessage() {
    answer(TOKEN);
    answer(error(9, "CustomerEmail buyer@example.kz or CustomerXin 181040037076 is wrong"));
    Receipt receipt = Receipts.sale("500.00").newBuilder()
        .customer(Customer.email("buyer@example.kz").withXin(Xin.parse("181040037076"))).build();

    var e = assertThrows(ReceiptRejectedException.class, () -> driver.register(KEY, receipt, deadline()));
    assertFalse(e.getMessage().contains("buyer@example.kz"), e.getMessage());
    assertFalse(e.getMessage().contains("181040037076"), e.getMessage());
  }

  @Test
  void anExpiredTokenIsRenewedOnceAndTheCheckRepeatedWithTheNewOne() throws Exception {
    answer(TOKEN);
    answer(error(2, "Срок действия сессии истек"));
    answer("{\"Data\":{\"Token\":\"token-2\"}}");
    answer(CHECK_OK);

    driver.register(KEY, Receipts.sale("500.00"), deadline());

    take();
    assertTrue(take().getBody().utf8().contains("\"Token\":\"token-1\""));
    assertEquals("/api/v4/Authorize", take().getUrl().encodedPath());
    assertTrue(take().getBody().utf8().contains("\"Token\":\"token-2\""));
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void aTokenExpiringRightAfterANewLoginIsACredentialsProblem() {
    answer(TOKEN);
    answer(error(2, "expired"));
    answer("{\"Data\":{\"Token\":\"token-2\"}}");
    answer(error(2, "expired"));

    var e = assertThrows(DeviceException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(DeviceException.Reason.CREDENTIALS, e.reason());
    assertEquals(4, server.getRequestCount());
  }

  @ParameterizedTest
  @CsvSource({"9", "10", "14", "19"})
  void aLoginRefusedWithACodeAboutChecksIsNotDeliveredNeverARejectionOrADoubt(int code) {
    answer(error(code, "Ошибка"));

    assertThrows(DeliveryFailedException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(1, server.getRequestCount(), "only the login was sent");
  }

  @Test
  void aLoginRefusedForTheCredentialsIsADeviceProblem() {
    answer(error(1, "Неверный логин или пароль"));

    var e = assertThrows(DeviceException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(DeviceException.Reason.CREDENTIALS, e.reason());
  }

  @Test
  void aReportAnswerLackingItsFieldsLeavesUnknownWhetherTheShiftClosed() {
    answer(TOKEN);
    answer("{\"Data\":{\"ShiftNumber\":3}}");

    assertThrows(OutcomeUnknownException.class, () -> driver.closeShift());
  }

  @Test
  void aHistoryItemLackingItsTotalIsUnreadableNotACrash() {
    answer(TOKEN);
    answer("{\"Data\":{\"Total\":1,\"Items\":[{\"Number\":\"923956785162\",\"OrderNumber\":1,"
        + "\"RegistratedOn\":\"30.11.2026 15:04:07\",\"OperationType\":2}]}}");

    assertThrows(OutcomeUnknownException.class, () -> driver.checks(12, deadline(), check -> { }));
  }

  @Test
  void aLoginThatGetsNoAnswerIsNotDelivered() {
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThrows(DeliveryFailedException.class, () -> driver.register(KEY, Receipts.sale("500.00"), deadline()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anExpiredShiftIsClosedAndTheCheckSentOnceMoreWhenAutoCloseIsOn() throws Exception {
    try (WebkassaDriver autoClosing = driver(server.url("/").toString(), new OkHttpClient(), true)) {
      answer(TOKEN);
      answer(error(11, "Продолжительность смены превысила 24 часа"));
      answer("{\"Data\":{\"ShiftNumber\":11,\"ReportOn\":\"30.11.2026 15:04:06\",\"CloseOn\":\"30.11.2026 15:04:06\"}}");
      answer(CHECK_OK);

      autoClosing.register(KEY, Receipts.sale("500.00"), deadline());

      take();
      take();
      assertEquals("/api/v4/ZReport", take().getUrl().encodedPath());
      assertEquals("/api/v4/check", take().getUrl().encodedPath());
    }
  }

  @Test
  void aShiftThatStaysExpiredAfterClosingIsADeviceProblem() {
    try (WebkassaDriver autoClosing = driver(server.url("/").toString(), new OkHttpClient(), true)) {
      answer(TOKEN);
      answer(error(11, "expired"));
      answer("{\"Data\":{\"ShiftNumber\":11,\"ReportOn\":\"30.11.2026 15:04:06\",\"CloseOn\":\"30.11.2026 15:04:06\"}}");
      answer(error(11, "expired"));

      var e = assertThrows(DeviceException.class, () -> autoClosing.register(KEY, Receipts.sale("500.00"), deadline()));
      assertEquals(DeviceException.Reason.SHIFT_EXPIRED, e.reason());
      assertEquals(4, server.getRequestCount());
    }
  }

  @Test
  void aZReportWithoutAnswerWhileClosingAnExpiredShiftMeansTheCheckWasNotDelivered() {
    try (WebkassaDriver autoClosing = driver(server.url("/").toString(), new OkHttpClient(), true)) {
      answer(TOKEN);
      answer(error(11, "expired"));
      server.enqueue(new MockResponse.Builder().code(502).build());

      assertThrows(DeliveryFailedException.class, () -> autoClosing.register(KEY, Receipts.sale("500.00"), deadline()));
    }
  }

  @Test
  void anAgentSaleIsRefusedBeforeAnythingIsSentForWebkassaHasNoFieldForThePrincipal() {
    Receipt agentSale = Receipt.sale(Receipts.SELLER)
        .operationTime(Receipts.TIME)
        .item(Item.builder("Билет").quantity("1").unitPrice("5000.00").vat(VatRate.SIXTEEN)
            .principal(new Principal("ТОО «Театр»", Xin.parse("181040037076"))).build())
        .payment(PaymentType.CARD, "5000.00")
        .build();

    var e = assertThrows(InvalidReceiptException.class, () -> driver.register(KEY, agentSale, deadline()));
    assertEquals(List.of(ViolationCode.UNSUPPORTED_BY_DRIVER), e.violations().stream().map(Violation::code).toList());
    assertEquals("items[].principal", e.violations().get(0).path());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aDeadlineAlreadyPassedSendsNothing() {
    assertThrows(DeliveryFailedException.class,
        () -> driver.register(KEY, Receipts.sale("500.00"), Instant.now().minusSeconds(1)));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aLookupRefusedForAnotherReasonThanNotFoundIsInDoubt() {
    answer(TOKEN);
    answer("{\"Data\":{\"Total\":1,\"Shifts\":[{\"ShiftNumber\":12,\"OpenDate\":\"30.11.2026 09:00:00\",\"CloseDate\":null}]}}");
    answer(error(-1, "Внутренняя ошибка"));

    assertThrows(OutcomeUnknownException.class, () -> driver.lookup(KEY, Receipts.sale("500.00"), Instant.now(), deadline()));
  }

  @Test
  void aLookupFailingOnTheWireIsInDoubtNeverEmpty() {
    answer(TOKEN);
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThrows(OutcomeUnknownException.class, () -> driver.lookup(KEY, Receipts.sale("500.00"), Instant.now(), deadline()));
  }
}
