package kz.fiscal.cloud.webkassa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.fiscal.cloud.webkassa.TokenStore;
import kz.fiscal.testkit.FakeWebkassa;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads share one token, and a revoked token is replaced by one login however many notice it. */
class ProviderSessionTest {
  private final FakeWebkassa fake = FakeWebkassa.start();
  private final HttpExchange http = new HttpExchange(new OkHttpClient(), true, HttpUrl.get(fake.baseUrl()),
      fake.apiKey(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), Clock.systemUTC());
  private final ProviderSession session = new ProviderSession(http, new WireJson(), TokenStore.inMemory(),
      new TokenStore.Account(fake.baseUrl(), fake.login()), fake.password(), Clock.systemUTC());

  @AfterEach
  void stop() {
    http.close();
    fake.close();
  }

  private List<Boolean> reportsFrom(int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return session.call("/api/v4/XReport", token -> new Wire.CashboxRequest(token, fake.cashboxNumber()),
              Wire.Report.class, Instant.now().plusSeconds(10)).failed();
        }));
      }
      start.countDown();
      List<Boolean> failed = new ArrayList<>();
      for (Future<Boolean> call : calls) {
        failed.add(call.get());
      }
      return failed;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentFirstCallsLogInOnce() throws Exception {
    fake.processingDelay(Duration.ofMillis(20));

    List<Boolean> failed = reportsFrom(8);

    assertFalse(failed.contains(true));
    assertEquals(1, fake.authorizeCount());
  }

  @Test
  void aTokenRevokedUnderConcurrentCallersIsRenewedByOneLogin() throws Exception {
    reportsFrom(1);
    fake.expireTokens();
    fake.processingDelay(Duration.ofMillis(20));

    List<Boolean> failed = reportsFrom(8);

    assertFalse(failed.contains(true));
    assertEquals(2, fake.authorizeCount(), "the first login and one renewal");
  }
}
