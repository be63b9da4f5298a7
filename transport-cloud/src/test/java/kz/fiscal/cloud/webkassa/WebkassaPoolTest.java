package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.RegisterRouter;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import kz.fiscal.testkit.WebkassaCheck;

/**
 * A pool of one seller's four cashboxes behind {@link RegisterRouter#leastBusy()} and one {@link
 * FiscalClient} on an H2 file journal, over real sockets, with a fifth of the orders meeting a fault:
 * every order is one check, journaled with that check's fiscal sign and bound to the cashbox that holds
 * it, each cashbox served one request at a time, and the four drivers share one login.
 */
class WebkassaPoolTest {
  private static final int ORDERS = 100;
  private static final int CALLERS = 8;
  /** Every fault the fake knows, the answer held past the driver's read timeout included. */
  private static final List<WebkassaFault> FAULTS = List.of(WebkassaFault.values());
  /** How long the fake holds a {@code DELAY_AFTER_COMMIT} answer; the driver gives up at half of it. */
  private static final Duration HELD = Duration.ofMillis(400);

  @TempDir
  Path dir;
  private final FakeWebkassa fake = Receipts.cashboxes(FakeWebkassa.builder(), 4).start();
  private final List<WebkassaDriver> drivers = new ArrayList<>();
  private JdbcConnectionPool database;
  private FiscalClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    drivers.forEach(WebkassaDriver::close);
    if (database != null) {
      database.dispose();
    }
    fake.close();
  }

  private FiscalClient pool() {
    TokenStore account = TokenStore.inMemory();
    for (String cashbox : fake.cashboxNumbers()) {
      drivers.add(Receipts.driverFor(fake, cashbox).tokenStore(account).readTimeout(HELD.dividedBy(2))
          .quietAfterLostAnswer(HELD.multipliedBy(2)).build());
    }
    database = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0",
        "sa", "");
    database.setMaxConnections(CALLERS + 4);
    client = FiscalClient.builder()
        .drivers(drivers)
        .router(RegisterRouter.leastBusy())
        .journal(JdbcReceiptJournal.open(database))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(20))
            .maxAttempts(10).timeout(Duration.ofSeconds(30)).build())
        .build();
    return client;
  }

  private static IdempotencyKey key(int order) {
    return IdempotencyKey.of("order-" + order);
  }

  /** The fault order {@code i} queues before it is sent, for every fifth order. */
  private static Optional<WebkassaFault> faultOf(int order) {
    return order % 5 == 0 ? Optional.of(FAULTS.get(order / 5 % FAULTS.size())) : Optional.empty();
  }

  @Test
  void aPoolOfFourCashboxesFiscalizesEveryOrderOnceOnTheCashboxItIsBoundTo() throws Exception {
    FiscalClient client = pool();
    fake.processingDelay(Duration.ofMillis(2)); // so that callers overlap and the router spreads them
    fake.delayResponses(HELD);
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<FiscalResult>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < ORDERS; i++) {
        int order = i;
        calls.add(callers.submit(() -> {
          start.await();
          // Queued by the order's own caller just before its first send: every fault is used up.
          faultOf(order).ifPresent(fake::failNext);
          return client.fiscalize(key(order), Receipts.sale((100 + order) + ".00"));
        }));
      }
      start.countDown();
      for (Future<FiscalResult> call : calls) {
        try {
          call.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof OutcomeUnknownException)) {
            throw e; // anything but "in doubt" (recover() settles that below) fails the test
          }
        }
      }
    } finally {
      callers.shutdownNow();
    }
    client.recover();

    Set<String> used = new HashSet<>();
    for (int i = 0; i < ORDERS; i++) {
      WebkassaCheck check = fake.check(key(i).value()).orElseThrow();
      ReceiptRecord record = client.status(key(i)).orElseThrow();
      assertEquals(1, fake.checkCount(key(i).value()), key(i).value());
      assertEquals(ReceiptStatus.FISCALIZED, record.status(), key(i).value());
      assertEquals(Optional.of(check.fiscalSign()), record.result().flatMap(FiscalResult::fiscalSign), key(i).value());
      assertEquals(Optional.of(RegisterId.of("webkassa", check.cashbox())), record.register(), key(i).value());
      used.add(check.cashbox());
    }
    assertEquals(ORDERS, fake.checks().size());
    assertEquals(Set.copyOf(fake.cashboxNumbers()), used);
    for (String cashbox : fake.cashboxNumbers()) {
      assertEquals(1, fake.maxConcurrentRequests(cashbox), cashbox);
    }
    assertEquals(1, fake.authorizeCount(), "the four drivers logged in once between them");
    assertEquals(expectedFaultTransitions(), faultTransitions(client));
  }

  /**
   * Per kind of transition a fault causes, how many the faults cause: a 429 sends the record back to
   * REQUESTED, every other fault leaves its check in doubt.
   */
  private static Map<String, Integer> expectedFaultTransitions() {
    Map<String, Integer> expected = new TreeMap<>();
    for (int i = 0; i < ORDERS; i++) {
      faultOf(i).ifPresent(fault -> expected.merge(fault == WebkassaFault.TOO_MANY_REQUESTS ? "SENT->REQUESTED"
          : "SENT->IN_DOUBT", 1, Integer::sum));
    }
    return expected;
  }

  private static Map<String, Integer> faultTransitions(FiscalClient client) {
    Map<String, Integer> seen = new TreeMap<>();
    for (int i = 0; i < ORDERS; i++) {
      for (JournalEntry entry : client.history(key(i))) {
        String step = entry.from().map(Enum::name).orElse("") + "->" + entry.to().name();
        if (step.equals("SENT->REQUESTED") || step.equals("SENT->IN_DOUBT")) {
          seen.merge(step, 1, Integer::sum);
        }
      }
    }
    return seen;
  }
}
