package kz.fiscal.testkit.journal;

import java.nio.file.Path;
import java.time.Duration;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.testkit.ReceiptJournalContract;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on H2 in a file with {@code WRITE_DELAY=0}, the embedded choice for one process. */
class H2ReceiptJournalTest extends ReceiptJournalContract {
  @TempDir
  Path directory;
  private JdbcConnectionPool pool;

  @Override
  protected ReceiptJournal newJournal() throws Exception {
    pool = TestDatabases.h2File(directory);
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
