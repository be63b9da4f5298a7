package kz.fiscal.benchmarks;

import java.util.concurrent.TimeUnit;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.testkit.FakeWebkassa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link WebkassaOverheadBenchmark}'s in-memory pair under JMH, for {@code -prof gc}: {@code sdk} is one
 * check through {@code FiscalClient} + {@link WebkassaDriver} on the in-memory journal, {@code raw} the
 * same JSON posted by {@link RawCheckPost}, both to a loopback {@link FakeWebkassa} without latency, one
 * caller, each SDK check with a receipt object of its own. {@code gc.alloc.rate.norm} counts every thread of the fork, so it holds the fake's allocation
 * per check too, the same on both sides: the SDK's extra bytes per receipt are {@code sdk - raw}.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl benchmarks exec:exec -Djmh.args="WebkassaOverheadJmh -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WebkassaOverheadJmh {
  private FakeWebkassa fake;
  private WebkassaDriver driver;
  private FiscalClient client;
  private RawCheckPost raw;
  private Receipt receipt;
  private long keys;

  @Setup(Level.Trial)
  public void setUp() throws FiscalException {
    fake = FakeWebkassa.start();
    driver = WebkassaDriver.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).login(fake.login())
        .password(fake.password()).cashbox(fake.cashboxNumber()).build();
    client = FiscalClient.builder().driver(driver).journal(new InMemoryReceiptJournal()).nodeId("bench").build();
    receipt = JournalBenchmark.order().build();
    client.fiscalize(IdempotencyKey.of("first"), receipt);
    raw = new RawCheckPost(fake, fake.requests("/api/v4/check").get(0).body());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    raw.close();
    client.close();
    driver.close();
    fake.close();
  }

  @Benchmark
  public FiscalResult sdk() throws FiscalException {
    return client.fiscalize(IdempotencyKey.of("sdk-" + keys++), WebkassaOverheadBenchmark.copy(receipt));
  }

  @Benchmark
  public void raw() throws Exception {
    raw.post("raw-" + keys++);
  }
}
