package kz.fiscal.cloud.webkassa.nodes;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.TokenStore;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.spi.RegisterLock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A shop node for {@link TwoNodesOnePostgresTest}, in a JVM of its own: one {@link FiscalClient} on the
 * PostgreSQL journal, its Webkassa driver sharing the login through {@link TokenStore#jdbc} and the
 * cashbox through {@link RegisterLock#jdbc}, both on the journal's database.
 *
 * <pre>
 * run FAKE API_KEY LOGIN PASSWORD CASHBOX PG_URL SCHEMA NODE KEYS THREADS   fiscalizes order-0..KEYS-1, recovers, exits
 * one FAKE API_KEY LOGIN PASSWORD CASHBOX PG_URL SCHEMA NODE KEY            fiscalizes KEY and prints how it ended
 * </pre>
 * A node's call timeout is 2 s, so its register lease is 6 s; its journal lease is 6 s too.
 */
public final class SharedPostgresNode {
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  static final Duration LEASE = CALL_TIMEOUT.multipliedBy(3);
  private static final PrintStream OUT = System.out;

  private SharedPostgresNode() {}

  public static void main(String[] args) {
    try {
      JdbcConnectionPool pool = pool(args[6], args[7], 8);
      WebkassaDriver driver = WebkassaDriver.builder().baseUrl(args[1]).apiKey(args[2]).login(args[3])
          .password(args[4]).cashbox(args[5]).callTimeout(CALL_TIMEOUT).readTimeout(CALL_TIMEOUT)
          .tokenStore(TokenStore.jdbc(pool)).registerLock(RegisterLock.jdbc(pool, args[8], LEASE)).build();
      FiscalClient client = FiscalClient.builder()
          .driver(driver)
          .journal(JdbcReceiptJournal.open(pool))
          .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50))
              .maxAttempts(5).timeout(Duration.ofSeconds(20)).build())
          .nodeId(args[8])
          .leaseDuration(LEASE)
          .build();
      if (args[0].equals("one")) {
        try {
          FiscalResult result = client.fiscalize(IdempotencyKey.of(args[9]), Receipts.sale("500.00"));
          say("result fiscalized " + result.fiscalSign().orElse("without a sign"));
        } catch (FiscalException | RuntimeException e) {
          say("result " + e.getClass().getSimpleName()
              + (e.getCause() == null ? "" : " after " + e.getCause().getClass().getSimpleName()));
          System.err.println(e);
        }
        System.exit(0);
      }
      int keys = Integer.parseInt(args[9]);
      ExecutorService threads = Executors.newFixedThreadPool(Integer.parseInt(args[10]));
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Future<?>> callers = new ArrayList<>();
      for (int t = 0; t < Integer.parseInt(args[10]); t++) {
        callers.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < keys; i = next.getAndIncrement()) {
            if (i == keys / 2) {
              say("half");
            }
            try {
              client.fiscalize(IdempotencyKey.of("order-" + i), Receipts.sale("100.00"));
            } catch (FiscalException | RuntimeException e) {
              failed.incrementAndGet(); // the other node holds it, or recovery finishes it
            }
          }
        }));
      }
      for (Future<?> caller : callers) {
        caller.get();
      }
      say("sent, " + failed.get() + " left to the other node or recovery");
      say("recovered " + client.recover().fiscalized());
      say("done");
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  /** A pool on the PostgreSQL at {@code url} whose tables live in {@code schema}. */
  static JdbcConnectionPool pool(String url, String schema, int size) {
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(url);
    postgres.setCurrentSchema(schema);
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(size);
    return pool;
  }

  private static void say(String line) {
    synchronized (OUT) {
      OUT.println(line);
      OUT.flush();
    }
  }
}
