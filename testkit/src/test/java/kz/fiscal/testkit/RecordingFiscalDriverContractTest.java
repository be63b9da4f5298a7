package kz.fiscal.testkit;

import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.spi.FiscalDriver;
import org.junit.jupiter.api.Nested;

class RecordingFiscalDriverContractTest {

  @Nested
  class ClosingExpiredShiftsItself extends FiscalDriverContract {
    private RecordingFiscalDriver register;

    @Override
    protected FiscalDriver createDriver() {
      register = RecordingFiscalDriver.create();
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
      return true;
    }
  }

  @Nested
  class RefusingExpiredShifts extends FiscalDriverContract {
    private RecordingFiscalDriver register;

    @Override
    protected FiscalDriver createDriver() {
      register = RecordingFiscalDriver.builder().autoCloseShift(false).build();
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
      return false;
    }
  }
}
