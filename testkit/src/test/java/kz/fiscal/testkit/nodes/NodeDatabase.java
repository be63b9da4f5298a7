package kz.fiscal.testkit.nodes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The real PostgreSQL that {@code .ci/run} starts and names in {@code FISCAL_TEST_POSTGRES_URL}, as
 * several nodes see it: each node gets its own pool. The journal lives in a schema of its own, so these
 * tests never meet core's journal tests. Without the variable the tests are skipped with a message,
 * except under {@code CI=true}, where they fail (the rule of core's {@code TestDatabases}).
 */
final class NodeDatabase {
  static final String POSTGRES_URL = "FISCAL_TEST_POSTGRES_URL";

  private NodeDatabase() {}

  /** The configured URL; skips the test without one, fails it under {@code CI=true}. */
  static String assumePostgres() {
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

  /** A new pool of at most {@code size} connections whose journal tables live in {@code schema}. */
  static JdbcConnectionPool pool(String schema, int size) {
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(assumePostgres());
    postgres.setCurrentSchema(schema);
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(size);
    return pool;
  }

  /** Makes {@code schema} exist and empty, so the next journal in it starts from nothing. */
  static void emptySchema(String schema) throws SQLException {
    JdbcConnectionPool pool = pool("public", 1);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } finally {
      pool.dispose();
    }
  }
}
