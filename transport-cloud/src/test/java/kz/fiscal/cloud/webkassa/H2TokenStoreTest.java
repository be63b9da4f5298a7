package kz.fiscal.cloud.webkassa;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2TokenStoreTest extends JdbcTokenStoreContract {
  @TempDir
  Path directory;
  private JdbcConnectionPool pool;

  @Override
  DataSource dataSource() {
    if (pool == null) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + directory.resolve("tokens").toAbsolutePath() + ";WRITE_DELAY=0");
      pool = JdbcConnectionPool.create(h2);
    }
    return pool;
  }

  @AfterEach
  void closePool() {
    pool.dispose();
  }
}
