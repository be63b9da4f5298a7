package kz.fiscal.cloud.webkassa.memory;

import java.time.Duration;
import java.time.Instant;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;

/**
 * Registers one sale per key given against {@code baseUrl} with the driver's default answer limits,
 * printing {@code key ExceptionName} per sale (or {@code key OutOfMemoryError}), then {@code done}.
 */
public final class HugeAnswerWorker {
  private HugeAnswerWorker() {}

  public static void main(String[] args) {
    try (WebkassaDriver driver = WebkassaDriver.builder().baseUrl(args[0]).apiKey("key").login("login")
        .password("password").cashbox("SWK00000001").build()) {
      for (int i = 1; i < args.length; i++) {
        String outcome;
        try {
          driver.register(IdempotencyKey.of(args[i]), Receipts.sale("100.00"), Instant.now().plus(Duration.ofSeconds(30)));
          outcome = "fiscalized";
        } catch (FiscalException e) {
          outcome = e.getClass().getSimpleName();
        } catch (OutOfMemoryError e) {
          outcome = "OutOfMemoryError";
        }
        System.out.println(args[i] + " " + outcome);
      }
    }
    System.out.println("done");
  }
}
