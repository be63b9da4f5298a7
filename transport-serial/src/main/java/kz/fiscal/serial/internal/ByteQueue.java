package kz.fiscal.serial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unbounded, thread-safe FIFO of bytes with a blocking read bounded by a deadline on an injected
 * clock; one direction of an in-memory serial line. After {@link #close()} writes throw, deadline
 * reads throw once the queue is empty, and the stream view reports end of input.
 */
public final class ByteQueue {
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private byte[] bytes = new byte[512];
  private int head;
  private int size;
  private boolean closed;

  public ByteQueue(Clock clock) {
    this.clock = clock;
  }

  /** Appends {@code len} bytes of {@code src} from {@code off}. */
  public void put(byte[] src, int off, int len) throws IOException {
    lock.lock();
    try {
      if (closed) {
        throw new IOException("the line is closed");
      }
      ensureCapacity(size + len);
      for (int i = 0; i < len; i++) {
        bytes[(head + size + i) % bytes.length] = src[off + i];
      }
      size += len;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Copies the waiting bytes into {@code into}, waiting until {@code deadline} for the first one.
   *
   * @return the number copied; 0 when the deadline passed first
   * @throws IOException when the queue is closed and empty
   */
  public int take(byte[] into, Instant deadline) throws IOException {
    lock.lock();
    try {
      while (size == 0) {
        if (closed) {
          throw new IOException("the line is closed");
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
          return 0;
        }
        awaitArrival(left.toNanos());
      }
      return drainInto(into, 0, into.length);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the queue; idempotent. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A blocking view for a device: {@code read} waits for a byte and returns -1 once closed and empty. */
  public InputStream inputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        lock.lock();
        try {
          while (size == 0) {
            if (closed) {
              return -1;
            }
            awaitArrival(TimeUnit.SECONDS.toNanos(1));
          }
          return drainInto(b, off, len);
        } finally {
          lock.unlock();
        }
      }

      @Override
      public int available() {
        lock.lock();
        try {
          return size;
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() {
        ByteQueue.this.close();
      }
    };
  }

  /** A view for a device's writes; each {@code write} call is delivered whole. */
  public OutputStream outputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        put(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        put(b, off, len);
      }

      @Override
      public void close() {
        ByteQueue.this.close();
      }
    };
  }

  private void awaitArrival(long nanos) throws InterruptedIOException {
    try {
      arrived.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the line");
    }
  }

  private int drainInto(byte[] into, int off, int len) {
    int n = Math.min(len, size);
    for (int i = 0; i < n; i++) {
      into[off + i] = bytes[(head + i) % bytes.length];
    }
    head = (head + n) % bytes.length;
    size -= n;
    return n;
  }

  private void ensureCapacity(int needed) {
    if (needed <= bytes.length) {
      return;
    }
    byte[] grown = new byte[Math.max(needed, bytes.length * 2)];
    for (int i = 0; i < size; i++) {
      grown[i] = bytes[(head + i) % bytes.length];
    }
    bytes = grown;
    head = 0;
  }
}
