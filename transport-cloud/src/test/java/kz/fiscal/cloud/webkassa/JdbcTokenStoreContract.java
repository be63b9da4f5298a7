package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import kz.fiscal.core.DeliveryFailedException;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on a real database; two stores on one database stand for two processes sharing
 * one Webkassa login.
 */
abstract class JdbcTokenStoreContract extends TokenStoreContract {
  abstract DataSource dataSource() throws Exception;

  @Override
  TokenStore newStore() throws Exception {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS fiscal_webkassa_token");
    }
    return TokenStore.jdbc(dataSource());
  }

  /** Another process's store on the same database: the contract's concurrent renewals alternate between them. */
  @Override
  TokenStore sharing() throws Exception {
    return TokenStore.jdbc(dataSource());
  }

  @Test
  void aTokenOneProcessStoredIsTheOtherProcesssToken() throws Exception {
    TokenStore other = TokenStore.jdbc(dataSource());
    store.renew(SHOP, Optional.empty(), WAIT, this::login);

    assertEquals(Optional.of("t1"), other.token(SHOP));
    assertEquals("t1", other.renew(SHOP, Optional.empty(), WAIT, this::login));
    assertEquals(1, logins.get());
  }

  @Test
  void aProcessHoldingATokenTheOtherReplacedGetsTheNewOneWithoutLoggingIn() throws Exception {
    TokenStore other = TokenStore.jdbc(dataSource());
    store.renew(SHOP, Optional.empty(), WAIT, this::login);
    assertEquals(Optional.of("t1"), other.token(SHOP));
    store.renew(SHOP, Optional.of("t1"), WAIT, this::login);

    assertEquals(Optional.of("t1"), other.token(SHOP), "read once, kept until it fails");
    assertEquals("t2", other.renew(SHOP, Optional.of("t1"), WAIT, this::login));
    assertEquals(Optional.of("t2"), other.token(SHOP));
    assertEquals(2, logins.get());
  }

  @Test
  void aProcessGivesUpAfterItsWaitWhileAnotherProcessLogsIn() throws Exception {
    CountDownLatch loggingIn = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    Future<String> held = threads.submit(() -> store.renew(SHOP, Optional.empty(), WAIT, () -> {
      loggingIn.countDown();
      try {
        answer.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return login();
    }));
    loggingIn.await();
    TokenStore other = TokenStore.jdbc(dataSource());

    DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
        () -> other.renew(SHOP, Optional.empty(), java.time.Duration.ofMillis(200), this::login));

    assertEquals("Another process was still logging in to this Webkassa account after PT0.2S", e.getMessage());
    answer.countDown();
    assertEquals("t1", held.get());
    assertEquals("t1", other.renew(SHOP, Optional.empty(), WAIT, this::login));
    assertEquals(1, logins.get());
  }

  @Test
  void theTableHoldsTheTokenButNeitherThePasswordNorTheLogin() throws Exception {
    String password = "pw-secret-123";
    store.renew(SHOP, Optional.empty(), WAIT, () -> "token-for-" + password.length());

    String table = everyValue();
    assertTrue(table.contains("token-for-13"), table);
    assertFalse(table.contains(password) || table.contains(SHOP.login()) || table.contains("example.kz"), table);
  }

  private String everyValue() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM fiscal_webkassa_token")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          all.append(rows.getString(c)).append('|');
        }
      }
    }
    return all.toString();
  }
}
