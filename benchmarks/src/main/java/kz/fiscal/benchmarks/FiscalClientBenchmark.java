package kz.fiscal.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
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
 * {@code FiscalClient.fiscalize} end to end — validate, digest, journal begin, SENT, driver,
 * FISCALIZED, release — with a zero-latency recording register on the in-memory journal: the
 * overhead the SDK adds to every paid order. Issue E1's target is 20,000 receipts/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FiscalClientBenchmark {
  private final AtomicLong keys = new AtomicLong();
  private Receipt receipt;
  private FiscalClient client;

  @Setup(Level.Iteration)
  public void setUp() {
    receipt = JournalBenchmark.receipt();
    client = FiscalClient.builder()
        .driver(RecordingFiscalDriver.create())
        .journal(new InMemoryReceiptJournal())
        .build();
  }

  @TearDown(Level.Iteration)
  public void tearDown() {
    client.close();
  }

  @Benchmark
  @Threads(1)
  public FiscalResult fiscalizeOneCaller() throws FiscalException {
    return client.fiscalize(IdempotencyKey.of("bench-" + keys.incrementAndGet()), receipt);
  }

  @Benchmark
  @Threads(4)
  public FiscalResult fiscalizeFourCallers() throws FiscalException {
    return client.fiscalize(IdempotencyKey.of("bench-" + keys.incrementAndGet()), receipt);
  }
}
