package kz.fiscal.cloud.webkassa;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

class PostgresTokenStoreTest extends JdbcTokenStoreContract {
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() {
    if (pool == null) {
      pool = TestPostgres.pool(8);
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
