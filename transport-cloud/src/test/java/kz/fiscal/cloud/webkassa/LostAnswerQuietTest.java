package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request whose answer the driver gave up on may still be at work at the provider, and the spec
 * wants one request per cash register at a time: the driver tells its caller at once, and keeps the
 * register to itself for {@code quietAfterLostAnswer} before it sends the next request there.
 */
class LostAnswerQuietTest {
  /** Long enough that an answer the fake does not hold is read in time however loaded the machine. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration HELD = READ_TIMEOUT.multipliedBy(2);
  private final FakeWebkassa fake = FakeWebkassa.start();

  @AfterEach
  void stop() {
    fake.close();
  }

  private WebkassaDriver driver(Duration quiet) {
    fake.delayResponses(HELD);
    return Receipts.driverFor(fake).readTimeout(READ_TIMEOUT).quietAfterLostAnswer(quiet).build();
  }

  private static Instant in(Duration d) {
    return Instant.now().plus(d);
  }

  @Test
  void theNextRequestToTheRegisterWaitsUntilTheHeldOneIsOverSoTheProviderNeverServesTwo() throws Exception {
    try (WebkassaDriver driver = driver(HELD.multipliedBy(2))) {
      fake.failNext(WebkassaFault.DELAY_AFTER_COMMIT);
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("held"), Receipts.sale("100.00"), in(Duration.ofSeconds(20))));

      FiscalResult next = driver.register(IdempotencyKey.of("next"), Receipts.sale("200.00"), in(Duration.ofSeconds(20)));

      assertEquals(fake.check("next").orElseThrow().fiscalSign(), next.fiscalSign().orElseThrow());
      assertEquals(1, fake.checkCount("held"), "the held request made its check");
      assertEquals(1, fake.maxConcurrentRequests(fake.cashboxNumber()));
    }
  }

  @Test
  void withoutAQuietTheNextRequestMeetsTheHeldOneAtTheProvider() throws Exception {
    try (WebkassaDriver driver = driver(Duration.ZERO)) {
      fake.delayResponses(HELD.multipliedBy(3)); // long enough to be met however slow the machine
      fake.failNext(WebkassaFault.DELAY_AFTER_COMMIT);
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("held"), Receipts.sale("100.00"), in(Duration.ofSeconds(20))));

      driver.register(IdempotencyKey.of("next"), Receipts.sale("200.00"), in(Duration.ofSeconds(20)));

      assertEquals(2, fake.maxConcurrentRequests(fake.cashboxNumber()), "what the quiet prevents");
    }
  }

  @Test
  void aCallerWhoseDeadlineEndsWithinTheQuietIsToldNothingWasSent() throws Exception {
    try (WebkassaDriver driver = driver(Duration.ofSeconds(10))) {
      fake.failNext(WebkassaFault.DELAY_AFTER_COMMIT);
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("held"), Receipts.sale("100.00"), in(Duration.ofSeconds(20))));

      assertThrows(DeliveryFailedException.class,
          () -> driver.register(IdempotencyKey.of("next"), Receipts.sale("200.00"), in(Duration.ofMillis(300))));

      assertTrue(fake.check("next").isEmpty());
      assertEquals(1, fake.requests("/api/v4/check").size(), "only the held request reached the provider");
    }
  }

  @Test
  void aDroppedConnectionAfterTheRequestWentOutKeepsTheRegisterQuietToo() throws Exception {
    try (WebkassaDriver driver = driver(Duration.ofSeconds(10))) {
      fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("dropped"), Receipts.sale("100.00"), in(Duration.ofSeconds(20))));

      assertThrows(DeliveryFailedException.class,
          () -> driver.register(IdempotencyKey.of("next"), Receipts.sale("200.00"), in(Duration.ofMillis(300))));
    }
  }

  @Test
  void anAnsweredRequestLeavesTheRegisterFreeAtOnce() throws Exception {
    try (WebkassaDriver driver = driver(Duration.ofSeconds(30))) {
      fake.failNext(WebkassaFault.SERVER_ERROR_AFTER_COMMIT); // answered, if badly: the provider is done
      assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("answered"), Receipts.sale("100.00"), in(Duration.ofSeconds(20))));

      FiscalResult next = driver.register(IdempotencyKey.of("next"), Receipts.sale("200.00"), in(Duration.ofSeconds(5)));

      assertEquals(fake.check("next").orElseThrow().fiscalSign(), next.fiscalSign().orElseThrow());
    }
  }
}
