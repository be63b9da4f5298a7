package kz.fiscal.testkit.client;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.testkit.ForwardingFiscalDriver;

/** A register whose checks wait, once a call is inside, until the test lets them through (at most 10 s). */
final class HeldRegister extends ForwardingFiscalDriver {
  private final CountDownLatch inside = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  HeldRegister(FiscalDriver delegate) {
    super(delegate);
  }

  @Override
  public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
    inside.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return super.register(key, receipt, deadline);
  }

  /** Whether a call got inside within 10 s. */
  boolean awaitInside() throws InterruptedException {
    return inside.await(10, TimeUnit.SECONDS);
  }

  /** Lets every held and later call through. */
  void release() {
    release.countDown();
  }
}
