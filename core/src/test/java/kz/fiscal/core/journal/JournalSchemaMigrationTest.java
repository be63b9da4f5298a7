package kz.fiscal.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.internal.JournalSchema;
import kz.fiscal.core.internal.ReceiptDigest;
import kz.fiscal.core.internal.RecordCodec;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;

class JournalSchemaMigrationTest {
  private static final Receipt SALE = Receipt.sale(Seller.vatPayer("ТОО", Xin.parse("150740001357"), "Алматы"))
      .operationTime(OffsetDateTime.parse("2026-03-01T09:30+05:00"))
      .item("Хлеб", "1", "250.00", VatRate.SIXTEEN)
      .payment(PaymentType.CARD, "250.00")
      .build();
  private static final FiscalResult CHECK = FiscalResult.builder().fiscalSign("1234567890").checkNumber(7)
      .shiftNumber(42).rnm("600300000001").dateTime(OffsetDateTime.parse("2026-03-01T09:31+05:00"))
      .total(Tenge.of("250.00")).ofd(new Ofd("Казахтелеком", 1, "consumer.oofd.kz")).build();

  @TempDir
  Path directory;
  private JdbcConnectionPool pool;

  @AfterEach
  void closePool() {
    pool.dispose();
  }

  @Test
  void aJournalWrittenByVersionOneIsMigratedAndKeepsWorking() throws Exception {
    pool = TestDatabases.h2File(directory);
    try (Connection connection = pool.getConnection()) {
      JournalSchema.createVersion1(connection);
      insertVersionOneRow(connection, "order-1");
    }

    JdbcReceiptJournal journal = JdbcReceiptJournal.open(pool);

    assertEquals(JournalSchema.CURRENT, journal.schemaVersion());
    ReceiptRecord old = journal.find(IdempotencyKey.of("order-1")).orElseThrow();
    assertEquals(ReceiptStatus.FISCALIZED, old.status());
    assertEquals(SALE, old.receipt());
    assertEquals(Optional.empty(), old.register(), "a record of before registers were recorded is unbound");
    List<ReceiptRecord> shift = new ArrayList<>();
    journal.forEach(ReceiptQuery.byShift("600300000001", 42), shift::add);
    assertEquals(List.of(old), shift, "the shift columns were filled from the stored result");
    assertTrue(journal.begin(IdempotencyKey.of("order-2"), ReceiptDigest.of(SALE), SALE, "node#1",
        Duration.ofMinutes(1)).created());
  }

  @Test
  void openingTwiceLeavesTheSchemaAsItIs() throws Exception {
    pool = TestDatabases.h2File(directory);
    JdbcReceiptJournal.open(pool).begin(IdempotencyKey.of("order-1"), ReceiptDigest.of(SALE), SALE, "node#1",
        Duration.ofMinutes(1));

    JdbcReceiptJournal again = JdbcReceiptJournal.open(pool);

    assertEquals(JournalSchema.CURRENT, again.schemaVersion());
    assertEquals(SALE, again.find(IdempotencyKey.of("order-1")).orElseThrow().receipt());
  }

  @Test
  void aFreshJournalLeavesNoErrorInH2sTraceFile() throws Exception {
    pool = TestDatabases.h2File(directory);

    assertEquals(JournalSchema.CURRENT, JdbcReceiptJournal.open(pool).schemaVersion());
    pool.dispose();

    assertEquals(List.of("journal.mv.db"), Files.list(directory).map(path -> path.getFileName().toString())
        .sorted().toList(), "H2 writes a .trace.db only for an error");
  }

  @Test
  void aSchemaNewerThanThisSdkIsRefused() throws Exception {
    pool = TestDatabases.h2File(directory);
    JdbcReceiptJournal.open(pool);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE fiscal_schema SET version = " + (JournalSchema.CURRENT + 1));
    }

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> JdbcReceiptJournal.open(pool));

    assertEquals("The journal's schema is version " + (JournalSchema.CURRENT + 1) + ", newer than this SDK's "
        + JournalSchema.CURRENT + ": upgrade the SDK, never write to a newer schema with an older one", e.getMessage());
  }

  private static void insertVersionOneRow(Connection connection, String key) throws Exception {
    Instant now = Instant.parse("2026-03-01T04:31:00Z");
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fiscal_receipt (idem_key, digest, "
        + "receipt_json, status, attempts, result_json, first_sent_at, created_at, updated_at, row_version) "
        + "VALUES (?, ?, ?, 'FISCALIZED', 1, ?, ?, ?, ?, 4)")) {
      insert.setString(1, key);
      insert.setString(2, ReceiptDigest.of(SALE));
      insert.setString(3, RecordCodec.writeReceipt(SALE));
      insert.setString(4, RecordCodec.writeResult(CHECK));
      for (int i = 5; i <= 7; i++) {
        insert.setObject(i, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      }
      insert.executeUpdate();
    }
  }
}
