package kz.fiscal.core.spi;

import java.time.Instant;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;

/**
 * One cash register, cloud or device. Implementations are thread-safe and send one request at a time
 * to their register; they map every failure into a {@link FiscalException} subtype (never leaking
 * transport exceptions), recover their own protocol conditions (token expiry; an expired shift when
 * auto-close is on), bound their waiting by the {@code deadline} given, and never retry an unknown
 * outcome on their own: {@code FiscalClient} owns retries.
 */
public interface FiscalDriver extends AutoCloseable {

  /**
   * Fiscalizes {@code receipt} under {@code key}; sending the same key again never makes a second check.
   *
   * @throws kz.fiscal.core.OutcomeUnknownException when the check may exist; resolve with {@link #lookup}
   */
  FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException;

  /**
   * Finds the check fiscalized under {@code key}, searching from {@code firstSentAt}. Empty means:
   * certainly never fiscalized. Any doubt throws {@link kz.fiscal.core.OutcomeUnknownException}.
   * A lookup relies only on what the provider promises in its answers: what the answer lacks (e.g. the
   * total) comes from {@code journaled}, the receipt sent under the key, and what it carries is checked
   * against it; a found check that is not this receipt's throws an unknown outcome with reason
   * {@link kz.fiscal.core.OutcomeUnknownException.Reason#KEY_COLLISION KEY_COLLISION}.
   */
  Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt, Instant deadline)
      throws FiscalException;

  /** Reads the current shift's totals without closing it. */
  ShiftReport xReport() throws FiscalException;

  /** Closes the shift (Z-report) and returns its totals. */
  ShiftReport closeShift() throws FiscalException;

  /** The driver's name, register identifiers and capabilities. */
  DriverInfo info();

  /** Releases the connection or port; never throws. */
  @Override
  void close();
}
