package kz.fiscal.core.spi;

import java.time.Instant;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Tenge;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** Optional capability of a driver: cash put into or taken out of the register, idempotent by key. */
public interface CashOperations {

  /** Records cash put into the register; the same key never records twice. */
  CashMovement cashIn(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException;

  /** Records cash taken out of the register; the same key never records twice. */
  CashMovement cashOut(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException;

  /**
   * A recorded cash-in or cash-out.
   *
   * @param direction in or out
   * @param key the caller's key
   * @param amount the amount moved
   * @param dateTime when the register recorded it
   * @param cashInDrawer the cash in the register afterwards, when reported
   */
  public record CashMovement(Direction direction, IdempotencyKey key, Tenge amount, OffsetDateTime dateTime,
      Optional<Tenge> cashInDrawer) {

    /** Into or out of the register. */
    public enum Direction {
      IN, OUT
    }

    public CashMovement {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(dateTime, "dateTime");
      Objects.requireNonNull(cashInDrawer, "cashInDrawer");
    }
  }
}
