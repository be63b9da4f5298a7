package kz.fiscal.core.spi;

import java.nio.file.Path;
import javax.sql.DataSource;
import kz.fiscal.core.journal.TestDatabases;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2RegisterLockTest extends JdbcRegisterLockContract {
  @TempDir
  Path directory;
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() throws Exception {
    if (pool == null) {
      pool = TestDatabases.h2File(directory);
    }
    return pool;
  }

  @AfterEach
  void closePool() {
    pool.dispose();
  }
}
