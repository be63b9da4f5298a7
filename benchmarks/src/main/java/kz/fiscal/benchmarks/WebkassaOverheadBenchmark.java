package kz.fiscal.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.testkit.FakeWebkassa;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * What the SDK costs next to raw HTTP: one caller fiscalizing through {@code FiscalClient} and {@link
 * WebkassaDriver} against a loopback {@link FakeWebkassa} with no latency, against {@link RawCheckPost}, the
 * tightest reasonable raw single-threaded OkHttp POST of the same JSON (the driver's own request, with a
 * fresh {@code ExternalCheckNumber}; URL, media type and headers built once) to the same fake. For the
 * in-memory, H2-file and PostgreSQL journals it prints the throughput ratio SDK/raw (issue C2's target: at
 * least 0.8 with the in-memory journal) and, per check, the calling thread's CPU time and bytes allocated.
 *
 * <p>Fairness: both kinds first warm up in alternating chunks ({@code bench.warmup} checks of each, enough
 * for the JIT to compile both paths), then run {@code bench.rounds} paired rounds, raw and SDK back to
 * back, the one going first alternating from pair to pair, so that drift and the machine's other work hit
 * both. Every figure printed is the median over the rounds, the ratio being the median of the pairs' own
 * ratios, with the lowest and highest pair ratio beside it: no lucky best round. Each SDK check gets a
 * receipt object of its own, so nothing a receipt caches in itself flatters the SDK.
 *
 * <p>Bytes per check are {@code ThreadMXBean.getThreadAllocatedBytes} of the calling thread over a round,
 * divided by its checks: the counter JMH's {@code -prof gc} reads for {@code gc.alloc.rate.norm}, there
 * summed over all of the fork's threads. OkHttp's synchronous call does its client work on the calling
 * thread, so this is the client's whole allocation per check; the fake's threads (and PostgreSQL's
 * server) are left out, as they would be against a real provider. {@link WebkassaOverheadJmh} measures
 * the in-memory pair under JMH for the {@code -prof gc} figure itself.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl benchmarks exec:java -Dexec.mainClass=kz.fiscal.benchmarks.WebkassaOverheadBenchmark -Dbench.journals=memory
 * </pre>
 * (About 30 s for the in-memory journal; leave out {@code -Dbench.journals} for all three.)
 * PostgreSQL runs when {@code FISCAL_BENCH_POSTGRES_URL} (or {@code FISCAL_TEST_POSTGRES_URL}) is set.
 * System properties: {@code bench.warmup} checks of each kind before measuring (10000), {@code bench.orders}
 * checks per round (1000), {@code bench.rounds} paired rounds (20), {@code bench.journals}
 * ({@code memory,h2,postgres}).
 */
public final class WebkassaOverheadBenchmark {
  private static final int WARMUP_CHUNK = 500;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private WebkassaOverheadBenchmark() {}

  /** One timed round: checks made, wall time, the caller's CPU and allocation. */
  private record Round(long count, long nanos, long cpuNanos, long bytes) {
    double perSecond() {
      return count / (nanos / 1e9);
    }

    double cpuMicros() {
      return cpuNanos / 1e3 / count;
    }

    double bytesPerCheck() {
      return (double) bytes / count;
    }
  }

  /** What is timed: {@code count} checks under keys starting with {@code prefix}. */
  @FunctionalInterface
  private interface Work {
    void run(String prefix, long count) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    long warmup = Long.getLong("bench.warmup", 10_000);
    long orders = Long.getLong("bench.orders", 1000);
    int rounds = Integer.getInteger("bench.rounds", 20);
    List<String> journals = List.of(System.getProperty("bench.journals", "memory,h2,postgres").split(","));
    System.out.printf(Locale.ROOT, "FiscalClient + WebkassaDriver vs raw OkHttp POST, one caller, loopback FakeWebkassa"
        + " without latency; warm-up %d checks of each kind, then %d paired rounds of %d checks each; medians over"
        + " the rounds; %d CPUs (load average %.1f), %s%n%n", warmup, rounds, orders,
        Runtime.getRuntime().availableProcessors(), JournalBenchmark.loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %7s %11s %12s %12s %12s %12s%n", "journal", "raw chk/s",
        "sdk chk/s", "ratio", "min-max", "raw cpu µs", "sdk cpu µs", "raw bytes", "sdk bytes");
    for (String journal : journals) {
      switch (journal.trim()) {
        case "memory" -> compare("in-memory", new InMemoryReceiptJournal(), warmup, orders, rounds);
        case "h2" -> {
          Path directory = Files.createTempDirectory("fiscal-bench-overhead");
          JdbcConnectionPool pool = JournalBenchmark.h2(directory, 1);
          try {
            compare("H2 file", JdbcReceiptJournal.open(pool), warmup, orders, rounds);
          } finally {
            pool.dispose();
            JournalBenchmark.deleteAll(directory);
          }
        }
        case "postgres" -> {
          String url = JournalBenchmark.postgresUrl();
          if (url == null) {
            System.out.println("PostgreSQL skipped: set FISCAL_BENCH_POSTGRES_URL or FISCAL_TEST_POSTGRES_URL");
            continue;
          }
          DataSource pool = JournalBenchmark.postgres(url, 1);
          try {
            compare("PostgreSQL", JdbcReceiptJournal.open(pool), warmup, orders, rounds);
          } finally {
            ((JdbcConnectionPool) pool).dispose();
          }
        }
        default -> throw new IllegalArgumentException("unknown journal " + journal);
      }
    }
    System.out.println("(ratio: median of the paired rounds' SDK/raw throughput ratios, min-max their spread;"
        + " cpu and bytes: per check, of the calling thread only, where OkHttp's synchronous call, the SDK and an"
        + " embedded H2 run; the fake's threads and PostgreSQL's server are not counted)");
  }

