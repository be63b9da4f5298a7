package kz.fiscal.cloud.webkassa;

class ManualShiftWebkassaDriverContractTest extends WebkassaDriverContractTest {
  @Override
  protected boolean closesExpiredShift() {
    return false;
  }
}
