package kz.fiscal.cloud.webkassa.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A shop process for {@link WebkassaCrashTest}, run in a JVM of its own so that it can really die: a
 * {@link FiscalClient} on an H2 file journal and a {@link WebkassaDriver} talking to the parent's
 * {@code FakeWebkassa} over a real socket.
 *
 * <pre>
 * DIR URL API_KEY LOGIN PASSWORD CASHBOX FROM TO
 * </pre>
 *
 * <p>Opens the journal in {@code DIR}, sleeps past every lease a killed worker can hold, prints
 * {@code ready}, calls {@code recover()}, then fiscalizes keys {@code FROM..TO-1}, printing
 * {@code ack KEY SIGN} after each result it was given, flushed, so that the parent knows what was
 * acknowledged even after a {@code kill -9}. The parent starts a worker only once the one before is
 * dead, so H2's file lock never refuses it. Any failure is printed to standard error and exits 1;
 * success prints {@code done} and exits 0.
 */
public final class WebkassaCrashWorker {
  /** Printed once the worker holds the journal and every lease a dead worker held has run out. */
  static final String READY = "ready";
  /** Printed after the last key, just before a normal exit. */
  static final String DONE = "done";
  /** Below the fake's held answer ({@code DELAY_AFTER_COMMIT}), so that such an answer is lost. */
  static final Duration READ_TIMEOUT = Duration.ofMillis(400);
  /**
   * Short, so that the next worker can take over soon after a kill; safe because only one worker ever
   * holds the journal (H2's file lock), so no live worker's lease can be taken over.
   */
  private static final Duration LEASE = Duration.ofMillis(300);
  private static final Seller SELLER = Seller.vatPayer("ТОО «Краш»", Xin.parse("150740001357"),
      "г. Алматы, ул. Тестовая, 1");
  private static final OffsetDateTime PAID_AT = OffsetDateTime.parse("2026-05-20T10:15:00+05:00");
  private static final PrintStream OUT = System.out;

  private WebkassaCrashWorker() {}

  public static void main(String[] args) {
    try {
      run(Path.of(args[0]), WebkassaDriver.builder().baseUrl(args[1]).apiKey(args[2]).login(args[3])
          .password(args[4]).cashbox(args[5]).readTimeout(READ_TIMEOUT).build(), Integer.parseInt(args[6]),
          Integer.parseInt(args[7]));
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static IdempotencyKey key(int i) {
    return IdempotencyKey.of("crash-order-" + i);
  }

  /** The journal's database: an H2 file with {@code WRITE_DELAY=0}, as the journal's Javadoc demands. */
  static JdbcConnectionPool database(Path dir) {
    return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0",
        "sa", "");
  }

  /** The same receipt for the same key in every process. */
  private static Receipt receipt(int i) {
    String price = (100 + i % 900) + ".00";
    return Receipt.sale(SELLER)
        .operationTime(PAID_AT)
        .item(Item.builder("Чай").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  private static void run(Path dir, WebkassaDriver driver, int from, int to) throws Exception {
    FiscalClient client = FiscalClient.builder()
        .driver(driver)
        .journal(JdbcReceiptJournal.open(database(dir)))
        .leaseDuration(LEASE)
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .maxAttempts(6).timeout(Duration.ofSeconds(15)).build())
        .nodeId("webkassa-crash-worker-" + ProcessHandle.current().pid())
        .build();
    // The killed worker held leases until it died, and it died before this one was started.
    Thread.sleep(LEASE.plusMillis(50).toMillis());
    say(READY);
    RecoveryReport recovered = client.recover();
    say("recovered " + recovered.fiscalized() + " of " + recovered.examined());
    for (int i = from; i < to; i++) {
      FiscalResult result = client.fiscalize(key(i), receipt(i));
      say("ack " + key(i).value() + " " + result.fiscalSign().orElse("-"));
    }
    say(DONE);
  }

  private static void say(String line) {
    OUT.println(line);
    OUT.flush();
  }
}
