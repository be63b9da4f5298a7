package kz.fiscal.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;

/**
 * {@link RegisterLock#inProcess()}: a fair lock per register, waited for until the deadline; holds
 * are never taken over, and each acquisition counts one epoch. Thread-safe.
 */
public final class InProcessRegisterLock implements RegisterLock {
  private final Map<RegisterId, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock(true);
    long epoch; // guarded by lock
  }

  @Override
  public Held acquire(RegisterId register, Instant deadline) throws DeliveryFailedException {
    Slot slot = slots.computeIfAbsent(register, r -> new Slot());
    try {
      if (!slot.lock.tryLock(Waiting.nanosUntil(deadline), TimeUnit.NANOSECONDS)) {
        throw new DeliveryFailedException("Cash register " + register + " stayed busy until the deadline", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("Interrupted while waiting for cash register " + register, e);
    }
    return new LocalHold(register, slot, ++slot.epoch);
  }

  @Override
  public Duration lease() {
    return UNBOUNDED;
  }

  @Override
  public String toString() {
    return "RegisterLock.inProcess[" + slots.size() + " registers]";
  }

  /** A hold of the in-process lock: never taken over, released by the thread that took it. */
  private static final class LocalHold extends RegisterHold {
    private final Slot slot;

    LocalHold(RegisterId register, Slot slot, long epoch) {
      super(register, epoch);
      this.slot = slot;
    }

    @Override
    void prove(Duration margin) {
      // held until released: nobody takes an in-process hold over
    }

    @Override
    void release() {
      slot.lock.unlock();
    }
  }
}
