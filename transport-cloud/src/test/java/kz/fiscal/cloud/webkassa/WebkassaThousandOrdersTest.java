package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand orders through FiscalClient, the H2 journal in a file and WebkassaDriver against the fake,
 * four callers at once: a fifth of them meet one of the faults the fake knows (before or after it
 * commits, on the check or on the lookup that follows, an answer held past the driver's read timeout
 * included), every token is revoked a third of the way in and the shift runs past 24 hours two thirds
 * of the way in. Every key ends as exactly one check whose fiscal sign the journal holds, and the
 * cashbox never served two requests at once: after a lost answer the driver leaves it alone until the
 * held request is over.
 */
class WebkassaThousandOrdersTest {
  private static final int ORDERS = 1_000;
  private static final int CALLERS = 4;
  private static final String LOOKUP = "/api-history/v4/Ticket/GetTicketByExternalCheckNumber";
  /** How long the fake holds a {@link WebkassaFault#DELAY_AFTER_COMMIT} answer. */
  private static final Duration HELD = Duration.ofMillis(400);

  @TempDir
  Path directory;

  @Test
  void aThousandOrdersUnderFaultsTokenAndShiftExpiryEndAsOneCheckEachWithTheJournalsFiscalSign() throws Exception {
    long seed = System.nanoTime();
    System.out.println("WebkassaThousandOrdersTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    WebkassaFault[] faults = WebkassaFault.values();
    Map<WebkassaFault, Integer> injected = new EnumMap<>(WebkassaFault.class);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0");
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try (FakeWebkassa fake = FakeWebkassa.start();
        // A held answer outlasts the read timeout by 200 ms; the register stays quiet for 800 ms after it,
        // a margin for a loaded machine.
        WebkassaDriver driver = Receipts.driverFor(fake).autoCloseShift(true).readTimeout(HELD.dividedBy(2))
            .quietAfterLostAnswer(HELD.multipliedBy(2)).build();
        FiscalClient client = FiscalClient.builder()
            .driver(driver)
            .journal(JdbcReceiptJournal.open(pool))
            .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(2)).maxBackoff(Duration.ofMillis(20))
                .maxAttempts(8).timeout(Duration.ofSeconds(20)).build())
            .build()) {
      fake.delayResponses(HELD);
      AtomicInteger next = new AtomicInteger();
      List<Future<Integer>> workers = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        workers.add(callers.submit(() -> {
          int unfinished = 0;
          for (int i = next.getAndIncrement(); i < ORDERS; i = next.getAndIncrement()) {
            synchronized (random) {
              if (i == ORDERS / 3) {
                fake.expireTokens();
              }
              if (i == 2 * ORDERS / 3) {
                fake.advance(Duration.ofHours(25));
              }
              if (random.nextInt(5) == 0) {
                WebkassaFault fault = faults[random.nextInt(faults.length)];
                injected.merge(fault, 1, Integer::sum);
                fake.failNext(random.nextInt(4) == 0 ? LOOKUP : "/api/v4/check", fault);
              }
            }
            try {
              client.fiscalize(key(i), Receipts.sale(price(i)));
            } catch (FiscalException e) {
              unfinished++; // left to recovery, as a restarted shop would
            }
          }
          return unfinished;
        }));
      }
      int unfinished = 0;
      for (Future<Integer> worker : workers) {
        unfinished += worker.get();
      }
      RecoveryReport recovered = client.recover();
      System.out.println("faults " + injected + ", unfinished " + unfinished + ", recovered " + recovered
          + ", logins " + fake.authorizeCount() + ", shifts " + fake.currentShiftNumber());

      assertEquals(ORDERS, fake.checks().size());
      for (int i = 0; i < ORDERS; i++) {
        String key = key(i).value();
        assertEquals(1, fake.checkCount(key), key);
        ReceiptRecord record = client.status(key(i)).orElseThrow();
        assertEquals(ReceiptStatus.FISCALIZED, record.status(), key);
        assertEquals(fake.check(key).orElseThrow().fiscalSign(), record.result().orElseThrow().fiscalSign().orElseThrow(), key);
      }
      assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()));
      assertEquals(2, fake.currentShiftNumber(), "the expired shift was closed once");
    } finally {
      callers.shutdownNow();
      pool.dispose();
    }
  }

  private static IdempotencyKey key(int i) {
    return IdempotencyKey.of("order-" + i);
  }

  private static String price(int i) {
    return (100 + i % 900) + "." + (i % 100 < 10 ? "0" : "") + (i % 100);
  }
}
