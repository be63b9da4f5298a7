package kz.fiscal.cloud.webkassa;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalException;

/**
 * {@link TokenStore#inMemory()}: one slot per account, each with its own lock, so that renewals of one
 * account queue while other accounts stay free. Reading a token takes no lock. Thread-safe.
 */
final class InMemoryTokenStore implements TokenStore {
  private final Map<Account, Slot> slots = new ConcurrentHashMap<>();

  /** One account's token and the lock its renewals queue on. */
  private static final class Slot {
    final ReentrantLock renewing = new ReentrantLock(true);
    volatile String token;
  }

  @Override
  public Optional<String> token(Account account) {
    Slot slot = slots.get(account);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.token);
  }

  @Override
  public String renew(Account account, Optional<String> failed, Duration wait, Login login) throws FiscalException {
    Objects.requireNonNull(failed, "failed");
    Objects.requireNonNull(login, "login");
    Slot slot = slots.computeIfAbsent(Objects.requireNonNull(account, "account"), a -> new Slot());
    lock(slot, wait);
    try {
      String stored = slot.token;
      if (stored != null && !failed.map(stored::equals).orElse(false)) {
        return stored; // renewed by another caller since this one read it
      }
      String fresh = login.authorize();
      if (fresh == null || fresh.isEmpty()) {
        throw new IllegalStateException("a login returned no token");
      }
      slot.token = fresh;
      return fresh;
    } finally {
      slot.renewing.unlock();
    }
  }

  private static void lock(Slot slot, Duration wait) throws DeliveryFailedException {
    try {
      if (!slot.renewing.tryLock(nanos(wait), TimeUnit.NANOSECONDS)) {
        throw new DeliveryFailedException("Another driver of this Webkassa account was still logging in after "
            + wait, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("Interrupted while another driver of this Webkassa account logs in", e);
    }
  }

  /** {@code wait} in nanoseconds, 0 when negative, saturated when beyond what a long holds (292 years). */
  private static long nanos(Duration wait) {
    try {
      return Math.max(0, wait.toNanos());
    } catch (ArithmeticException e) {
      return wait.isNegative() ? 0 : Long.MAX_VALUE;
    }
  }

  /** Names the accounts it holds a token for; never a token or a login. */
  @Override
  public String toString() {
    return "TokenStore.inMemory[" + slots.size() + " accounts]";
  }
}
