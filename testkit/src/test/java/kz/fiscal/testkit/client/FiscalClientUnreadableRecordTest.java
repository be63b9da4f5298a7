package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One record the journal cannot read does not stop the recovery of every other paid order. */
class FiscalClientUnreadableRecordTest {
  @TempDir
  Path directory;
  private JdbcConnectionPool pool;

  @AfterEach
  void close() {
    if (pool != null) {
      pool.dispose();
    }
  }

  @Test
  void recoverySkipsAndCountsAnUnreadableRecordAndFinishesTheOthers() throws Exception {
    pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("journal") + ";WRITE_DELAY=0", "sa", "");
    ReceiptJournal journal = JdbcReceiptJournal.open(pool);
    RecordingFiscalDriver register = RecordingFiscalDriver.create();
    List<IdempotencyKey> keys = List.of(key("order-a"), key("order-broken"), key("order-c"));
    for (IdempotencyKey key : keys) {
      journal.begin(key, "digest-" + key.value(), sale("100.00"), "gone-node#1", Duration.ofMillis(1));
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement damage = connection.prepareStatement(
            "UPDATE fiscal_receipt SET receipt_json = '{\"v\":99}' WHERE idem_key = ?")) {
      damage.setString(1, "order-broken");
      damage.executeUpdate();
    }
    Thread.sleep(5);
    FiscalClient client = FiscalClient.builder().driver(register).journal(journal).build();

    RecoveryReport report = client.recover();

    assertEquals(new RecoveryReport(2, 2, 0, 0, 0, 1, 0, 0), report);
    assertEquals(ReceiptStatus.FISCALIZED, client.status(key("order-a")).orElseThrow().status());
    assertEquals(ReceiptStatus.FISCALIZED, client.status(key("order-c")).orElseThrow().status());
    assertEquals(0, register.ledgerCount(key("order-broken")));
  }
}
