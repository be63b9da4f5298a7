package kz.fiscal.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;

/** Callers that fiscalize new keys back to back and time every call. */
final class Callers {
  /**
   * What a run measured: completed calls, the wall time they took, the CPU time of the whole process and
   * of the calling threads alone, and every call's latency.
   */
  record Result(long count, long elapsedNanos, long cpuNanos, long callerCpuNanos, long[] sortedLatencyNanos) {
    double perSecond() {
      return count * 1e9 / elapsedNanos;
    }

    /** The latency at {@code percentile} (100 is the maximum), in milliseconds. */
    double percentileMillis(double percentile) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percentile / 100 * sortedLatencyNanos.length) - 1;
      return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
    }
  }

  private Callers() {}

  /** {@code callers} threads fiscalizing new keys for {@code duration}, all starting together. */
  static Result run(FiscalClient client, Receipt receipt, String prefix, int callers, Duration duration)
      throws InterruptedException {
    return run(client, receipt, prefix, callers, duration, Long.MAX_VALUE);
  }

  /** {@code callers} threads fiscalizing {@code orders} new keys between them, all starting together. */
  static Result run(FiscalClient client, Receipt receipt, String prefix, int callers, long orders)
      throws InterruptedException {
    return run(client, receipt, prefix, callers, Duration.ofDays(1), orders);
  }

  /** Callers fiscalizing new keys until {@code duration} has passed or {@code orders} were taken. */
  private static Result run(FiscalClient client, Receipt receipt, String prefix, int callers, Duration duration,
      long orders) throws InterruptedException {
    AtomicLong keys = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    long[][] latencies = new long[callers][];
    int[] counts = new int[callers];
    long[] callerCpu = new long[callers];
    Throwable[] failures = new Throwable[callers];
    List<Thread> threads = new ArrayList<>();
    long[] window = new long[2];
    for (int t = 0; t < callers; t++) {
      int caller = t;
      Thread thread = new Thread(() -> {
        long[] mine = new long[1 << 14];
        int n = 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try {
          start.await();
          long cpuAtStart = cpu.getCurrentThreadCpuTime();
          long end = window[0] + duration.toNanos();
          while (true) {
            long begin = System.nanoTime();
            long key = keys.incrementAndGet();
            if (begin >= end || key > orders) {
              break;
            }
            client.fiscalize(IdempotencyKey.of(prefix + key), receipt);
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = System.nanoTime() - begin;
          }
          callerCpu[caller] = cpu.getCurrentThreadCpuTime() - cpuAtStart;
        } catch (FiscalException | RuntimeException | InterruptedException e) {
          failures[caller] = e;
        }
        latencies[caller] = mine;
        counts[caller] = n;
      }, "bench-caller-" + t);
      threads.add(thread);
      thread.start();
    }
    long cpuBefore = processCpuNanos();
    window[0] = System.nanoTime();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    window[1] = System.nanoTime();
    long cpu = processCpuNanos() - cpuBefore;
    for (Throwable failure : failures) {
      if (failure != null) {
        throw new IllegalStateException("A caller failed: " + failure, failure);
      }
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < callers; t++) {
      System.arraycopy(latencies[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(total, window[1] - window[0], cpu, Arrays.stream(callerCpu).sum(), all);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One caller fiscalizing {@code count} new keys. */
  static void runCount(FiscalClient client, Receipt receipt, String prefix, int count) {
    try {
      for (int i = 0; i < count; i++) {
        client.fiscalize(IdempotencyKey.of(prefix + i), receipt);
      }
    } catch (FiscalException e) {
      throw new IllegalStateException(e);
    }
  }
}
