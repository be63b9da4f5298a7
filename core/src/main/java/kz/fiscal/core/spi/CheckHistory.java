package kz.fiscal.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import kz.fiscal.core.FiscalException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Operation;
import kz.fiscal.core.Tenge;

/** Optional capability of a driver: the register's shifts and the checks of a shift, for reconciliation. */
public interface CheckHistory {

  /** The shifts opened since {@code since}, oldest first. */
  List<ShiftSummary> shifts(Instant since, Instant deadline) throws FiscalException;

  /** Streams the checks of shift {@code shiftNumber} to {@code sink}, in order, page by page. */
  void checks(long shiftNumber, Instant deadline, Consumer<CheckSummary> sink) throws FiscalException;

  /**
   * A check of a register's history.
   *
   * @param fiscalSign the fiscal sign
   * @param checkNumber the sequence number in the shift
   * @param shiftNumber the shift
   * @param dateTime when it was issued
   * @param operation its operation
   * @param total its total
   * @param offline whether it was made offline
   * @param key the idempotency key it was sent under, when the register stores it
   * @param verificationUrl the verification URL, when the provider gives it
   */
  public record CheckSummary(String fiscalSign, long checkNumber, long shiftNumber, OffsetDateTime dateTime,
      Operation operation, Tenge total, boolean offline, Optional<IdempotencyKey> key, Optional<String> verificationUrl) {
    public CheckSummary {
      Objects.requireNonNull(fiscalSign, "fiscalSign");
      Objects.requireNonNull(dateTime, "dateTime");
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(verificationUrl, "verificationUrl");
    }
  }

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
}
