package kz.fiscal.testkit.internal.shtrih;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The device's receive side: a pump thread copies the host's bytes from a plain {@link InputStream}
 * into a queue, and the device thread takes them with deadlines on {@link System#nanoTime()}. Every
 * wait also ends on a power cycle or on the end of the line, which surface as exceptions so that the
 * device drops whatever it was doing. Thread-safe.
 */
final class LineInput {
  /** Thrown into the device thread when a test power-cycles the registrar. */
  static final class PowerCycle extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PowerCycle() {
      super("power cycle", null, false, false);
    }
  }

  /** Thrown into the device thread when the line ended or the registrar stopped. */
  static final class LineClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LineClosed() {
      super("line closed", null, false, false);
    }
  }

  static final long FOREVER = Long.MAX_VALUE;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Integer> bytes = new ArrayDeque<>();
  private boolean closed;
  private boolean wakeSilence;
  private CompletableFuture<Void> powerCycle;

  /** Starts the pump thread reading {@code in} until it ends. */
  void pumpFrom(InputStream in, String name) {
    Thread pump = new Thread(() -> {
      try {
        byte[] buffer = new byte[256];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          offer(buffer, n);
        }
      } catch (IOException e) {
        // the line is gone: the same as its end
      } finally {
        close();
      }
    }, name + "-rx");
    pump.setDaemon(true);
    pump.start();
  }

  private void offer(byte[] buffer, int n) {
    lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        bytes.add(buffer[i] & 0xFF);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The next byte, waiting until {@code deadline} (nanoTime, or {@link #FOREVER}); empty at the deadline. */
  OptionalInt next(long deadline) {
    lock.lock();
    try {
      while (true) {
        interruptions();
        if (!bytes.isEmpty()) {
          return OptionalInt.of(bytes.poll());
        }
        if (!await(deadline)) {
          return OptionalInt.empty();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Lets time pass until {@code deadline} without taking input (bytes that arrive wait their turn). */
  void pauseUntil(long deadline) {
    lock.lock();
    try {
      do {
        interruptions();
      } while (await(deadline));
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code deadline} or until {@link #endSilence()}; ignores and returns no input. */
  boolean silenceUntil(long deadline) {
    lock.lock();
    try {
      wakeSilence = false;
      while (!wakeSilence) {
        interruptions();
        bytes.clear();
        if (!await(deadline)) {
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Ends a silence early. */
  void endSilence() {
    lock.lock();
    try {
      wakeSilence = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Asks the device thread to power-cycle; completes once it has. */
  CompletableFuture<Void> requestPowerCycle() {
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.completedFuture(null);
      }
      if (powerCycle == null) {
        powerCycle = new CompletableFuture<>();
      }
      changed.signalAll();
      return powerCycle;
    } finally {
      lock.unlock();
    }
  }

  /** Called by the device thread once it is back in its power-on state. */
  void poweredOn() {
    lock.lock();
    try {
      if (powerCycle != null) {
        powerCycle.complete(null);
        powerCycle = null;
      }
    } finally {
      lock.unlock();
    }
  }

  void close() {
    lock.lock();
    try {
      closed = true;
      if (powerCycle != null) {
        powerCycle.complete(null);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void interruptions() {
    if (closed) {
      throw new LineClosed();
    }
    if (powerCycle != null) {
      bytes.clear();
      throw new PowerCycle();
    }
  }

  /** One wait on the condition; false once the deadline has passed. */
  private boolean await(long deadline) {
    long left = deadline == FOREVER ? TimeUnit.SECONDS.toNanos(1) : deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      changed.awaitNanos(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LineClosed();
    }
    return true;
  }
}
