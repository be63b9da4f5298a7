package kz.fiscal.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;

/**
 * What every hold of a register lock shares: the register, the epoch, and a release that happens once.
 * Subclasses prove the hold and release it in their store.
 */
abstract class RegisterHold implements RegisterLock.Held {
  private final RegisterId register;
  private final long epoch;
  private final AtomicBoolean released = new AtomicBoolean();

  RegisterHold(RegisterId register, long epoch) {
    this.register = register;
    this.epoch = epoch;
  }

  @Override
  public final RegisterId register() {
    return register;
  }

  @Override
  public final long epoch() {
    return epoch;
  }

  /** Refuses a released hold, then lets the store prove it. */
  @Override
  public final void requireHeld(Duration margin) throws DeliveryFailedException {
    if (released.get()) {
      throw new DeliveryFailedException("The hold of cash register " + register + " was released", null);
    }
    prove(margin);
  }

  /** Releases the register the first time, from any thread; later calls do nothing. */
  @Override
  public final void close() {
    if (released.compareAndSet(false, true)) {
      release();
    }
  }

  /** @throws DeliveryFailedException if the store no longer gives this hold {@code margin} of lease */
  abstract void prove(Duration margin) throws DeliveryFailedException;

  /** Gives the register back in the store; never throws. */
  abstract void release();
}
