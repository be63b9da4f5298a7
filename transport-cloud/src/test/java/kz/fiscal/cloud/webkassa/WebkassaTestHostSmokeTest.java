package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.spi.ShiftReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * An opt-in smoke test against Webkassa's real test host ({@code https://devkkm.webkassa.kz} unless
 * {@code WEBKASSA_SMOKE_BASE_URL} says otherwise). It runs only when the credentials are in
 * {@code WEBKASSA_SMOKE_API_KEY}, {@code WEBKASSA_SMOKE_LOGIN}, {@code WEBKASSA_SMOKE_PASSWORD} and
 * {@code WEBKASSA_SMOKE_CASHBOX}, and never under {@code CI=true} (build machines reach no such host).
 * It makes one 1-tenge sale under a fresh key on the test cashbox, sends it again, looks it up, reads
 * its print format and an X-report; it closes no shift and moves no cash.
 */
@EnabledIfEnvironmentVariable(named = "WEBKASSA_SMOKE_API_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "WEBKASSA_SMOKE_LOGIN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "WEBKASSA_SMOKE_PASSWORD", matches = ".+")
@EnabledIfEnvironmentVariable(named = "WEBKASSA_SMOKE_CASHBOX", matches = ".+")
@DisabledIfEnvironmentVariable(named = "CI", matches = "true")
class WebkassaTestHostSmokeTest {

  private static WebkassaDriver driver() {
    String base = Optional.ofNullable(System.getenv("WEBKASSA_SMOKE_BASE_URL")).orElse("https://devkkm.webkassa.kz");
    return WebkassaDriver.builder().baseUrl(base)
        .apiKey(System.getenv("WEBKASSA_SMOKE_API_KEY"))
        .login(System.getenv("WEBKASSA_SMOKE_LOGIN"))
        .password(System.getenv("WEBKASSA_SMOKE_PASSWORD"))
        .cashbox(System.getenv("WEBKASSA_SMOKE_CASHBOX"))
        .autoCloseShift(true)
        .build();
  }

  private static Instant deadline() {
    return Instant.now().plus(Duration.ofSeconds(60));
  }

  @Test
  void aSaleOnTheTestHostIsMadeOnceFoundByItsKeyAndPrintable() throws Exception {
    IdempotencyKey key = IdempotencyKey.of("kz-fiscal-smoke-" + System.currentTimeMillis());
    Instant sentAt = Instant.now();
    try (WebkassaDriver driver = driver()) {
      FiscalResult made = driver.register(key, Receipts.sale("1.00"), deadline());
      FiscalResult again = driver.register(key, Receipts.sale("1.00"), deadline());
      Optional<FiscalResult> found = driver.lookup(key, Receipts.sale("1.00"), sentAt, deadline());
      TicketPrint print = driver.printFormat(key, TicketPrint.Paper.MM_58, deadline()).orElseThrow();
      ShiftReport x = driver.xReport();

      assertEquals(made.fiscalSign(), again.fiscalSign(), "a resend is answered with the original check");
      assertEquals(made.fiscalSign(), found.orElseThrow().fiscalSign());
      assertTrue(print.lines().size() > 0);
      assertEquals(made.shiftNumber(), x.shiftNumber());
    }
  }
}
