package kz.fiscal.core.spi;

import javax.sql.DataSource;
import kz.fiscal.core.journal.TestDatabases;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class PostgresRegisterLockTest extends JdbcRegisterLockContract {
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() {
    if (pool == null) {
      pool = TestDatabases.postgres(8);
    }
    return pool;
  }

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.dispose();
    }
  }
}
