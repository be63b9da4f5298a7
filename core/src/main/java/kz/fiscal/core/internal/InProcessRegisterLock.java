package kz.fiscal.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;

/**
 * {@link RegisterLock#inProcess()}: a fair one-permit semaphore per register, waited for until the
 * deadline; holds are never taken over, and each acquisition counts one epoch. Any thread may release
 * a hold (a driver may keep its register reserved past its caller's return). Thread-safe.
 */
public final class InProcessRegisterLock implements RegisterLock {
  private final Map<RegisterId, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final Semaphore permit = new Semaphore(1, true);
    long epoch; // guarded by permit
  }

  @Override
  public Held acquire(RegisterId register, Instant deadline) throws DeliveryFailedException {
    Slot slot = slots.computeIfAbsent(register, r -> new Slot());
    try {
      if (!slot.permit.tryAcquire(Waiting.nanosUntil(deadline), TimeUnit.NANOSECONDS)) {
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

  /** A hold of the in-process lock: never taken over, released once by any thread. */
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
      slot.permit.release();
    }
  }
}
