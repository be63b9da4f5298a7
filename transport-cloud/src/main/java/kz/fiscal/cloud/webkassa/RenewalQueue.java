package kz.fiscal.cloud.webkassa;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalException;

/**
 * The renewals of one account in this process, queued one after another on a fair lock per account
 * while other accounts stay free; shared by the token stores. Thread-safe.
 */
final class RenewalQueue {
  private final Map<TokenStore.Account, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** What runs while the account's renewal is this caller's. */
  @FunctionalInterface
  interface Turn {
    String run() throws FiscalException;
  }

  /**
   * Runs {@code turn} once the account's earlier renewals in this process are done, waiting at most {@code wait}.
   *
   * @throws DeliveryFailedException if another renewal still runs after {@code wait}, or the thread is interrupted
   */
  String inTurn(TokenStore.Account account, Duration wait, Turn turn) throws FiscalException {
    ReentrantLock lock = locks.computeIfAbsent(account, a -> new ReentrantLock(true));
    try {
      if (!lock.tryLock(nanos(wait), TimeUnit.NANOSECONDS)) {
        throw new DeliveryFailedException("Another driver of this Webkassa account was still logging in after "
            + wait, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("Interrupted while another driver of this Webkassa account logs in", e);
    }
    try {
      return turn.run();
    } finally {
      lock.unlock();
    }
  }

  int accounts() {
    return locks.size();
  }

  /** {@code wait} in nanoseconds, 0 when negative, saturated when beyond what a long holds (292 years). */
  static long nanos(Duration wait) {
    try {
      return Math.max(0, wait.toNanos());
    } catch (ArithmeticException e) {
      return wait.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }
}
