package kz.fiscal.cloud.webkassa.registers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.RegisterRouter;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A shop process for {@link TwoRegistersRecoveryTest}, run in a JVM of its own so that it can really
 * die: one {@link FiscalClient} on an H2 file journal over the Webkassa cashboxes it is given, always
 * under the same node id (one process at a time, so a restart takes its leases back at once).
 *
 * <pre>
 * send    DIR URL API_KEY LOGIN PASSWORD KEY CASHBOX CASHBOX...   fiscalizes KEY on the first cashbox, then waits to be killed
 * recover DIR URL API_KEY LOGIN PASSWORD CASHBOX...               recovers and prints its report
 * </pre>
 */
public final class TwoRegistersWorker {
  static final String NODE = "two-registers-worker";
  private static final PrintStream OUT = System.out;

  private TwoRegistersWorker() {}

  public static void main(String[] args) {
    try {
      boolean send = args[0].equals("send");
      int firstCashbox = send ? 7 : 6;
      List<WebkassaDriver> drivers = new ArrayList<>();
      for (int i = firstCashbox; i < args.length; i++) {
        drivers.add(WebkassaDriver.builder().baseUrl(args[2]).apiKey(args[3]).login(args[4]).password(args[5])
            .cashbox(args[i]).readTimeout(Duration.ofMillis(400)).build());
      }
      FiscalClient client = FiscalClient.builder()
          .drivers(drivers)
          .router(RegisterRouter.leastBusy())
          .journal(JdbcReceiptJournal.open(database(Path.of(args[1]))))
          .retryPolicy(RetryPolicy.builder().maxAttempts(1).timeout(Duration.ofSeconds(10)).build())
          .nodeId(NODE)
          .build();
      if (send) {
        try {
          client.fiscalize(IdempotencyKey.of(args[6]), Receipts.sale("500.00"), RegisterId.of("webkassa", args[7]));
          say("fiscalized");
        } catch (FiscalException e) {
          say("failed " + e.getClass().getSimpleName());
        }
        Thread.sleep(Long.MAX_VALUE); // the parent kills this process
      }
      RecoveryReport report = client.recover();
      say("report " + report.examined() + " " + report.fiscalized() + " " + report.notHere());
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /** The journal's database: an H2 file with {@code WRITE_DELAY=0}. */
  static JdbcConnectionPool database(Path dir) {
    return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0",
        "sa", "");
  }

  private static void say(String line) {
    OUT.println(line);
    OUT.flush();
  }
}
