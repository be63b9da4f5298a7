package kz.fiscal.cloud.webkassa.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.TestPostgres;
import kz.fiscal.cloud.webkassa.TokenStore;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.RegisterLock;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.ForkedJvm;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Two shop processes ({@link SharedPostgresNode}) on one PostgreSQL and one Webkassa account whose
 * every login revokes the older tokens: they share the login and the cashbox through the journal's
 * database, so each key is one check, the cashbox serves one request at a time, and logins do not
 * ping-pong between them. A node frozen (SIGSTOP) in the middle of a check past its leases makes no
 * second check, and what it writes when it wakes is refused.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoNodesOnePostgresTest {
  private static final String SCHEMA = "fiscal_webkassa_nodes";
  private static final int KEYS = 300;
  private static final List<Class<?>> NEEDED = List.of(WebkassaDriver.class, FiscalClient.class,
      OkHttpClient.class, Moshi.class, kotlin.Unit.class, okio.Buffer.class, JdbcConnectionPool.class,
      PGConnectionPoolDataSource.class);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;
  private final FakeWebkassa fake = FakeWebkassa.start();
  private final List<ForkedJvm> nodes = new ArrayList<>();
  private JdbcConnectionPool pool;

  @AfterEach
  void stop() throws Exception {
    for (ForkedJvm node : nodes) {
      if (node.isAlive()) {
        node.resume();
        node.kill();
      }
    }
    fake.close();
    if (pool != null) {
      pool.dispose();
    }
  }

  private JdbcConnectionPool emptySchema() throws Exception {
    JdbcConnectionPool admin = SharedPostgresNode.pool(TestPostgres.url(), "public", 1);
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    } finally {
      admin.dispose();
    }
    pool = SharedPostgresNode.pool(TestPostgres.url(), SCHEMA, 8);
    return pool;
  }

  private ForkedJvm node(String mode, String name, String... rest) throws IOException {
    List<String> args = new ArrayList<>(List.of(mode, fake.baseUrl(), fake.apiKey(), fake.login(), fake.password(),
        fake.cashboxNumber(), TestPostgres.url(), SCHEMA, name));
    args.addAll(List.of(rest));
    ForkedJvm node = ForkedJvm.start(dir.resolve("logs"), name, SharedPostgresNode.class, NEEDED,
        args.toArray(String[]::new));
    nodes.add(node);
    return node;
  }

  @Test
  void twoNodesFedTheSameKeysMakeEachCheckOnceOneRequestAtATimeWithOneLoginPerRevocation() throws Exception {
    JdbcReceiptJournal journal = JdbcReceiptJournal.open(emptySchema());
    fake.processingDelay(Duration.ofMillis(2));
    ForkedJvm a = node("run", "node-a", Integer.toString(KEYS), "3");
    ForkedJvm b = node("run", "node-b", Integer.toString(KEYS), "3");

    assertTrue(a.awaitLine("half", Duration.ofSeconds(60)), a.stderr());
    fake.expireTokens();
    assertTrue(a.awaitLine("done", Duration.ofSeconds(90)), a.stderr());
    assertTrue(b.awaitLine("done", Duration.ofSeconds(90)), b.stderr());

    assertEquals(KEYS, fake.checks().size());
    for (int i = 0; i < KEYS; i++) {
      String key = "order-" + i;
      assertEquals(1, fake.checkCount(key), key);
      ReceiptRecord record = journal.find(IdempotencyKey.of(key)).orElseThrow();
      assertEquals(ReceiptStatus.FISCALIZED, record.status(), key);
      assertEquals(fake.check(key).orElseThrow().fiscalSign(), record.result().orElseThrow().fiscalSign().orElseThrow());
    }
    assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()));
    assertEquals(2, fake.authorizeCount(), "the first login and one after the revocation, for both nodes");
  }

  @Test
  void aNodeFrozenPastItsLeasesMidCheckMakesNoSecondCheckAndItsLateJournalWriteIsRefused() throws Exception {
    JdbcReceiptJournal journal = JdbcReceiptJournal.open(emptySchema());
    IdempotencyKey key = IdempotencyKey.of("order-frozen");
    fake.processingDelay(Duration.ofSeconds(1));
    ForkedJvm a = node("one", "node-a", key.value());
    while (fake.requests("/api/v4/check").isEmpty()) {
      assertTrue(a.isAlive(), a.stderr());
      Thread.sleep(1);
    }
    a.pause(); // its check is at the provider, which commits it while the node is frozen
    Thread.sleep(SharedPostgresNode.LEASE.plusSeconds(2).toMillis()); // past its register and journal leases
    fake.processingDelay(Duration.ZERO);

    RecoveryReport report;
    try (WebkassaDriver driver = WebkassaDriver.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
            .login(fake.login()).password(fake.password()).cashbox(fake.cashboxNumber())
            .callTimeout(SharedPostgresNode.CALL_TIMEOUT).tokenStore(TokenStore.jdbc(pool))
            .registerLock(RegisterLock.jdbc(pool, "node-b", SharedPostgresNode.LEASE)).build();
        FiscalClient b = FiscalClient.builder().driver(driver).journal(journal).nodeId("node-b")
            .leaseDuration(SharedPostgresNode.LEASE).build()) {
      report = b.recover();
    }
    assertEquals(1, report.fiscalized(), report.toString());
    a.resume();

    // The journal refuses the frozen node's late write (LeaseLostException). What its caller hears depends
    // on which comes first when it wakes: the provider's answer (the check it made, its refused write
    // logged) or its call timeout (the doubt the refused write leaves). Both are honest; a second check is not.
    assertEquals(0, a.exitCode(Duration.ofSeconds(30)), a.lines() + a.stderr());
    String sign = fake.check(key.value()).orElseThrow().fiscalSign();
    List<String> heard = a.lines().stream().filter(line -> line.startsWith("result ")).toList();
    assertTrue(heard.equals(List.of("result fiscalized " + sign))
        || heard.equals(List.of("result OutcomeUnknownException after LeaseLostException")), a.lines() + a.stderr());
    assertEquals(1, fake.checkCount(key.value()));
    assertEquals(1, fake.requests("/api/v4/check").size());
    ReceiptRecord record = journal.find(key).orElseThrow();
    assertEquals(ReceiptStatus.FISCALIZED, record.status());
    assertEquals(sign, record.result().orElseThrow().fiscalSign().orElseThrow());
    assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()));
  }
}
