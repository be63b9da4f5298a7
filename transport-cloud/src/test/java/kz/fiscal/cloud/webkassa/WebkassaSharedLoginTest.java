package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.testkit.FakeWebkassa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The drivers of one account's cashboxes share its login through one {@link TokenStore}: Webkassa
 * revokes older tokens on every Authorize, so drivers logging in for themselves would revoke each other.
 */
class WebkassaSharedLoginTest {
  private static final int ORDERS = 100;
  private static final int REVOKE_EVERY = 25;

  private final FakeWebkassa fake = Receipts.cashboxes(FakeWebkassa.builder(), 4).start();
  private final List<WebkassaDriver> drivers = new ArrayList<>();

  @AfterEach
  void stop() {
    drivers.forEach(WebkassaDriver::close);
    fake.close();
  }

  private List<WebkassaDriver> drivers(TokenStore shared) {
    for (String cashbox : fake.cashboxNumbers()) {
      WebkassaDriver.Builder builder = Receipts.driverFor(fake, cashbox);
      drivers.add((shared == null ? builder : builder.tokenStore(shared)).build());
    }
    return drivers;
  }

  private static FiscalResult sell(WebkassaDriver driver, String key) throws FiscalException {
    return driver.register(IdempotencyKey.of(key), Receipts.sale("100.00"), Instant.now().plus(Duration.ofSeconds(30)));
  }

  @Test
  void fourDriversOfOneAccountUnderRevokedTokensLogInOncePerRevocationAndNoOrderFails() throws Exception {
    List<WebkassaDriver> pool = drivers(TokenStore.inMemory());
    AtomicInteger done = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<Future<FiscalResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < ORDERS; i++) {
        WebkassaDriver driver = pool.get(i % pool.size());
        String key = "order-" + i;
        results.add(callers.submit(() -> {
          start.await();
          FiscalResult result = sell(driver, key);
          int finished = done.incrementAndGet();
          if (finished % REVOKE_EVERY == 0 && finished < ORDERS) {
            fake.expireTokens(); // while the other callers' requests are on the wire
          }
          return result;
        }));
      }
      start.countDown();
      for (Future<FiscalResult> result : results) {
        result.get(); // any order failing (a credentials error above all) fails the test here
      }
    } finally {
      callers.shutdownNow();
    }

    assertEquals(ORDERS, fake.checks().size());
    for (int i = 0; i < ORDERS; i++) {
      assertEquals(1, fake.checkCount("order-" + i));
    }
    assertEquals(1 + (ORDERS - 1) / REVOKE_EVERY, fake.authorizeCount(), "the first login and one per revocation");
    for (String cashbox : fake.cashboxNumbers()) {
      assertEquals(1, fake.maxConcurrentRequests(cashbox), cashbox);
    }
  }

  @Test
  void driversSharingAStoreTakeTurnsOnCashboxesWithOneLogin() throws FiscalException {
    List<WebkassaDriver> pool = drivers(TokenStore.inMemory());

    for (int round = 0; round < 2; round++) {
      for (WebkassaDriver driver : pool) {
        sell(driver, driver.info().registerId().number() + "-" + round);
      }
    }

    assertEquals(1, fake.authorizeCount());
    assertEquals(8, fake.checks().size());
  }

  @Test
  void driversWithStoresOfTheirOwnLogEachOtherOut() throws FiscalException {
    List<WebkassaDriver> pool = drivers(null);

    for (int round = 0; round < 2; round++) {
      for (WebkassaDriver driver : pool) {
        sell(driver, driver.info().registerId().number() + "-" + round);
      }
    }

    assertEquals(8, fake.authorizeCount(), "every call found its driver's token revoked by the driver before it");
    assertEquals(8, fake.checks().size());
  }
}
