package kz.fiscal.cloud.webkassa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalException;

/**
 * {@link TokenStore#jdbc}: one row per account in {@code fiscal_webkassa_token} (created if absent),
 * keyed by a SHA-256 of the base URL and login and holding the token, never the password or the
 * login. A renewal takes the row's renewal lease by a conditional {@code UPDATE} on the database's
 * clock, so renewals of one account never overlap across processes; it logs in only while the failing
 * token is still the stored one, and stores the new token only where the failing one still stands
 * (compare-and-set). The last token read is kept in memory: a token another process replaced shows as
 * code 2, and the renewal that follows finds the stored one without logging in. Thread-safe.
 */
final class JdbcTokenStore implements TokenStore {
  static final String TABLE = "CREATE TABLE IF NOT EXISTS fiscal_webkassa_token ("
      + "account_id VARCHAR(64) NOT NULL PRIMARY KEY, "
      + "token VARCHAR(1000), "
      + "renewer VARCHAR(100), "
      + "renew_until TIMESTAMP WITH TIME ZONE, "
      + "renewed_at TIMESTAMP WITH TIME ZONE)";
  private static final long FIRST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LAST_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final DataSource dataSource;
  private final String renewer = UUID.randomUUID().toString();
  private final RenewalQueue renewals = new RenewalQueue();
  private final Map<Account, String> cached = new ConcurrentHashMap<>();
  private volatile boolean tableReady;

  JdbcTokenStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<String> token(Account account) {
    String known = cached.get(Objects.requireNonNull(account, "account"));
    if (known != null) {
      return Optional.of(known);
    }
    try (Connection connection = connection()) {
      Optional<String> stored = stored(connection, id(account));
      stored.ifPresent(token -> cached.put(account, token));
      return stored;
    } catch (SQLException e) {
      return Optional.empty(); // the renewal that follows reports the database's failure
    }
  }

  @Override
  public String renew(Account account, Optional<String> failed, Duration wait, Login login) throws FiscalException {
    Objects.requireNonNull(failed, "failed");
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(account, "account");
    Instant deadline = Instant.now().plusNanos(RenewalQueue.nanos(wait));
    return renewals.inTurn(account, wait, () -> {
      String id = id(account);
      try {
        takeRenewal(id, wait, deadline);
        try {
          return renewHeld(account, id, failed, login);
        } finally {
          releaseRenewal(id);
        }
      } catch (SQLException e) {
        throw new DeliveryFailedException("The Webkassa token store failed: " + e, e);
      }
    });
  }

  private String renewHeld(Account account, String id, Optional<String> failed, Login login)
      throws FiscalException, SQLException {
    Optional<String> stored;
    try (Connection connection = connection()) {
      stored = stored(connection, id);
    }
    if (stored.isPresent() && !stored.equals(failed)) {
      cached.put(account, stored.get());
      return stored.get(); // another driver, here or in another process, renewed it
    }
    String fresh = InMemoryTokenStore.requireToken(login.authorize());
    try (Connection connection = connection();
        PreparedStatement update = connection.prepareStatement("UPDATE fiscal_webkassa_token SET token = ?, "
            + "renewed_at = ? WHERE account_id = ? AND renewer = ? AND "
            + (stored.isPresent() ? "token = ?" : "token IS NULL"))) {
      update.setString(1, fresh);
      update.setObject(2, databaseNow(connection));
      update.setString(3, id);
      update.setString(4, renewer);
      if (stored.isPresent()) {
        update.setString(5, stored.get());
      }
      update.executeUpdate(); // 0 rows: this renewal's lease ran out and another stored a newer token
    }
    cached.put(account, fresh);
    return fresh;
  }

  /** Makes the row exist and takes its renewal lease, polling until {@code deadline}. */
  private void takeRenewal(String id, Duration wait, Instant deadline) throws SQLException, DeliveryFailedException {
    try (Connection connection = connection()) {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO fiscal_webkassa_token (account_id) VALUES (?)")) {
        insert.setString(1, id);
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
      }
      for (long pause = FIRST_POLL_NANOS; ; pause = Math.min(2 * pause, LAST_POLL_NANOS)) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE fiscal_webkassa_token SET renewer = ?, "
            + "renew_until = ? WHERE account_id = ? AND (renewer IS NULL OR renew_until < ?)")) {
          OffsetDateTime now = databaseNow(connection);
          update.setString(1, renewer);
          update.setObject(2, now.plusNanos(Math.max(RenewalQueue.nanos(wait), TimeUnit.SECONDS.toNanos(1))));
          update.setString(3, id);
          update.setObject(4, now);
          if (update.executeUpdate() == 1) {
            return;
          }
        }
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        if (left == 0) {
          throw new DeliveryFailedException("Another process was still logging in to this Webkassa account after "
              + wait, null);
        }
        try {
          TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DeliveryFailedException("Interrupted while another process logs in to this Webkassa account", e);
        }
      }
    }
  }

  private void releaseRenewal(String id) throws SQLException {
    try (Connection connection = connection();
        PreparedStatement update = connection.prepareStatement("UPDATE fiscal_webkassa_token SET renewer = NULL, "
            + "renew_until = NULL WHERE account_id = ? AND renewer = ?")) {
      update.setString(1, id);
      update.setString(2, renewer);
      update.executeUpdate();
    }
  }

  private static Optional<String> stored(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT token FROM fiscal_webkassa_token WHERE account_id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
      rows.next();
      return rows.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
  }

  private Connection connection() throws SQLException {
    Connection connection = dataSource.getConnection();
    if (!tableReady) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(TABLE);
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
          connection.close();
          throw e; // PostgreSQL may report a concurrent CREATE ... IF NOT EXISTS as a duplicate
        }
      }
      tableReady = true;
    }
    return connection;
  }

  /** The row's key: a SHA-256 of the base URL and login, so that the table names no login. */
  static String id(Account account) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest((account.baseUrl() + "\n" + account.login())
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Names no token, login or database credentials. */
  @Override
  public String toString() {
    return "TokenStore.jdbc[" + renewals.accounts() + " accounts renewed here]";
  }
}
