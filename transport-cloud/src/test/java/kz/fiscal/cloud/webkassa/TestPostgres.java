package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The PostgreSQL that {@code .ci/run} starts and names in {@code FISCAL_TEST_POSTGRES_URL}. Without
 * the variable a test is skipped with a message, except under {@code CI=true}, where it fails (the rule
 * of core's {@code TestDatabases}).
 */
public final class TestPostgres {
  static final String POSTGRES_URL = "FISCAL_TEST_POSTGRES_URL";

  private TestPostgres() {}

  public static String url() {
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

  /** A pool of at most {@code size} connections. */
  public static JdbcConnectionPool pool(int size) {
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(url());
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(size);
    return pool;
  }
}
