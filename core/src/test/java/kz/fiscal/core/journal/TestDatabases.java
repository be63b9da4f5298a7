package kz.fiscal.core.journal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The real databases core's database tests run on: an H2 file per test, and the PostgreSQL that
 * {@code .ci/run} starts and names in {@code FISCAL_TEST_POSTGRES_URL} (skipped with a message without
 * it, failed under {@code CI=true}). The journal contract itself runs in the testkit.
 */
public final class TestDatabases {
  /** The environment variable holding the PostgreSQL JDBC URL, user and password included. */
  public static final String POSTGRES_URL = "FISCAL_TEST_POSTGRES_URL";

  private TestDatabases() {}

  /** A pooled H2 database in a new file under {@code directory}, with {@code WRITE_DELAY=0}. */
  public static JdbcConnectionPool h2File(Path directory) throws Exception {
    Files.createDirectories(directory);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0");
    return JdbcConnectionPool.create(h2);
  }

  /** The configured PostgreSQL's URL; fails the test under {@code CI=true} without one, else skips it. */
  public static String assumePostgres() {
    String url = System.getenv(POSTGRES_URL);
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(POSTGRES_URL + " is not set under CI=true: .ci/run must start PostgreSQL");
      }
      assumeTrue(false, "PostgreSQL tests skipped: set " + POSTGRES_URL
          + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) or run bash .ci/run");
    }
    return url;
  }

  /** A pool of {@code size} connections to the configured PostgreSQL. */
  public static JdbcConnectionPool postgres(int size) {
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(assumePostgres());
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(size);
    return pool;
  }
}
