package kz.fiscal.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.internal.DatabaseClock;
import kz.fiscal.core.internal.JournalSchema;
import kz.fiscal.core.internal.RecordCodec;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;

/**
 * A durable journal over any JDBC {@link DataSource}, in portable SQL.
 *
 * <ul>
 *   <li><b>H2 in a file</b> ({@code jdbc:h2:file:/var/lib/shop/fiscal;WRITE_DELAY=0}) is the embedded
 *       choice for <em>one</em> process: it survives a crash of the process, not a power loss, and a
 *       second process opening the same file is refused by H2's file lock. {@code WRITE_DELAY=0} is
 *       mandatory: by default H2 loses commits acknowledged in the last half second on {@code kill -9}.
 *       Not H2 2.5.252 either: after a crash it can reopen the file without its last commits, and a
 *       receipt fiscalized just before is then sent again; 2.3.232 keeps them (testkit's crash tests).</li>
 *   <li><b>PostgreSQL</b> is the engine when several processes or nodes share the work.</li>
 * </ul>
 *
 * <p>The schema is created on first use and migrated forward; a newer, unknown schema is refused.
 * Inserting a known key is a plain {@code INSERT} whose SQLState 23505 means "exists"; a claim is one
 * conditional {@code UPDATE} compared with the database's {@code CURRENT_TIMESTAMP}, and every lease
 * is stamped on the database's clock. {@link #beginSending} and {@link #applyAndRelease} are one
 * transaction each, so a fiscalization without trouble costs two commits. Use a connection pool in
 * production. Thread-safe.
 */
public final class JdbcReceiptJournal implements ReceiptJournal {
  private static final String COLUMNS = "idem_key, digest, receipt_json, status, attempts, result_json, error_kind, "
      + "error_code, error_message, error_at, first_sent_at, created_at, updated_at, lease_owner, lease_until, "
      + "row_version, register_id";
  private static final String PENDING = "('REQUESTED', 'SENT', 'IN_DOUBT')";

  private final DataSource dataSource;
  private final DatabaseClock clock;
  private final int fetchSize;

  private JdbcReceiptJournal(DataSource dataSource, Clock local, int fetchSize) {
    this.dataSource = dataSource;
    this.clock = new DatabaseClock(local);
    this.fetchSize = fetchSize;
  }

