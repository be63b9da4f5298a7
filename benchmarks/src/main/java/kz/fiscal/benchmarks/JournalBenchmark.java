package kz.fiscal.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * {@code FiscalClient.fiscalize} on the durable journals: receipts per second and latency percentiles
 * with a zero-latency {@link RecordingFiscalDriver}, so that what is measured is the SDK and its
 * database. Every configuration warms up first, then measures; a profile then counts the statements
 * and commits one fiscalization costs. Targets: 1,000 receipts/s on H2, 1,000/s on PostgreSQL with 16
 * callers.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl benchmarks exec:java -Dexec.mainClass=kz.fiscal.benchmarks.JournalBenchmark
 * </pre>
 * PostgreSQL runs when {@code FISCAL_BENCH_POSTGRES_URL} (or {@code FISCAL_TEST_POSTGRES_URL}) holds a
 * JDBC URL with user and password; its tables go to a schema {@code fiscal_bench} that each run drops.
 * System properties: {@code bench.warmup} and {@code bench.seconds} (seconds per phase, 5 and 5),
 * {@code bench.journals} ({@code h2,postgres}), {@code bench.h2Options} (appended to the H2 URL, e.g.
 * {@code ;PAGE_SIZE=16384}; also read by {@code WebkassaOverheadBenchmark}).
 */
public final class JournalBenchmark {
  private static final String SCHEMA = "fiscal_bench";
  private static final int PROFILED_RECEIPTS = 500;

  private JournalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    List<String> journals = List.of(System.getProperty("bench.journals", "h2,postgres").split(","));
    String postgres = postgresUrl();
    System.out.printf(Locale.ROOT, "FiscalClient.fiscalize on durable journals, zero-latency register; warm-up %d s,"
        + " measured %d s per configuration; %d CPUs (load average %.1f), %s%n%n", warmup.toSeconds(),
        measure.toSeconds(), Runtime.getRuntime().availableProcessors(), loadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    List<String> rows = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    rows.add(String.format(Locale.ROOT, "%-24s %7s %9s %11s %8s %8s %8s %10s %10s", "journal", "callers",
        "receipts", "receipts/s", "p50 ms", "p99 ms", "max ms", "caller cpu", "JVM cpu"));
    for (int callers : journals.contains("h2") ? new int[] {1, 4} : new int[0]) {
      Path directory = Files.createTempDirectory("fiscal-bench-h2");
      JdbcConnectionPool pool = h2(directory, callers);
      try {
        rows.add(run("H2 file, WRITE_DELAY=0", pool, callers, warmup, measure));
        if (callers == 1) {
          profiles.add(profile("H2 file", pool));
        }
      } finally {
        pool.dispose();
        deleteAll(directory);
      }
    }
    if (journals.contains("h2")) {
      rows.add(commitFloor(warmup, measure));
    }
    if (!journals.contains("postgres")) {
      rows.add("PostgreSQL not selected (bench.journals)");
    } else if (postgres == null) {
      rows.add("PostgreSQL skipped: set FISCAL_BENCH_POSTGRES_URL (or FISCAL_TEST_POSTGRES_URL), e.g."
          + " jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    } else {
      for (int callers : new int[] {1, 16}) {
        JdbcConnectionPool pool = postgres(postgres, callers);
        try {
          rows.add(run("PostgreSQL", pool, callers, warmup, measure));
          if (callers == 1) {
            profiles.add(profile("PostgreSQL", pool));
          }
        } finally {
          pool.dispose();
        }
      }
    }
    rows.forEach(System.out::println);
    System.out.printf(Locale.ROOT, "(per receipt: caller cpu = CPU time of the calling threads, H2's work included;"
        + " JVM cpu = the whole process, JIT and GC included; PostgreSQL's own CPU is in neither. Load average now"
        + " %.1f)%n", loadAverage());
    System.out.println();
    System.out.println("Per fiscalize (new key, no contention), 1 caller, " + PROFILED_RECEIPTS + " receipts:");
    profiles.forEach(System.out::println);
  }

  private static String run(String name, DataSource dataSource, int callers, Duration warmup, Duration measure)
      throws InterruptedException {
    FiscalClient client = client(dataSource);
    try {
      Receipt receipt = receipt();
      String prefix = name.substring(0, 2).toLowerCase(Locale.ROOT) + callers + "-";
      Callers.run(client, receipt, prefix + "warm-", callers, warmup);
      Callers.Result result = Callers.run(client, receipt, prefix, callers, measure);
      return String.format(Locale.ROOT, "%-24s %7d %9d %11.0f %8.2f %8.2f %8.2f %7.3f ms %7.3f ms", name, callers,
          result.count(), result.perSecond(), result.percentileMillis(50), result.percentileMillis(99),
          result.percentileMillis(100), result.callerCpuNanos() / 1e6 / result.count(),
          result.cpuNanos() / 1e6 / result.count());
    } finally {
      client.close();
    }
  }

  /**
   * What H2 itself costs for the two commits a fiscalization must make (SENT durable before the call,
   * the outcome after it), with nothing of the journal around them: one table of a key and a status, no
   * secondary index, no history; per "check" an insert committed and an update committed. The journal
   * cannot go below this figure while it keeps both commits on {@code WRITE_DELAY=0}.
   */
  static String commitFloor(Duration warmup, Duration measure) throws Exception {
    Path directory = Files.createTempDirectory("fiscal-bench-h2-floor");
    JdbcConnectionPool pool = h2(directory, 1);
    try (Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE floor_check (idem_key VARCHAR(50) PRIMARY KEY, status VARCHAR(20) NOT NULL)");
      }
      twoCommits(connection, "warm-", warmup);
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long count = twoCommits(connection, "floor-", measure);
      long nanos = System.nanoTime() - start;
      return String.format(Locale.ROOT, "%-24s %7d %9d %11.0f %8s %8s %8s %7.3f ms", "H2 floor: 2 bare commits", 1,
          count, count / (nanos / 1e9), "", "", "",
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6 / count);
    } finally {
      pool.dispose();
      deleteAll(directory);
    }
  }

