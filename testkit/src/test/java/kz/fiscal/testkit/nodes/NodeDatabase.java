package kz.fiscal.testkit.nodes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import kz.fiscal.testkit.journal.TestDatabases;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The real PostgreSQL that {@code .ci/run} starts and names in {@code FISCAL_TEST_POSTGRES_URL}, as
 * several nodes see it: each node gets its own pool. The journal lives in a schema of its own, so these
 * tests never meet core's journal tests. Without the variable the tests are skipped with a message,
 * except under {@code CI=true}, where they fail (the rule of core's {@code TestDatabases}).
 */
final class NodeDatabase {
  private NodeDatabase() {}

  /** The configured URL; skips the test without one, fails it under {@code CI=true}. */
  static String assumePostgres() {
    return TestDatabases.assumePostgres();
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