  /**
   * Opens the journal, creating or migrating its schema.
   *
   * @throws JournalException if the database cannot be reached
   * @throws IllegalStateException if its schema is newer than this SDK's
   */
  public static JdbcReceiptJournal open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    JdbcReceiptJournal journal = new JdbcReceiptJournal(dataSource, Clock.systemUTC(), 500);
    journal.migrate();
    return journal;
  }

  /** The schema version of the database, {@link JournalSchema#CURRENT} once opened. */
  public int schemaVersion() {
    try (Connection connection = dataSource.getConnection()) {
      return JournalSchema.version(connection);
    } catch (SQLException e) {
      throw failure("reading the schema version", e);
    }
  }

  private void migrate() {
    SQLException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        JournalSchema.migrate(connection);
        return;
      } catch (SQLException e) {
        last = e; // another node may be creating the schema right now
        pause(attempt);
      }
    }
    throw failure("creating the schema", last);
  }

  @Override
  public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
    return insertIfAbsent(key, digest, receipt, owner, lease, false, Optional.empty());
  }

  /** One transaction: the record inserted as {@code SENT} with both history entries. */
  @Override
  public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      Optional<RegisterId> register) {
    return insertIfAbsent(key, digest, receipt, owner, lease, true, register);
  }

  private Begin insertIfAbsent(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
      boolean sending, Optional<RegisterId> register) {
    String json = RecordCodec.writeReceipt(receipt);
    try (Connection connection = dataSource.getConnection()) {
      Transitions.Begun begun = Transitions.begun(key, digest, receipt, owner, clock.now(connection), lease, sending,
          register);
      connection.setAutoCommit(false);
      try {
        insert(connection, begun.record(), json);
        Rows.insertEntries(connection, begun.entries());
        connection.commit();
        Rows.remember(json, receipt);
        return new Begin(begun.record(), true);
      } catch (SQLException e) {
        connection.rollback();
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
      } finally {
        connection.setAutoCommit(true);
      }
      return new Begin(Rows.find(connection, key).orElseThrow(
          () -> new JournalException("Key " + key.value() + " reported as existing but not found", null)), false);
    } catch (SQLException e) {
      throw failure("beginning " + key.value(), e);
    }
  }

  @Override
  public Optional<ReceiptRecord> claim(IdempotencyKey key, String owner, Duration lease) {
    try (Connection connection = dataSource.getConnection()) {
      Instant now = clock.now(connection);
      try (PreparedStatement update = connection.prepareStatement("UPDATE fiscal_receipt SET lease_owner = ?, "
          + "lease_until = ?, row_version = row_version + 1 WHERE idem_key = ? AND (lease_owner IS NULL "
          + "OR lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)")) {
        update.setString(1, owner);
        Rows.setInstant(update, 2, now.plus(lease));
        update.setString(3, key.value());
        if (update.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      return Rows.find(connection, key);
    } catch (SQLException e) {
      throw failure("claiming " + key.value(), e);
    }
  }

  @Override
  public ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return apply(key, owner, expectedVersion, transition, lease, false);
  }

  /** One transaction: the transition and the release in a single {@code UPDATE}. */
  @Override
  public ReceiptRecord applyAndRelease(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease) {
    return apply(key, owner, expectedVersion, transition, lease, true);
  }

  private ReceiptRecord apply(IdempotencyKey key, String owner, long expectedVersion, Transition transition,
      Duration lease, boolean release) {
    try (Connection connection = dataSource.getConnection()) {
      // The clock is read outside the transaction: inside it, CURRENT_TIMESTAMP is the transaction's
      // start, which a wait for the row lock would make stale.
      Instant now = clock.now(connection);
      connection.setAutoCommit(false);
      try {
        // A plain read, not FOR UPDATE (which H2 parses anew on every call): the UPDATE below only
        // matches the row at expectedVersion, so a writer that moved it meanwhile makes it a lost lease.
        ReceiptRecord current = Rows.find(connection, key)
            .orElseThrow(() -> new LeaseLostException(key, "no such record"));
        Transitions.Applied applied = Transitions.applied(current, owner, expectedVersion, transition, now, lease,
            release);
        ReceiptRecord next = applied.record();
        String replacement = transition.replacement().isPresent() ? RecordCodec.writeReceipt(next.receipt()) : null;
        Rows.update(connection, next, expectedVersion, replacement);
        Rows.insertEntries(connection, List.of(applied.entry()));
        connection.commit();
        if (replacement != null) {
          Rows.remember(replacement, next.receipt());
        }
        return next;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("applying " + transition.to() + " to " + key.value(), e);
    }
  }

  @Override
  public void release(IdempotencyKey key, String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE fiscal_receipt SET lease_owner = NULL, "
            + "lease_until = NULL, row_version = row_version + 1 WHERE idem_key = ? AND lease_owner = ?")) {
      update.setString(1, key.value());
      update.setString(2, owner);
      update.executeUpdate();
    } catch (SQLException e) {
      throw failure("releasing " + key.value(), e);
    }
  }

  @Override
  public int erasePersonalData(Instant fiscalizedBefore) {
    try {
      return Erasure.inDatabase(dataSource, fiscalizedBefore);
    } catch (SQLException e) {
      throw failure("erasing personal data", e);
    }
  }

  @Override
  public Optional<ReceiptRecord> find(IdempotencyKey key) {
    try (Connection connection = dataSource.getConnection()) {
      return Rows.find(connection, key);
    } catch (SQLException e) {
      throw failure("reading " + key.value(), e);
    }
  }

  @Override
  public List<JournalEntry> history(IdempotencyKey key) {
    try (Connection connection = dataSource.getConnection()) {
      return Rows.history(connection, key);
    } catch (SQLException e) {
      throw failure("reading the history of " + key.value(), e);
    }
  }

  @Override
  public List<ReceiptRecord> findByStatus(ReceiptStatus status, int limit) {
    return list("SELECT " + COLUMNS + " FROM fiscal_receipt WHERE status = ? ORDER BY seq FETCH FIRST ? ROWS ONLY",
        status.name(), limit);
  }

  @Override
  public List<Pending> recoverable(long position, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT seq, idem_key, register_id FROM fiscal_receipt"
            + " WHERE seq > ? AND status IN " + PENDING + " AND (lease_owner IS NULL OR lease_until IS NULL"
            + " OR lease_until < CURRENT_TIMESTAMP) AND (error_kind IS NULL OR error_kind <> '"
            + RecordedError.Kind.KEY_COLLISION + "') ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
      select.setLong(1, position);
      select.setInt(2, limit);
      List<Pending> pending = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String register = rows.getString(3);
          pending.add(new Pending(IdempotencyKey.of(rows.getString(2)), rows.getLong(1),
              Optional.ofNullable(register).map(RegisterId::parse)));
        }
      }
      return pending;
    } catch (SQLException e) {
      throw failure("listing pending records", e);
    }
  }

  @Override
  public int releaseLeasesOf(String nodeId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE fiscal_receipt SET lease_owner = NULL, "
            + "lease_until = NULL, row_version = row_version + 1 WHERE lease_owner LIKE ? ESCAPE '!'")) {
      update.setString(1, nodeId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "#%");
      return update.executeUpdate();
    } catch (SQLException e) {
      throw failure("releasing the leases of " + nodeId, e);
    }
  }

  @Override
  public void forEach(ReceiptQuery query, Consumer<ReceiptRecord> sink) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM fiscal_receipt WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    query.status().ifPresent(s -> {
      sql.append(" AND status = ?");
      parameters.add(s.name());
    });
    query.createdFrom().ifPresent(t -> {
      sql.append(" AND created_at >= ?");
      parameters.add(t);
    });
    query.createdBefore().ifPresent(t -> {
      sql.append(" AND created_at < ?");
      parameters.add(t);
    });
    if (query.rnm().isPresent()) {
      sql.append(" AND rnm = ? AND shift_number = ?");
      parameters.add(query.rnm().get());
      parameters.add(query.shiftNumber().orElseThrow());
    }
    sql.append(" ORDER BY seq");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
        select.setFetchSize(fetchSize);
        for (int i = 0; i < parameters.size(); i++) {
          Object parameter = parameters.get(i);
          if (parameter instanceof Instant instant) {
            Rows.setInstant(select, i + 1, instant);
          } else {
            select.setObject(i + 1, parameter);
          }
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            sink.accept(Rows.record(rows));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("streaming " + query, e);
    }
  }

  private List<ReceiptRecord> list(String sql, String status, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      if (status != null) {
        select.setString(index++, status);
      }
      select.setInt(index, limit);
      List<ReceiptRecord> records = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(Rows.record(rows));
        }
      }
      return records;
    } catch (SQLException e) {
      throw failure("listing records", e);
    }
  }

  private static void insert(Connection connection, ReceiptRecord r, String receiptJson) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fiscal_receipt (" + COLUMNS
        + ") VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, r.key().value());
      insert.setString(2, r.digest());
      insert.setString(3, receiptJson);
      insert.setString(4, r.status().name());
      insert.setInt(5, r.attempts());
      Rows.setInstant(insert, 6, r.firstSentAt().orElse(null));
      Rows.setInstant(insert, 7, r.createdAt());
      Rows.setInstant(insert, 8, r.updatedAt());
      insert.setString(9, r.owner().orElseThrow());
      Rows.setInstant(insert, 10, r.leaseUntil().orElseThrow());
      insert.setLong(11, r.version());
      insert.setString(12, r.register().map(RegisterId::toString).orElse(null));
      insert.executeUpdate();
    }
  }

  private static JournalException failure(String what, SQLException e) {
    return new JournalException("Journal failed " + what + ": " + e.getMessage() + " (SQLState " + e.getSQLState()
        + ")", e);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String columns() {
    return COLUMNS;
  }
}
