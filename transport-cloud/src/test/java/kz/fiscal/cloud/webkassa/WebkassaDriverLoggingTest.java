package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Xin;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import kz.fiscal.testkit.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API key, login, password, tokens and the buyer's data never reach a log line or an exception. */
class WebkassaDriverLoggingTest {
  private static final String EMAIL = "aigerim.nurlanovna@example.kz";
  private static final String PHONE = "+77017654321";
  private static final String IIN = "850115300418";

  private final LogCapture logs = LogCapture.start();
  private final FakeWebkassa fake = FakeWebkassa.start();
  private final WebkassaDriver driver = Receipts.driverFor(fake).build();

  @AfterEach
  void stop() {
    driver.close();
    fake.close();
    logs.close();
  }

  @Test
  void noSecretOrPersonalDataInLogsOrExceptions() throws FiscalException {
    assertTrue(Xin.isValid(IIN), "precondition: a valid IIN");
    Receipt receipt = Receipts.sale("990.00").newBuilder()
        .customer(Customer.email(EMAIL).withPhone(PHONE).withXin(Xin.parse(IIN)))
        .build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    List<String> seen = new ArrayList<>();

    driver.register(IdempotencyKey.of("order-1"), receipt, deadline);
    fake.expireTokens();
    driver.register(IdempotencyKey.of("order-2"), receipt, deadline);
    fake.rejectNext(9, "CustomerEmail " + EMAIL + " не принят");
    seen.add(String.valueOf(assertThrows(ReceiptRejectedException.class,
        () -> driver.register(IdempotencyKey.of("order-3"), receipt, deadline))));
    fake.failNext(WebkassaFault.GARBAGE_BODY_AFTER_COMMIT);
    OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class,
        () -> driver.register(IdempotencyKey.of("order-4"), receipt, deadline));
    seen.add(String.valueOf(unknown));
    seen.add(String.valueOf(unknown.getCause()));
    List<String> logged = logs.lines();
    seen.addAll(logged);

    assertFalse(logged.isEmpty(), "exchanges are logged at DEBUG");
    List<String> secrets = new ArrayList<>(List.of(fake.apiKey(), fake.password(), fake.login(), EMAIL, PHONE, IIN));
    fake.requests("/api/v4/check").forEach(r -> secrets.add((String) r.json().get("Token")));
    for (String text : seen) {
      for (String secret : secrets) {
        assertFalse(text.contains(secret), () -> "leaked " + secret + " in: " + text);
      }
    }
  }
}
