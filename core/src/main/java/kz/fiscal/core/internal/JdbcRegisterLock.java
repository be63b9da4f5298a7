package kz.fiscal.core.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;

/**
 * {@link RegisterLock#jdbc}: one row per register in {@code fiscal_register_lock} (created if absent),
 * holding the holder, its lease on the database's clock and the fencing epoch. A free or expired row
 * is taken by a conditional {@code UPDATE} that compares the epoch it read, and raises it by one; a
 * missing row by a plain {@code INSERT} whose SQLState 23505 means another took it first. Threads of
 * this process queue on an in-process lock first, so only one of them polls the database per register.
 * Thread-safe.
 */
public final class JdbcRegisterLock implements RegisterLock {
  private static final System.Logger LOG = System.getLogger(JdbcRegisterLock.class.getName());
  static final String TABLE = "CREATE TABLE IF NOT EXISTS fiscal_register_lock ("
      + "register_id VARCHAR(100) NOT NULL PRIMARY KEY, "
      + "owner VARCHAR(200), "
      + "epoch BIGINT NOT NULL, "
      + "lease_until TIMESTAMP WITH TIME ZONE, "
      + "acquired_at TIMESTAMP WITH TIME ZONE NOT NULL)";
  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LAST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final DataSource dataSource;
  private final String owner;
  private final Duration lease;
  private final DatabaseClock clock = new DatabaseClock(Clock.systemUTC());
  private final InProcessRegisterLock local = new InProcessRegisterLock();
  private volatile boolean tableReady;

  public JdbcRegisterLock(DataSource dataSource, String node, Duration lease) {
    this.dataSource = dataSource;
    this.owner = node + "/" + UUID.randomUUID();
    this.lease = lease;
  }

  @Override
  public Held acquire(RegisterId register, Instant deadline) throws DeliveryFailedException {
    Held inProcess = local.acquire(register, deadline);
    try {
      for (long pause = FIRST_POLL_NANOS; ; pause = Math.min(2 * pause, LAST_POLL_NANOS)) {
        Optional<Long> epoch = tryTake(register);
        if (epoch.isPresent()) {
          return new RowHold(register, epoch.get(), inProcess);
        }
        long left = Waiting.nanosUntil(deadline);
        if (left == 0) {
          throw new DeliveryFailedException("Cash register " + register
              + " stayed held by another process until the deadline", null);
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
      }
    } catch (InterruptedException e) {
      inProcess.close();
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("Interrupted while waiting for cash register " + register, e);
    } catch (SQLException e) {
      inProcess.close();
      throw new DeliveryFailedException("The register lock of " + register + " could not be taken: " + e, e);
    } catch (DeliveryFailedException | RuntimeException e) {
      inProcess.close();
      throw e;
    }
  }

  /** The new epoch when the register was free, expired or absent and is now this lock's. */
  private Optional<Long> tryTake(RegisterId register) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      createTable(connection);
      Instant now = clock.now(connection);
      Optional<Row> row = read(connection, register);
      if (row.isEmpty()) {
        return insert(connection, register, now) ? Optional.of(1L) : Optional.empty();
      }
      if (row.get().owner != null && !row.get().leaseUntil.isBefore(now)) {
        return Optional.empty();
      }
      long next = row.get().epoch + 1;
      try (PreparedStatement update = connection.prepareStatement("UPDATE fiscal_register_lock SET owner = ?, "
          + "epoch = ?, lease_until = ?, acquired_at = ? WHERE register_id = ? AND epoch = ?")) {
        update.setString(1, owner);
        update.setLong(2, next);
        update.setObject(3, utc(now.plus(lease)));
        update.setObject(4, utc(now));
        update.setString(5, register.toString());
        update.setLong(6, row.get().epoch);
        return update.executeUpdate() == 1 ? Optional.of(next) : Optional.empty();
      }
    }
  }

  private record Row(String owner, long epoch, Instant leaseUntil) {}

  private static Optional<Row> read(Connection connection, RegisterId register) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT owner, epoch, lease_until FROM fiscal_register_lock WHERE register_id = ?")) {
      select.setString(1, register.toString());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        OffsetDateTime until = rows.getObject(3, OffsetDateTime.class);
        return Optional.of(new Row(rows.getString(1), rows.getLong(2), until == null ? Instant.MIN : until.toInstant()));
      }
    }
  }

  private boolean insert(Connection connection, RegisterId register, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fiscal_register_lock "
        + "(register_id, owner, epoch, lease_until, acquired_at) VALUES (?, ?, 1, ?, ?)")) {
      insert.setString(1, register.toString());
      insert.setString(2, owner);
      insert.setObject(3, utc(now.plus(lease)));
      insert.setObject(4, utc(now));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false; // another process inserted the row first
      }
      throw e;
    }
  }

  private void createTable(Connection connection) throws SQLException {
    if (!tableReady) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(TABLE);
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
          throw e; // PostgreSQL may report a concurrent CREATE ... IF NOT EXISTS as a duplicate
        }
      }
      tableReady = true;
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Duration lease() {
    return lease;
  }

  @Override
  public String toString() {
    return "RegisterLock.jdbc[" + owner + ", lease " + lease + "]";
  }

  /** A hold of a lock row: proven and extended by epoch and owner, released by clearing the owner. */
  private final class RowHold extends RegisterHold {
    private final Held inProcess;

    RowHold(RegisterId register, long epoch, Held inProcess) {
      super(register, epoch);
      this.inProcess = inProcess;
    }

    /** Extends the lease by one conditional UPDATE that finds the row still this hold's, with margin left. */
    @Override
    void prove(Duration margin) throws DeliveryFailedException {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement update = connection.prepareStatement("UPDATE fiscal_register_lock SET lease_until = ? "
              + "WHERE register_id = ? AND owner = ? AND epoch = ? AND lease_until >= ?")) {
        Instant now = clock.now(connection);
        update.setObject(1, utc(now.plus(lease)));
        update.setString(2, register().toString());
        update.setString(3, owner);
        update.setLong(4, epoch());
        update.setObject(5, utc(now.plus(margin)));
        if (update.executeUpdate() != 1) {
          throw new DeliveryFailedException("Cash register " + register() + " is no longer held at epoch " + epoch()
              + " with " + margin + " of lease left: another process may have taken it over", null);
        }
      } catch (SQLException e) {
        throw new DeliveryFailedException("The hold of cash register " + register() + " could not be proven: " + e, e);
      }
    }

    @Override
    void release() {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement update = connection.prepareStatement("UPDATE fiscal_register_lock SET owner = NULL, "
              + "lease_until = NULL WHERE register_id = ? AND owner = ? AND epoch = ?")) {
        update.setString(1, register().toString());
        update.setString(2, owner);
        update.setLong(3, epoch());
        update.executeUpdate();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Releasing cash register {0} failed; its lease runs out instead: {1}", register(), e);
      } finally {
        inProcess.close();
      }
    }
  }
}
