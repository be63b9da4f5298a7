package kz.fiscal.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.internal.RecordCodec;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;

/** Maps journal rows to records and back for {@link JdbcReceiptJournal}. */
final class Rows {
  private static final int MAX_MESSAGE = 4000;
  private static final int MAX_CODE = 50;

  /**
   * Receipts recently written or read, by their exact JSON: a record is read back on every transition,
   * and decoding its receipt again was a tenth of the cost of a transition on H2. Bounded; content-keyed,
   * so it can never return another receipt.
   */
  private static final Map<String, Receipt> RECENT_RECEIPTS = new LinkedHashMap<>(512, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
      return size() > 256;
    }
  };

  private Rows() {}

  /** Keeps {@code receipt} as what {@code json} decodes to, so the record's next read skips decoding it. */
  static void remember(String json, Receipt receipt) {
    synchronized (RECENT_RECEIPTS) {
      RECENT_RECEIPTS.put(json, receipt);
    }
  }

  private static Receipt receipt(String json) {
    synchronized (RECENT_RECEIPTS) {
      Receipt known = RECENT_RECEIPTS.get(json);
      if (known != null) {
        return known;
      }
    }
    Receipt receipt = RecordCodec.readReceipt(json);
    remember(json, receipt);
    return receipt;
  }

  static Optional<ReceiptRecord> find(Connection connection, IdempotencyKey key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + JdbcReceiptJournal.columns() + " FROM fiscal_receipt WHERE idem_key = ?")) {
      select.setString(1, key.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(record(rows)) : Optional.empty();
      }
    }
  }

  /**
   * The record at the cursor, whose columns are {@link JdbcReceiptJournal#columns()} in order.
   *
   * @throws JournalException naming the key if the row cannot be read (bad JSON, an unknown status, a
   *     format version from the future)
   */
  static ReceiptRecord record(ResultSet rows) throws SQLException {
    String key = rows.getString(1);
    try {
      return decode(rows);
    } catch (RuntimeException e) {
      throw new JournalException("The journal's record of key " + key + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static ReceiptRecord decode(ResultSet rows) throws SQLException {
    String resultJson = rows.getString(6);
    Optional<RecordedError> error = error(rows, 7);
    return new ReceiptRecord(
        IdempotencyKey.of(rows.getString(1)),
        rows.getString(2),
        receipt(rows.getString(3)),
        ReceiptStatus.valueOf(rows.getString(4)),
        rows.getInt(5),
        resultJson == null ? Optional.empty() : Optional.of(RecordCodec.readResult(resultJson)),
        error,
        Optional.ofNullable(instant(rows, 11)),
        instant(rows, 12),
        instant(rows, 13),
        Optional.ofNullable(rows.getString(14)),
        Optional.ofNullable(instant(rows, 15)),
        rows.getLong(16),
        Optional.ofNullable(rows.getString(17)).map(RegisterId::parse));
  }

  /**
   * Writes {@code next} over the row at {@code expectedVersion}; the receipt column only when a
   * corrected receipt replaced it.
   *
   * @throws LeaseLostException if the row moved on meanwhile
   */
  static void update(Connection connection, ReceiptRecord next, long expectedVersion, String receiptJson)
      throws SQLException {
    String sql = "UPDATE fiscal_receipt SET digest = ?, status = ?, attempts = ?, result_json = ?, rnm = ?, "
        + "shift_number = ?, error_kind = ?, error_code = ?, error_message = ?, error_at = ?, first_sent_at = ?, "
        + "updated_at = ?, lease_owner = ?, lease_until = ?, row_version = ?, register_id = ?"
        + (receiptJson == null ? "" : ", receipt_json = ?") + " WHERE idem_key = ? AND row_version = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      Optional<FiscalResult> result = next.result();
      update.setString(1, next.digest());
      update.setString(2, next.status().name());
      update.setInt(3, next.attempts());
      update.setString(4, result.map(RecordCodec::writeResult).orElse(null));
      update.setString(5, result.map(FiscalResult::rnm).orElse(null));
      if (result.isPresent()) {
        update.setLong(6, result.get().shiftNumber());
      } else {
        update.setNull(6, Types.BIGINT);
      }
      setError(update, 7, next.lastError());
      setInstant(update, 11, next.firstSentAt().orElse(null));
      setInstant(update, 12, next.updatedAt());
      update.setString(13, next.owner().orElse(null));
      setInstant(update, 14, next.leaseUntil().orElse(null));
      update.setLong(15, next.version());
      update.setString(16, next.register().map(RegisterId::toString).orElse(null));
      int index = 17;
      if (receiptJson != null) {
        update.setString(index++, receiptJson);
      }
      update.setString(index++, next.key().value());
      update.setLong(index, expectedVersion);
      if (update.executeUpdate() != 1) {
        throw new LeaseLostException(next.key(), "the record moved past version " + expectedVersion);
      }
    }
  }

  /** Appends {@code entries}, in order, with one statement. */
  static void insertEntries(Connection connection, List<JournalEntry> entries) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO fiscal_journal_entry (idem_key, from_status, to_status, "
        + "attempt, entry_at, entry_owner, error_kind, error_code, error_message, error_at) VALUES ");
    for (int i = 0; i < entries.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int index = 0;
      for (JournalEntry entry : entries) {
        insert.setString(index + 1, entry.key().value());
        insert.setString(index + 2, entry.from().map(Enum::name).orElse(null));
        insert.setString(index + 3, entry.to().name());
        insert.setInt(index + 4, entry.attempt());
        setInstant(insert, index + 5, entry.at());
        insert.setString(index + 6, entry.owner());
        setError(insert, index + 7, entry.error());
        index += 10;
      }
      insert.executeUpdate();
    }
  }

  static List<JournalEntry> history(Connection connection, IdempotencyKey key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT from_status, to_status, attempt, entry_at, "
        + "entry_owner, error_kind, error_code, error_message, error_at FROM fiscal_journal_entry "
        + "WHERE idem_key = ? ORDER BY seq")) {
      select.setString(1, key.value());
      List<JournalEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String from = rows.getString(1);
          entries.add(new JournalEntry(key, Optional.ofNullable(from).map(ReceiptStatus::valueOf),
              ReceiptStatus.valueOf(rows.getString(2)), rows.getInt(3), instant(rows, 4), rows.getString(5),
              error(rows, 6)));
        }
      }
      return entries;
    }
  }

  /** Four columns from {@code index}: kind, code, message, time. */
  /** The error in columns {@code index} (kind) to {@code index + 3} (time), the mirror of {@link #setError}. */
  private static Optional<RecordedError> error(ResultSet rows, int index) throws SQLException {
    String kind = rows.getString(index);
    return kind == null ? Optional.empty() : Optional.of(new RecordedError(RecordedError.Kind.valueOf(kind),
        rows.getString(index + 1), rows.getString(index + 2), instant(rows, index + 3)));
  }

  private static void setError(PreparedStatement statement, int index, Optional<RecordedError> error)
      throws SQLException {
    statement.setString(index, error.map(e -> e.kind().name()).orElse(null));
    statement.setString(index + 1, error.map(e -> cut(e.code(), MAX_CODE)).orElse(null));
    statement.setString(index + 2, error.map(e -> cut(e.message(), MAX_MESSAGE)).orElse(null));
    setInstant(statement, index + 3, error.map(RecordedError::at).orElse(null));
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
