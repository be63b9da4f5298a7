package kz.fiscal.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A row the JDBC journal cannot read — damaged by hand, or written by a newer SDK — is a
 * {@link JournalException} naming its key, and it does not hide the rows around it.
 */
class UnreadableRowTest {
  private static final IdempotencyKey BROKEN = IdempotencyKey.of("order-broken");
  private static final IdempotencyKey FINE = IdempotencyKey.of("order-fine");
  private static final Receipt RECEIPT = Receipt.sale(Seller.vatPayer("ТОО «Тест»", Xin.parse("150740001357"),
      "г. Алматы")).item("Чай", "1", "500.00", VatRate.SIXTEEN).payment(PaymentType.CARD, "500.00").build();

  @TempDir
  Path directory;
  private JdbcConnectionPool pool;
  private ReceiptJournal journal;

  @BeforeEach
  void open() throws Exception {
    pool = TestDatabases.h2File(directory);
    journal = JdbcReceiptJournal.open(pool);
    for (IdempotencyKey key : List.of(BROKEN, FINE)) {
      journal.begin(key, "digest", RECEIPT, "node#1", Duration.ofMillis(1));
    }
  }

  @AfterEach
  void close() {
    pool.dispose();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "receipt JSON cut short | receipt_json = SUBSTRING(receipt_json, 1, 20)",
      "unknown status         | status = 'LOST'",
      "format from the future | receipt_json = REPLACE(receipt_json, '{\"v\":1', '{\"v\":9')"})
  void anUnreadableRowIsAJournalExceptionNamingItsKeyAndLeavesTheOthersReadable(String damage, String assignment)
      throws Exception {
    try (Connection connection = pool.getConnection();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE fiscal_receipt SET " + assignment + " WHERE idem_key = ?")) {
      update.setString(1, BROKEN.value());
      assertEquals(1, update.executeUpdate());
    }
    Thread.sleep(5);

    JournalException e = assertThrows(JournalException.class, () -> journal.find(BROKEN));

    assertTrue(e.getMessage().contains(BROKEN.value()), e.getMessage());
    assertThrows(JournalException.class, () -> journal.claim(BROKEN, "node#2", Duration.ofMinutes(1)));
    assertEquals(FINE, journal.find(FINE).orElseThrow().key());
    assertTrue(journal.recoverable(0, 10).stream().anyMatch(p -> p.key().equals(FINE)), "listing keys reads no receipt");
  }
}
