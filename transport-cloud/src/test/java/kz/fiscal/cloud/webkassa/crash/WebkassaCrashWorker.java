package kz.fiscal.cloud.webkassa.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.testkit.Acknowledgements;
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
 * {@code ready}, calls {@code recover()}, then fiscalizes keys {@code FROM..TO-1}, printing an
 * {@link Acknowledgements#line ack line} after each result it was given, flushed, so that the parent
 * knows what was acknowledged even after a {@code kill -9}. The parent starts a worker only once the one
 * before is dead, so H2's file lock never refuses it. Any failure is printed to standard error and exits
 * 1; success prints {@code done} and exits 0.
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
  private static final PrintStream OUT = System.out;

  private WebkassaCrashWorker() {}

  public static void main(String[] args) {
    try {
      run(Path.of(args[0]), WebkassaDriver.builder().baseUrl(args[1]).apiKey(args[2]).login(args[3])
          .password(args[4]).cashbox(args[5]).readTimeout(READ_TIMEOUT)
          .quietAfterLostAnswer(READ_TIMEOUT.multipliedBy(3)).build(), Integer.parseInt(args[6]),
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
      // The same receipt for the same key in every process.
      say(Acknowledgements.line(key(i), client.fiscalize(key(i), Receipts.sale((100 + i) + ".00"))));
    }
    say(DONE);
  }

  private static void say(String line) {
    OUT.println(line);
    OUT.flush();
  }
}
