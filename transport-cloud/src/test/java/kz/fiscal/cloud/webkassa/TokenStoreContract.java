package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store promises: one token per account, renewed by compare-and-set, renewals of an account queued. */
abstract class TokenStoreContract {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final TokenStore.Account SHOP = new TokenStore.Account("https://kkm.webkassa.kz/", "shop@example.kz");

  TokenStore store;
  final AtomicInteger logins = new AtomicInteger();
  final ExecutorService threads = Executors.newCachedThreadPool();

  /** A store of its own, empty. */
  abstract TokenStore newStore() throws Exception;

  /** A store that shares {@link #store}'s tokens: itself here, another process's store on a shared database. */
  TokenStore sharing() throws Exception {
    return store;
  }

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A login that issues t1, t2, … and counts itself. */
  String login() {
    return "t" + logins.incrementAndGet();
  }

  /** Waits inside a login, which may not throw InterruptedException. */
  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAccountHasNoTokenBeforeItsFirstLogin() {
    assertEquals(Optional.empty(), store.token(SHOP));
  }

  @Test
  void theFirstRenewalLogsInAndStoresTheToken() throws FiscalException {
    assertEquals("t1", store.renew(SHOP, Optional.empty(), WAIT, this::login));

    assertEquals(Optional.of("t1"), store.token(SHOP));
    assertEquals(1, logins.get());
  }

  @Test
  void renewingTheStoredTokenLogsInAgainAndReplacesIt() throws FiscalException {
    store.renew(SHOP, Optional.empty(), WAIT, this::login);

    assertEquals("t2", store.renew(SHOP, Optional.of("t1"), WAIT, this::login));

    assertEquals(Optional.of("t2"), store.token(SHOP));
    assertEquals(2, logins.get());
  }

  @Test
  void renewingATokenAnotherCallerAlreadyReplacedReturnsTheNewOneWithoutLoggingIn() throws FiscalException {
    store.renew(SHOP, Optional.empty(), WAIT, this::login);
    store.renew(SHOP, Optional.of("t1"), WAIT, this::login);

    assertEquals("t2", store.renew(SHOP, Optional.of("t1"), WAIT, this::login));

    assertEquals(2, logins.get());
  }

  @Test
  void aFirstRenewalAfterAnotherCallerLoggedInReturnsItsTokenWithoutLoggingIn() throws FiscalException {
    store.renew(SHOP, Optional.empty(), WAIT, this::login);

    assertEquals("t1", store.renew(SHOP, Optional.empty(), WAIT, this::login));

    assertEquals(1, logins.get());
  }

  @Test
  void accountsDifferingInLoginOrAddressKeepTokensOfTheirOwn() throws FiscalException {
    TokenStore.Account otherLogin = new TokenStore.Account(SHOP.baseUrl(), "other@example.kz");
    TokenStore.Account otherHost = new TokenStore.Account("https://devkkm.webkassa.kz/", SHOP.login());
    store.renew(SHOP, Optional.empty(), WAIT, this::login);

    assertEquals("t2", store.renew(otherLogin, Optional.empty(), WAIT, this::login));
    assertEquals("t3", store.renew(otherHost, Optional.empty(), WAIT, this::login));
    assertEquals("t4", store.renew(otherLogin, Optional.of("t2"), WAIT, this::login));

    assertEquals(Optional.of("t1"), store.token(SHOP));
    assertEquals(Optional.of("t4"), store.token(otherLogin));
    assertEquals(Optional.of("t3"), store.token(otherHost));
  }

  @Test
  void aRefusedLoginIsThrownAndLeavesTheStoredTokenAsItWas() throws FiscalException {
    store.renew(SHOP, Optional.empty(), WAIT, this::login);
    DeviceException refused = new DeviceException(DeviceException.Reason.CREDENTIALS, "1", "refused");

    DeviceException thrown = assertThrows(DeviceException.class, () -> store.renew(SHOP, Optional.of("t1"), WAIT, () -> {
      throw refused;
    }));

    assertSame(refused, thrown);
    assertEquals(Optional.of("t1"), store.token(SHOP));
  }

  @Test
  void manyCallersRenewingOneRevokedTokenCauseOneLogin() throws Exception {
    List<TokenStore> stores = List.of(store, sharing());
    store.renew(SHOP, Optional.empty(), WAIT, this::login);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> renewals = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      TokenStore caller = stores.get(i % 2);
      renewals.add(threads.submit(() -> {
        start.await();
        return caller.renew(SHOP, Optional.of("t1"), WAIT, this::login);
      }));
    }

    start.countDown();

    for (Future<String> renewal : renewals) {
      assertEquals("t2", renewal.get());
    }
    assertEquals(2, logins.get(), "the first login and one renewal");
  }

  /** A first login of {@link #SHOP} on another thread, held inside the login until {@code answer} opens. */
  private Future<String> loginHeldUntil(CountDownLatch answer) throws InterruptedException {
    CountDownLatch loggingIn = new CountDownLatch(1);
    Future<String> held = threads.submit(() -> store.renew(SHOP, Optional.empty(), WAIT, () -> {
      loggingIn.countDown();
      await(answer);
      return login();
    }));
    loggingIn.await();
    return held;
  }

  @Test
  void aRenewalGivesUpAfterItsWaitWhileAnotherOfTheAccountLogsIn() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    Future<String> held = loginHeldUntil(answer);

    assertThrows(DeliveryFailedException.class, () -> store.renew(SHOP, Optional.empty(), Duration.ZERO, this::login));

    answer.countDown();
    assertEquals("t1", held.get());
    assertEquals(1, logins.get());
  }

  @Test
  void anotherAccountIsNotHeldUpByALoginInProgress() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    Future<String> held = loginHeldUntil(answer);
    TokenStore.Account other = new TokenStore.Account(SHOP.baseUrl(), "other@example.kz");

    assertEquals("t1", store.renew(other, Optional.empty(), Duration.ZERO, this::login));

    answer.countDown();
    assertEquals("t2", held.get());
    assertEquals(Optional.of("t1"), store.token(other));
  }

  @Test
  void anAccountsTextWithholdsTheLogin() {
    assertEquals("Account[https://kkm.webkassa.kz/, login withheld]", SHOP.toString());
    assertFalse(store.toString().contains("shop@example.kz"));
  }
}