  private static void compare(String name, ReceiptJournal journal, long warmup, long orders, int rounds)
      throws Exception {
    try (FakeWebkassa fake = FakeWebkassa.start();
        WebkassaDriver driver = WebkassaDriver.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
            .login(fake.login()).password(fake.password()).cashbox(fake.cashboxNumber()).build();
        FiscalClient client = FiscalClient.builder().driver(driver).journal(journal).nodeId("bench").build()) {
      Receipt order = JournalBenchmark.order().build();
      Work sdk = (prefix, count) -> {
        for (long i = 0; i < count; i++) {
          client.fiscalize(IdempotencyKey.of(prefix + i), copy(order));
        }
      };
      sdk.run("first-", 1);
      try (RawCheckPost post = new RawCheckPost(fake, fake.requests("/api/v4/check").get(0).body())) {
        Work raw = (prefix, count) -> {
          for (long i = 0; i < count; i++) {
            post.post(prefix + i);
          }
        };
        for (long done = 0; done < warmup; done += WARMUP_CHUNK) {
          long chunk = Math.min(WARMUP_CHUNK, warmup - done);
          raw.run("raw-warm-" + done + "-", chunk);
          sdk.run("sdk-warm-" + done + "-", chunk);
        }
        List<Round> raws = new ArrayList<>();
        List<Round> sdks = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          Round first = time(r % 2 == 0 ? raw : sdk, "round-" + r + "-a-", orders);
          Round second = time(r % 2 == 0 ? sdk : raw, "round-" + r + "-b-", orders);
          Round rawRound = r % 2 == 0 ? first : second;
          Round sdkRound = r % 2 == 0 ? second : first;
          raws.add(rawRound);
          sdks.add(sdkRound);
          ratios.add(sdkRound.perSecond() / rawRound.perSecond());
        }
        if (fake.checks().size() != 1 + 2 * (warmup + orders * rounds)) {
          throw new IllegalStateException("the fake holds " + fake.checks().size() + " checks");
        }
        System.out.printf(Locale.ROOT, "%-12s %10.0f %10.0f %7.2f %11s %12.1f %12.1f %12.0f %12.0f%n", name,
            median(raws, Round::perSecond), median(sdks, Round::perSecond), median(ratios, r -> r),
            String.format(Locale.ROOT, "%.2f-%.2f", Collections.min(ratios), Collections.max(ratios)),
            median(raws, Round::cpuMicros), median(sdks, Round::cpuMicros), median(raws, Round::bytesPerCheck),
            median(sdks, Round::bytesPerCheck));
      }
    }
  }

  /**
   * A new receipt of the same order, as every paid order is a new object: nothing a receipt caches in
   * itself (its totals, its digest) carries over from one check to the next.
   */
  static Receipt copy(Receipt r) {
    return new Receipt(r.operation(), r.seller(), r.operationTime(), r.items(), r.modifiers(), r.payments(),
        r.customer(), r.returnBasis(), r.rounding(), r.returnVatPolicy());
  }

  /** The median of {@code figure} over {@code values} (the mean of the middle two for an even count). */
  private static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
    double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static Round time(Work work, String prefix, long count) throws Exception {
    long thread = Thread.currentThread().getId();
    long bytes = THREADS.getThreadAllocatedBytes(thread);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    work.run(prefix, count);
    long nanos = System.nanoTime() - start;
    return new Round(count, nanos, THREADS.getCurrentThreadCpuTime() - cpu,
        THREADS.getThreadAllocatedBytes(thread) - bytes);
  }
}
