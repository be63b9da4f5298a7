package kz.fiscal.core.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The database's clock as seen from here: the offset between {@code CURRENT_TIMESTAMP} and the local
 * clock, measured on first use and again every minute, so that every node stamps leases on one clock
 * without a round trip per statement. Instants are cut to microseconds, what the columns keep.
 */
public final class DatabaseClock {
  private static final Duration REMEASURE = Duration.ofMinutes(1);

  private final Clock local;
  private volatile long offsetNanos;
  private volatile Instant measuredAt = Instant.MIN;

  public DatabaseClock(Clock local) {
    this.local = local;
  }

  /** The database's current time, estimated; measures again on {@code connection} when due. */
  public Instant now(Connection connection) throws SQLException {
    Instant here = local.instant();
    if (here.isAfter(measuredAt.plus(REMEASURE)) || here.isBefore(measuredAt)) {
      measure(connection);
      here = local.instant();
    }
    return here.plusNanos(offsetNanos).truncatedTo(ChronoUnit.MICROS);
  }

  private void measure(Connection connection) throws SQLException {
    Instant before = local.instant();
    Instant database;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
      rows.next();
      database = rows.getObject(1, OffsetDateTime.class).toInstant();
    }
    Instant after = local.instant();
    Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
    offsetNanos = Duration.between(middle, database).toNanos();
    measuredAt = after;
  }
}
