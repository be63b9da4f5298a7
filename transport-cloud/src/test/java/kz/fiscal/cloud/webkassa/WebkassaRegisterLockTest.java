package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;
import kz.fiscal.testkit.FakeWebkassa;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver talks to its cashbox only while holding it in its {@link RegisterLock}, proving the hold before each send. */
class WebkassaRegisterLockTest {
  private final FakeWebkassa fake = FakeWebkassa.start();
  @TempDir
  Path directory;

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aDriverWhoseHoldIsLostSendsNothingAndTheCheckCertainlyDidNotReachTheProvider() {
    RegisterLock lost = new RegisterLock() {
      @Override
      public Held acquire(RegisterId register, Instant deadline) {
        return new Held() {
          @Override
          public RegisterId register() {
            return register;
          }

          @Override
          public long epoch() {
            return 7;
          }

          @Override
          public void requireHeld(Duration margin) throws DeliveryFailedException {
            throw new DeliveryFailedException("taken over at epoch 8 (margin " + margin + ")", null);
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public Duration lease() {
        return UNBOUNDED;
      }
    };
    try (WebkassaDriver driver = Receipts.driverFor(fake, fake.cashboxNumber()).registerLock(lost).build()) {
      DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> driver.register(
          IdempotencyKey.of("lost-1"), Receipts.sale("100.00"), Instant.now().plusSeconds(30)));
      assertEquals("taken over at epoch 8 (margin PT1M)", e.getMessage());
      assertEquals(0, fake.requests("/api/v4/check").size());
    }
  }

  @Test
  void twoDriversOfOneCashboxOnOneJdbcLockNeverTalkToItAtOnce() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("lock").toAbsolutePath() + ";WRITE_DELAY=0");
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    fake.processingDelay(Duration.ofMillis(5));
    TokenStore tokens = TokenStore.inMemory();
    List<WebkassaDriver> drivers = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      for (String node : List.of("node-1", "node-2")) {
        drivers.add(Receipts.driverFor(fake, fake.cashboxNumber()).tokenStore(tokens)
            .registerLock(RegisterLock.jdbc(pool, node, Duration.ofMinutes(3))).build());
      }
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        WebkassaDriver driver = drivers.get(i % 2);
        IdempotencyKey key = IdempotencyKey.of("locked-" + i);
        calls.add(callers.submit(() -> driver.register(key, Receipts.sale("100.00"), Instant.now().plusSeconds(60))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      assertEquals(40, fake.checks().size());
      assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()));
    } finally {
      callers.shutdownNow();
      drivers.forEach(WebkassaDriver::close);
      pool.dispose();
    }
  }
}
