package kz.fiscal.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RegisterLock} promises. {@link #lock()} and {@link #rival()} stand for two holders
 * that must exclude each other: two threads of one process, or two processes on one database.
 */
abstract class RegisterLockContract {
  static final RegisterId A = RegisterId.of("webkassa", "SWK-A");
  static final RegisterId B = RegisterId.of("webkassa", "SWK-B");
  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** The lock under test. */
  abstract RegisterLock lock();

  /** A lock that contends with {@link #lock()} for the same registers. */
  abstract RegisterLock rival();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  static Instant in(Duration d) {
    return Instant.now().plus(d);
  }

  @Test
  void aHoldReleasedByAnotherThreadLetsTheNextHolderInAndOnlyOnce() throws Exception {
    RegisterLock.Held first = lock().acquire(A, in(Duration.ofSeconds(30)));
    threads.submit(first::close).get(30, TimeUnit.SECONDS);
    first.close(); // a second release of the same hold gives nothing more away
    try (RegisterLock.Held second = rival().acquire(A, in(Duration.ofSeconds(30)))) {
      second.requireHeld(Duration.ZERO);
      assertThrows(DeliveryFailedException.class, () -> lock().acquire(A, in(Duration.ofMillis(300))),
          "one hold at a time, however often the earlier one was closed");
    }
  }

  @Test
  void aSecondHolderGetsTheRegisterOnlyAfterTheFirstReleasesIt() throws Exception {
    RegisterLock.Held first = lock().acquire(A, in(Duration.ofSeconds(30)));
    CompletableFuture<Void> waiting = new CompletableFuture<>();
    Future<Long> second = threads.submit(() -> {
      waiting.complete(null);
      try (RegisterLock.Held held = rival().acquire(A, in(Duration.ofSeconds(30)))) {
        held.requireHeld(Duration.ZERO);
        return held.epoch();
      }
    });
    waiting.get();
    assertThrows(java.util.concurrent.TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
    long firstEpoch = first.epoch();
    first.close();
    assertEquals(firstEpoch + 1, second.get(30, TimeUnit.SECONDS));
  }

  @Test
  void acquiringEndsAtTheDeadlineWhileAnotherHoldsTheRegister() throws Exception {
    try (RegisterLock.Held held = lock().acquire(A, in(Duration.ofSeconds(30)))) {
      Future<DeliveryFailedException> refused = threads.submit(
          () -> assertThrows(DeliveryFailedException.class, () -> rival().acquire(A, in(Duration.ofMillis(200)))));
      assertTrue(refused.get(30, TimeUnit.SECONDS).getMessage().contains(A.toString()));
      held.requireHeld(Duration.ZERO);
    }
  }

  @Test
  void anAcquisitionPastItsDeadlineStillTakesAFreeRegister() throws Exception {
    try (RegisterLock.Held held = lock().acquire(A, Instant.now().minusSeconds(1))) {
      assertEquals(A, held.register());
    }
  }

  @Test
  void everyAcquisitionHasAHigherEpochThanTheOneBefore() throws Exception {
    for (int i = 0; i < 5; i++) {
      RegisterLock lock = i % 2 == 0 ? lock() : rival();
      try (RegisterLock.Held held = lock.acquire(A, in(Duration.ofSeconds(30)))) {
        assertEquals(i + 1L, held.epoch());
      }
    }
  }

  @Test
  void aReleasedHoldNoLongerProvesItself() throws Exception {
    RegisterLock.Held held = lock().acquire(A, in(Duration.ofSeconds(30)));
    held.close();
    held.close();
    assertThrows(DeliveryFailedException.class, () -> held.requireHeld(Duration.ZERO));
  }

  @Test
  void differentRegistersAreHeldAtTheSameTime() throws Exception {
    try (RegisterLock.Held a = lock().acquire(A, in(Duration.ofSeconds(30)));
        RegisterLock.Held b = rival().acquire(B, in(Duration.ofSeconds(30)))) {
      a.requireHeld(Duration.ZERO);
      b.requireHeld(Duration.ZERO);
      assertEquals(B, b.register());
    }
  }
}
