package kz.fiscal.cloud.webkassa;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** Pools on the PostgreSQL of {@link kz.fiscal.testkit.TestPostgres}, which decides when a test skips or fails. */
public final class TestPostgres {
  private TestPostgres() {}

  /** The configured URL; see {@link kz.fiscal.testkit.TestPostgres#url()}. */
  public static String url() {
    return kz.fiscal.testkit.TestPostgres.url();
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
