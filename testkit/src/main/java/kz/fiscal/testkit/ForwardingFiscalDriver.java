package kz.fiscal.testkit.client;

import java.time.Instant;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;

/** Forwards to another driver; tests override the calls they break. */
class DelegatingDriver implements FiscalDriver {
  private final FiscalDriver delegate;

  DelegatingDriver(FiscalDriver delegate) {
    this.delegate = delegate;
  }

  @Override
  public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
    return delegate.register(key, receipt, deadline);
  }

  @Override
  public Optional<FiscalResult> lookup(IdempotencyKey key, Instant firstSentAt, Instant deadline)
      throws FiscalException {
    return delegate.lookup(key, firstSentAt, deadline);
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
