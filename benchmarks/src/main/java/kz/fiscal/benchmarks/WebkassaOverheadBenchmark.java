package kz.fiscal.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.testkit.FakeWebkassa;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * What the SDK costs next to raw HTTP: one caller fiscalizing through {@code FiscalClient} and {@link
 * WebkassaDriver} against a loopback {@link FakeWebkassa} with no latency, against a raw single-threaded
 * OkHttp POST of the same JSON (the driver's own request, with a fresh {@code ExternalCheckNumber}) to the
 * same fake. Prints the throughput ratio (issue C2's target: at least 0.8 with the in-memory journal) and,
 * per check, the calling thread's CPU time and bytes allocated (the fake's threads excluded), for the
 * in-memory, H2-file and PostgreSQL journals. Raw and SDK rounds alternate, so drift hits both.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl benchmarks exec:java -Dexec.mainClass=kz.fiscal.benchmarks.WebkassaOverheadBenchmark
 * </pre>
 * PostgreSQL runs when {@code FISCAL_BENCH_POSTGRES_URL} (or {@code FISCAL_TEST_POSTGRES_URL}) is set.
 * System properties: {@code bench.orders} per round (3000), {@code bench.rounds} (3), {@code bench.journals}
 * ({@code memory,h2,postgres}).
 */
public final class WebkassaOverheadBenchmark {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Pattern KEY = Pattern.compile("\"ExternalCheckNumber\":\"[^\"]*\"");
  private static final Pattern TOKEN = Pattern.compile("\"Token\":\"[^\"]*\"");
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private WebkassaOverheadBenchmark() {}

  /** One timed round: checks made, wall time, the caller's CPU and allocation. */
  private record Round(long count, long nanos, long cpuNanos, long bytes) {
    double perSecond() {
      return count / (nanos / 1e9);
    }
  }

  /** What is timed: {@code count} checks under keys starting with {@code prefix}. */
  @FunctionalInterface
  private interface Work {
    void run(String prefix, long count) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    long orders = Long.getLong("bench.orders", 3000);
    int rounds = Integer.getInteger("bench.rounds", 3);
    List<String> journals = List.of(System.getProperty("bench.journals", "memory,h2,postgres").split(","));
    System.out.printf(Locale.ROOT, "FiscalClient + WebkassaDriver vs raw OkHttp POST, one caller, loopback FakeWebkassa"
        + " without latency; %d rounds of %d checks each; %d CPUs (load average %.1f), %s%n%n", rounds, orders,
        Runtime.getRuntime().availableProcessors(), JournalBenchmark.loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%-12s %10s %10s %7s %12s %12s %12s %12s%n", "journal", "raw chk/s", "sdk chk/s",
        "ratio", "raw cpu µs", "sdk cpu µs", "raw bytes", "sdk bytes");
    for (String journal : journals) {
      switch (journal.trim()) {
        case "memory" -> compare("in-memory", new InMemoryReceiptJournal(), orders, rounds);
        case "h2" -> {
          Path directory = Files.createTempDirectory("fiscal-bench-overhead");
          JdbcConnectionPool pool = JournalBenchmark.h2(directory, 1);
          try {
            compare("H2 file", JdbcReceiptJournal.open(pool), orders, rounds);
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
            compare("PostgreSQL", JdbcReceiptJournal.open(pool), orders, rounds);
          } finally {
            ((JdbcConnectionPool) pool).dispose();
          }
        }
        default -> throw new IllegalArgumentException("unknown journal " + journal);
      }
    }
    System.out.println("(cpu and bytes: per check, of the calling thread only, where OkHttp's synchronous call,"
        + " the SDK and an embedded H2 run; the fake's threads and PostgreSQL's server are not counted)");
  }

  private static void compare(String name, ReceiptJournal journal, long orders, int rounds) throws Exception {
    try (FakeWebkassa fake = FakeWebkassa.start();
        WebkassaDriver driver = WebkassaDriver.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
            .login(fake.login()).password(fake.password()).cashbox(fake.cashboxNumber()).build();
        FiscalClient client = FiscalClient.builder().driver(driver).journal(journal).nodeId("bench").build()) {
      Receipt receipt = JournalBenchmark.order().build();
      Work sdk = (prefix, count) -> {
        for (long i = 0; i < count; i++) {
          client.fiscalize(IdempotencyKey.of(prefix + i), receipt);
        }
      };
      sdk.run("first-", 1);
      String body = fake.requests("/api/v4/check").get(0).body();
      String token = TOKEN.matcher(body).results().findFirst().orElseThrow().group();
      OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
      String url = fake.baseUrl() + "/api/v4/check";
      Work raw = (prefix, count) -> {
        Matcher key = KEY.matcher(body);
        key.find();
        String before = TOKEN.matcher(body.substring(0, key.start())).replaceFirst(Matcher.quoteReplacement(token));
        String after = body.substring(key.end());
        for (long i = 0; i < count; i++) {
          String json = before + "\"ExternalCheckNumber\":\"" + prefix + i + "\"" + after;
          Request request = new Request.Builder().url(url).header("x-api-key", fake.apiKey())
              .post(RequestBody.create(json, JSON)).build();
          try (Response response = http.newCall(request).execute()) {
            String answer = response.body().string();
            if (!answer.contains("\"CheckNumber\"")) {
              throw new IllegalStateException("the fake refused a raw check: " + answer);
            }
          }
        }
      };
      raw.run("raw-warm-", orders);
      sdk.run("sdk-warm-", orders);
      List<Round> raws = new ArrayList<>();
      List<Round> sdks = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        raws.add(time(raw, "raw-" + r + "-", orders));
        sdks.add(time(sdk, "sdk-" + r + "-", orders));
      }
      if (fake.checks().size() != 1 + 2 * orders * (rounds + 1)) {
        throw new IllegalStateException("the fake holds " + fake.checks().size() + " checks");
      }
      Round rawBest = best(raws);
      Round sdkBest = best(sdks);
      System.out.printf(Locale.ROOT, "%-12s %10.0f %10.0f %7.2f %12.1f %12.1f %12d %12d%n", name, rawBest.perSecond(),
          sdkBest.perSecond(), sdkBest.perSecond() / rawBest.perSecond(), rawBest.cpuNanos() / 1e3 / rawBest.count(),
          sdkBest.cpuNanos() / 1e3 / sdkBest.count(), rawBest.bytes() / rawBest.count(),
          sdkBest.bytes() / sdkBest.count());
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The round with the highest throughput: the least disturbed by the machine's other work. */
  private static Round best(List<Round> rounds) {
    return rounds.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
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
