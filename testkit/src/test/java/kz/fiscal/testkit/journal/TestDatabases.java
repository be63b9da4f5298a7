package kz.fiscal.testkit.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import kz.fiscal.testkit.TestPostgres;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The real databases the journal tests run on: an H2 file per test, and the PostgreSQL that
 * {@code .ci/run} starts and names in {@code FISCAL_TEST_POSTGRES_URL}. Without that variable the
 * PostgreSQL tests are skipped with a message, except under {@code CI=true}, where they fail.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A pooled H2 database in a new file under {@code directory}, with {@code WRITE_DELAY=0}. */
  public static JdbcConnectionPool h2File(Path directory) throws Exception {
    Files.createDirectories(directory);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0");
    return JdbcConnectionPool.create(h2);
  }

  /** The configured PostgreSQL's URL; see {@link TestPostgres#url()}. */
  public static String assumePostgres() {
    return TestPostgres.url();
  }

  /** A pool of {@code size} connections to the configured PostgreSQL. */
  public static JdbcConnectionPool postgres(int size) {
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(assumePostgres());
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(size);
    return pool;
  }

  /** Drops the journal's tables, so the next journal starts empty. */
  public static void dropJournal(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS fiscal_journal_entry");
      statement.execute("DROP TABLE IF EXISTS fiscal_receipt");
      statement.execute("DROP TABLE IF EXISTS fiscal_schema");
    }
  }
}
