package kz.fiscal.cloud.webkassa;

class AutoClosingWebkassaDriverContractTest extends WebkassaDriverContractTest {
  @Override
  protected boolean closesExpiredShift() {
    return true;
  }
}