  private static long twoCommits(Connection connection, String prefix, Duration during) throws SQLException {
    long until = System.nanoTime() + during.toNanos();
    long count = 0;
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO floor_check (idem_key, status) VALUES (?, 'SENT')");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE floor_check SET status = 'FISCALIZED' WHERE idem_key = ?")) {
      while (System.nanoTime() < until) {
        String key = prefix + count++;
        insert.setString(1, key);
        insert.executeUpdate();
        connection.commit();
        update.setString(1, key);
        update.executeUpdate();
        connection.commit();
      }
    } finally {
      connection.setAutoCommit(true);
    }
    return count;
  }

  /** Statements and commits per fiscalization on {@code dataSource}, by kind. */
  private static String profile(String name, DataSource dataSource) throws InterruptedException {
    StatementCounter counter = new StatementCounter();
    FiscalClient client = client(counter.wrap(dataSource));
    try {
      Receipt receipt = receipt();
      Callers.runCount(client, receipt, "profile-warm-", 50);
      counter.reset();
      Callers.runCount(client, receipt, "profile-", PROFILED_RECEIPTS);
    } finally {
      client.close();
    }
    Map<String, Double> per = counter.per(PROFILED_RECEIPTS);
    double statements = counter.statementsPer(PROFILED_RECEIPTS);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s %.1f statements:", name, statements));
    per.forEach((kind, share) -> line.append(String.format(Locale.ROOT, " %s %.2f;", kind, share)));
    return line.toString();
  }

  private static FiscalClient client(DataSource dataSource) {
    return FiscalClient.builder()
        .driver(RecordingFiscalDriver.create())
        .journal(JdbcReceiptJournal.open(dataSource))
        .nodeId("bench")
        .build();
  }

  /** A paid order of five lines with a discount, stamped now. */
  static Receipt receipt() {
    return order().operationTime(KzTime.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS)).build();
  }

  /**
   * A paid order of five lines with a discount and no time: the client stamps it when it is fiscalized
   * (a register that dates checks itself refuses a receipt dated minutes away).
   */
  static Receipt.Builder order() {
    Seller seller = Seller.vatPayer("ТОО «Бенч»", Xin.parse("150740001357"), "г. Алматы, пр. Абая, 1");
    Receipt.Builder builder = Receipt.sale(seller);
    for (int i = 0; i < 5; i++) {
      builder.item(Item.builder("Товар " + i).quantity("2").unitPrice("1250.50").vat(VatRate.SIXTEEN).build());
    }
    return builder.discount(Tenge.of("100.00"), "Скидка").payment(PaymentType.CARD, "12405.00");
  }

  static JdbcConnectionPool h2(Path directory, int callers) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + directory.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0"
        + System.getProperty("bench.h2Options", ""));
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    pool.setMaxConnections(callers + 2);
    return pool;
  }

  static JdbcConnectionPool postgres(String url, int callers) throws SQLException {
    PGConnectionPoolDataSource admin = new PGConnectionPoolDataSource();
    admin.setURL(url);
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
    postgres.setURL(url);
    postgres.setCurrentSchema(SCHEMA);
    JdbcConnectionPool pool = JdbcConnectionPool.create(postgres);
    pool.setMaxConnections(callers + 2);
    return pool;
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static String postgresUrl() {
    for (String name : List.of("FISCAL_BENCH_POSTGRES_URL", "FISCAL_TEST_POSTGRES_URL")) {
      String url = System.getenv(name);
      if (url != null && !url.isBlank()) {
        return url;
      }
    }
    return null;
  }

  static void deleteAll(Path directory) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
