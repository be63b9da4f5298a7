package kz.fiscal.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The H2 file the journal's own schema and row tests run on; the journal contract itself runs in the
 * testkit ({@code ReceiptJournalContract}) on H2, PostgreSQL and in memory.
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
}
