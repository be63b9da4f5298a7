package kz.fiscal.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;

/**
 * A driver that forwards every call to another; tests override the calls they want to break (throw a
 * fault, die after the register applied a check, count calls). Thread-safe if the delegate is.
 */
public class ForwardingFiscalDriver implements FiscalDriver {
  private final FiscalDriver delegate;

  public ForwardingFiscalDriver(FiscalDriver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The driver calls are forwarded to. */
  protected final FiscalDriver delegate() {
    return delegate;
  }

  @Override
  public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
    return delegate.register(key, receipt, deadline);
  }

  @Override
  public Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt, Instant deadline)
      throws FiscalException {
    return delegate.lookup(key, journaled, firstSentAt, deadline);
  }

  @Override
  public ShiftReport xReport() throws FiscalException {
    return delegate.xReport();
  }

  @Override
  public ShiftReport closeShift() throws FiscalException {
    return delegate.closeShift();
  }

  @Override
  public DriverInfo info() {
    return delegate.info();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
