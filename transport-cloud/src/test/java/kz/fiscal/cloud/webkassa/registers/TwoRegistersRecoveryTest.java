package kz.fiscal.cloud.webkassa.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.ForkedJvm;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import kz.fiscal.testkit.WebkassaCheck;
import kz.fiscal.testkit.WebkassaFault;

/**
 * Two cashboxes of one account on one journal: an order whose answer was lost on cashbox A is finished
 * at A and nowhere else, whichever registers the process that recovers it drives. Before records were
 * bound to their register, a client of cashbox B looked the key up at B, found nothing, and printed a
 * second check there.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TwoRegistersRecoveryTest {
  private static final String A = "SWK00000001";
  private static final String B = "SWK00000002";
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-lost-on-a");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final List<Class<?>> NEEDED = List.of(WebkassaDriver.class, FiscalClient.class,
      OkHttpClient.class, Moshi.class, kotlin.Unit.class, okio.Buffer.class, JdbcConnectionPool.class);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final FakeWebkassa fake = FakeWebkassa.builder()
      .cashbox(A, "620300000001", "WK0000000001")
      .cashbox(B, "620300000002", "WK0000000002")
      .start();
  private final List<ForkedJvm> workers = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (ForkedJvm worker : workers) {
      worker.kill();
    }
    fake.close();
  }

  @Test
  void aLostAnswerOnOneCashboxIsFinishedThereAfterAKillAndNeverSentToTheOther() throws Exception {
    fake.delayResponses(Duration.ofSeconds(3));
    fake.failNext(WebkassaFault.DELAY_AFTER_COMMIT); // committed on A, the answer never arrives in time

    ForkedJvm sender = start("send", "send", KEY.value(), A, B);
    assertTrue(sender.awaitLine("failed OutcomeUnknownException", PATIENCE), sender.stderr());
    sender.kill();
    ForkedJvm onlyB = start("recover-on-b", "recover", B);
    assertEquals(0, onlyB.exitCode(PATIENCE), onlyB.stderr());
    ForkedJvm both = start("recover-on-b-and-a", "recover", B, A);
    assertEquals(0, both.exitCode(PATIENCE), both.stderr());

    assertEquals(List.of("report 0 0 1"), reports(onlyB), "a client without A leaves the record alone");
    assertEquals(List.of("report 1 1 0"), reports(both), "a client with A finishes it there");
    assertEquals(1, fake.checks().size());
    WebkassaCheck check = fake.check(KEY.value()).orElseThrow();
    assertEquals(A, check.cashbox());
    assertEquals(List.of(), fake.requests("/api/v4/check").stream().filter(r -> r.body().contains(B)).toList(),
        "cashbox B never saw the order");
    JdbcConnectionPool database = TwoRegistersWorker.database(dir);
    try {
      ReceiptRecord record = JdbcReceiptJournal.open(database).find(KEY).orElseThrow();
      assertEquals(ReceiptStatus.FISCALIZED, record.status());
      assertEquals(Optional.of(RegisterId.of("webkassa", A)), record.register());
      assertEquals(Optional.of(check.fiscalSign()), record.result().orElseThrow().fiscalSign());
      assertEquals(Optional.of(RegisterId.of("webkassa", A)), record.result().orElseThrow().register());
    } finally {
      database.dispose();
    }
  }

  private ForkedJvm start(String name, String mode, String... rest) throws IOException {
    List<String> args = new ArrayList<>(List.of(mode, dir.toString(), fake.baseUrl(), fake.apiKey(), fake.login(),
        fake.password()));
    args.addAll(List.of(rest));
    ForkedJvm worker = ForkedJvm.start(dir.resolve("logs"), name, TwoRegistersWorker.class, NEEDED,
        args.toArray(String[]::new));
    workers.add(worker);
    return worker;
  }

  private static List<String> reports(ForkedJvm worker) {
    return worker.lines().stream().filter(line -> line.startsWith("report ")).toList();
  }
}
