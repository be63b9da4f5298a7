package kz.fiscal.testkit;

import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.spi.FiscalDriver;
import org.junit.jupiter.api.Nested;

class RecordingFiscalDriverContractTest {

  @Nested
  class ClosingExpiredShiftsItself extends RecordingContract {
    ClosingExpiredShiftsItself() {
      super(true);
    }
  }

  @Nested
  class RefusingExpiredShifts extends RecordingContract {
    RefusingExpiredShifts() {
      super(false);
    }
  }

  /** The contract's hooks on a recording register, with or without automatic shift closing. */
  abstract static class RecordingContract extends FiscalDriverContract {
    private final boolean autoCloseShift;
    private RecordingFiscalDriver register;

    RecordingContract(boolean autoCloseShift) {
      this.autoCloseShift = autoCloseShift;
    }

    @Override
    protected FiscalDriver createDriver() {
      register = RecordingFiscalDriver.builder().autoCloseShift(autoCloseShift).build();
      return register;
    }

    @Override
    protected void loseNextAnswer() {
      register.failNext(RecordingFiscalDriver.Fault.APPLY_THEN_UNKNOWN);
    }

    @Override
    protected void expireShift() {
      register.expireShift();
    }

    @Override
    protected void rejectNextReceipt() {
      register.failNext(RecordingFiscalDriver.Fault.REJECT);
    }

    @Override
    protected int ledgerCount(IdempotencyKey key) {
      return register.ledgerCount(key);
    }

    @Override
    protected boolean closesExpiredShift() {
      return autoCloseShift;
    }
  }
}
