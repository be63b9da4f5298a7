package kz.fiscal.core.spi;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A shift of a register's history.
 *
 * @param number the shift number
 * @param openedAt when it opened
 * @param closedAt when it closed; empty while open
 */
public record ShiftSummary(long number, OffsetDateTime openedAt, Optional<OffsetDateTime> closedAt) {
  public ShiftSummary {
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
