package kz.fiscal.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import kz.fiscal.core.DeliveryFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC lock on a real database: two instances on one database stand for two processes. */
abstract class JdbcRegisterLockContract extends RegisterLockContract {
  private RegisterLock lock;
  private RegisterLock rival;

  abstract DataSource dataSource() throws Exception;

  @BeforeEach
  void freshTable() throws Exception {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS fiscal_register_lock");
    }
    lock = RegisterLock.jdbc(dataSource(), "node-1", Duration.ofSeconds(30));
    rival = RegisterLock.jdbc(dataSource(), "node-2", Duration.ofSeconds(30));
  }

  @Override
  RegisterLock lock() {
    return lock;
  }

  @Override
  RegisterLock rival() {
    return rival;
  }

  @Test
  void anExpiredHoldIsTakenOverWithTheNextEpochAndTheOldHolderCanNoLongerProveIt() throws Exception {
    RegisterLock shortLived = RegisterLock.jdbc(dataSource(), "node-paused", Duration.ofSeconds(1));
    RegisterLock.Held old = shortLived.acquire(A, in(Duration.ofSeconds(5)));
    try (RegisterLock.Held taken = rival.acquire(A, in(Duration.ofSeconds(30)))) {
      assertEquals(old.epoch() + 1, taken.epoch());
      DeliveryFailedException lost = assertThrows(DeliveryFailedException.class, () -> old.requireHeld(Duration.ZERO));
      assertTrue(lost.getMessage().contains("no longer held at epoch " + old.epoch()), lost.getMessage());
      old.close(); // must not release the new holder's row
      taken.requireHeld(Duration.ofSeconds(20));
      assertEquals("node-2", ownerNode());
    }
  }

  @Test
  void aHoldWithLessLeaseLeftThanTheMarginMaySendNothing() throws Exception {
    try (RegisterLock.Held held = lock.acquire(A, in(Duration.ofSeconds(30)))) {
      held.requireHeld(Duration.ofSeconds(29));
      assertThrows(DeliveryFailedException.class, () -> held.requireHeld(Duration.ofSeconds(31)));
    }
  }

  @Test
  void provingAHoldExtendsItsLease() throws Exception {
    RegisterLock shortLived = RegisterLock.jdbc(dataSource(), "node-busy", Duration.ofSeconds(1));
    try (RegisterLock.Held held = shortLived.acquire(A, in(Duration.ofSeconds(5)))) {
      for (int i = 0; i < 6; i++) {
        Thread.sleep(300); // 1.8 s in all: longer than the lease, which each proof renews
        held.requireHeld(Duration.ofMillis(100));
      }
      assertThrows(DeliveryFailedException.class, () -> rival.acquire(A, in(Duration.ofMillis(100))));
    }
  }

  @Test
  void aBlankNodeOrALeaseUnderASecondIsRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> RegisterLock.jdbc(dataSource(), " ", Duration.ofSeconds(5)));
    assertThrows(IllegalArgumentException.class, () -> RegisterLock.jdbc(dataSource(), "n", Duration.ofMillis(999)));
  }

  private String ownerNode() throws Exception {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT owner FROM fiscal_register_lock WHERE register_id = '" + A + "'")) {
      rows.next();
      return rows.getString(1).substring(0, rows.getString(1).indexOf('/'));
    }
  }
}
