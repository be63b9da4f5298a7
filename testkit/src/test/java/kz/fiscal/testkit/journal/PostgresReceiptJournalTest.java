package kz.fiscal.testkit.journal;

import java.time.Duration;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.testkit.ReceiptJournalContract;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;

/** The journal contract on the real PostgreSQL that {@code .ci/run} starts, the engine for several nodes. */
class PostgresReceiptJournalTest extends ReceiptJournalContract {
  private JdbcConnectionPool pool;

  @Override
  protected ReceiptJournal newJournal() throws Exception {
    pool = TestDatabases.postgres(16);
    TestDatabases.dropJournal(pool);
    return JdbcReceiptJournal.open(pool);
  }

  @Override
  protected void advanceClock(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.dispose();
    }
  }
}
