package kz.fiscal.core.spi;

import java.time.Instant;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Tenge;

/** Optional capability of a driver: cash put into or taken out of the register, idempotent by key. */
public interface CashOperations {

  /** Records cash put into the register; the same key never records twice. */
  CashMovement cashIn(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException;

  /** Records cash taken out of the register; the same key never records twice. */
  CashMovement cashOut(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException;
}
