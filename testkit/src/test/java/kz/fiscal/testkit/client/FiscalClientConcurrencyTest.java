package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

class FiscalClientConcurrencyTest {
  private static final int THREADS = 8;
  private static final int KEYS = 200;

  @Test
  void eightThreadsOnOverlappingKeysMakeOneDriverCallPerKey() throws Exception {
    RecordingFiscalDriver driver = RecordingFiscalDriver.builder().deduplicateKeys(false).build();
    FiscalClient client = client(driver);

    Map<IdempotencyKey, List<FiscalResult>> results = runAll(client);

    assertEquals(KEYS, driver.registerCalls());
    assertEquals(KEYS, driver.ledger().size());
    assertOneCheckPerKeyEveryoneSawIt(driver, results);
  }

  @Test
  void overlappingKeysWithLostAnswersStillMakeOneCheckPerKey() throws Exception {
    RecordingFiscalDriver driver = RecordingFiscalDriver.builder().deduplicateKeys(false).build();
    List<Fault> faults = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < KEYS; i++) {
      faults.add(random.nextBoolean() ? Fault.APPLY_THEN_UNKNOWN : Fault.UNKNOWN_WITHOUT_APPLYING);
    }
    driver.failNext(faults.toArray(Fault[]::new));
    FiscalClient client = client(driver);

    Map<IdempotencyKey, List<FiscalResult>> results = runAll(client);

    assertEquals(KEYS, driver.ledger().size());
    assertOneCheckPerKeyEveryoneSawIt(driver, results);
  }

  private static FiscalClient client(RecordingFiscalDriver driver) {
    return FiscalClient.builder()
        .driver(driver)
        .journal(new InMemoryReceiptJournal())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
            .maxAttempts(20).timeout(Duration.ofSeconds(30)).build())
        .build();
  }

  /** Every thread fiscalizes every key, each in its own order, all starting together. */
  private static Map<IdempotencyKey, List<FiscalResult>> runAll(FiscalClient client) throws Exception {
    Map<IdempotencyKey, List<FiscalResult>> results = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<Integer> order = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        order.add(k);
      }
      Collections.shuffle(order, new Random(t));
      done.add(pool.submit(() -> {
        start.await();
        for (int k : order) {
          IdempotencyKey key = IdempotencyKey.of("order-" + k);
          FiscalResult result = client.fiscalize(key, sale(k + 1 + ".00"));
          results.computeIfAbsent(key, x -> Collections.synchronizedList(new ArrayList<>())).add(result);
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return results;
  }

  private static void assertOneCheckPerKeyEveryoneSawIt(RecordingFiscalDriver driver,
      Map<IdempotencyKey, List<FiscalResult>> results) {
    assertEquals(KEYS, results.size());
    for (Map.Entry<IdempotencyKey, List<FiscalResult>> entry : results.entrySet()) {
      assertEquals(1, driver.ledgerCount(entry.getKey()), entry.getKey().value());
      assertEquals(THREADS, entry.getValue().size());
      FiscalResult check = driver.ledger().stream().filter(a -> a.key().equals(entry.getKey())).findFirst()
          .orElseThrow().result();
      for (FiscalResult seen : entry.getValue()) {
        assertEquals(check, seen, "every thread gets the one check of " + entry.getKey().value());
      }
    }
  }
}
