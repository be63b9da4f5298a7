package kz.fiscal.cloud.webkassa;

import java.time.Duration;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.FiscalDriverContract;
import org.junit.jupiter.api.AfterEach;
import kz.fiscal.testkit.WebkassaFault;

/** The driver passes the suite every driver passes, against the testkit's Webkassa, both ways of shift handling. */
abstract class WebkassaDriverContractTest extends FiscalDriverContract {
  private FakeWebkassa fake;

  @Override
  protected FiscalDriver createDriver() {
    fake = FakeWebkassa.start();
    return Receipts.driverFor(fake).autoCloseShift(closesExpiredShift()).build();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Override
  protected void loseNextAnswer() {
    fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);
  }

  @Override
  protected void expireShift() {
    fake.advance(Duration.ofHours(25));
  }

  @Override
  protected void rejectNextReceipt() {
    fake.rejectNext(9, "Positions[0].PositionName: не найдено в НКТ");
  }

  @Override
  protected int ledgerCount(IdempotencyKey key) {
    return fake.checkCount(key.value());
  }
}
