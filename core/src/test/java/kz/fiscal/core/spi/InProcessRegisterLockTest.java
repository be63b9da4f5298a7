package kz.fiscal.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InProcessRegisterLockTest extends RegisterLockContract {
  private final RegisterLock lock = RegisterLock.inProcess();

  @Override
  RegisterLock lock() {
    return lock;
  }

  @Override
  RegisterLock rival() {
    return lock;
  }

  @Test
  void holdsAreNeverTakenOver() {
    assertEquals(RegisterLock.UNBOUNDED, lock.lease());
  }
}
