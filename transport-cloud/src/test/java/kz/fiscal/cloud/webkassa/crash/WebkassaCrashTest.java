package kz.fiscal.cloud.webkassa.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.Acknowledgements;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import kz.fiscal.testkit.ForkedJvm;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import kz.fiscal.testkit.WebkassaCheck;

/**
 * "One paid order, exactly one fiscal check, whatever fails" through the Webkassa transport, with real
 * process deaths: a shop process ({@link WebkassaCrashWorker}) with {@link FiscalClient}, an H2 file
 * journal and {@link WebkassaDriver} is killed with {@code kill -9} at random moments while it talks to
 * a {@link FakeWebkassa} in this JVM, whose small processing delay lets kills land mid-request; between
 * kills the fake now and then commits a check and loses or withholds its answer. After each death a new
 * process recovers and goes on; a last one finishes every order. The fake's ledger, what the workers
 * acknowledged, and the journal (read by this process) must then agree on exactly one check per order.
 *
 * <p>Set {@code -Dkz.fiscal.crash.seed=N} to repeat a run's choices; a failed run keeps its directory
 * (journal and every worker's output) and prints its timeline.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebkassaCrashTest {
  private static final int KILLS = 12;
  private static final int KEYS = 30;
  private static final String CHECK = "/api/v4/check";
  /** How long after {@code ready} a kill during start and recovery may come. */
  private static final int RECOVERY_WINDOW_MILLIS = 300;
  /** How long after a check request reached the fake a kill may come: a few times its processing. */
  private static final int REQUEST_WINDOW_MILLIS = 12;
  private static final Duration PROCESSING = Duration.ofMillis(3);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int KILLED = 137;
  private static final List<WebkassaFault> FAULTS = List.of(WebkassaFault.DROP_AFTER_COMMIT, WebkassaFault.SERVER_ERROR_AFTER_COMMIT,
      WebkassaFault.DELAY_AFTER_COMMIT);
  /** Libraries the worker uses, wherever surefire put them. */
  private static final List<Class<?>> NEEDED = List.of(WebkassaDriver.class, FiscalClient.class,
      Acknowledgements.class, OkHttpClient.class, Moshi.class, kotlin.Unit.class, okio.Buffer.class,
      JdbcConnectionPool.class);

  /** Kept when the test fails, with the journal and every worker's output, for a post-mortem. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final FakeWebkassa fake = FakeWebkassa.start();
  private final Acknowledgements acknowledged = new Acknowledgements();
  private final List<String> story = new ArrayList<>();
  private final List<ForkedJvm> workers = new ArrayList<>();
  private final long started = System.nanoTime();
  private final long seed = Long.getLong("kz.fiscal.crash.seed", started);

  /** A failed test leaves no worker behind talking to a closed fake or holding the journal. */
  @AfterEach
  void stop() throws InterruptedException {
    for (ForkedJvm worker : workers) {
      worker.kill();
    }
    fake.close();
  }

  @Test
  void everyPaidOrderGetsExactlyOneWebkassaCheckThroughTwelveKillsAndLostAnswers() throws Exception {
    System.out.println("WebkassaCrashTest seed " + seed);
    Random random = new Random(seed);
    fake.processingDelay(PROCESSING);
    fake.delayResponses(WebkassaCrashWorker.READ_TIMEOUT.multipliedBy(3));
    int killedWorking = 0;
    for (int round = 0; round < KILLS; round++) {
      if (random.nextInt(3) == 0) {
        WebkassaFault fault = FAULTS.get(random.nextInt(FAULTS.size()));
        fake.failNext(fault);
        story.add(String.format("%6d ms  next check: %s", elapsedMillis(), fault));
      }
      int from = round * KEYS / KILLS;
      int to = (round + 1) * KEYS / KILLS;
      ForkedJvm worker = start(round, from, to);
      assertTrue(worker.awaitLine(WebkassaCrashWorker.READY, PATIENCE), "seed " + seed + ": " + worker
          + " never got ready:\n" + worker.stderr());
      killSomewhere(worker, random, to - from);
      int exit = worker.exitCode(PATIENCE);
      heard(worker, exit);
      assertTrue(exit == 0 || exit == KILLED, "seed " + seed + ": " + worker + " failed:\n" + worker.stderr());
      killedWorking += exit == KILLED && !worker.lines().contains(WebkassaCrashWorker.DONE) ? 1 : 0;
      // A line per round, so a person watching CI sees a long test move.
      System.out.printf("WebkassaCrashTest round %d/%d (keys %d-%d) exit %d after %d ms, %d checks in the fake%n",
          round + 1, KILLS, from, to - 1, exit, elapsedMillis(), fake.checks().size());
    }
    ForkedJvm last = start(KILLS, 0, KEYS);
    int exit = last.exitCode(PATIENCE);
    heard(last, exit);
    assertEquals(0, exit, "seed " + seed + ": " + last + " failed:\n" + last.stderr() + "\n" + timeline());

    assertTrue(killedWorking >= KILLS / 2, "seed " + seed + ": only " + killedWorking + " of " + KILLS
        + " kills landed while a worker was working\n" + timeline());
    assertEquals(List.of(), problems(), "seed " + seed + "\n" + timeline());
    assertEquals(KEYS, fake.checks().size(), "seed " + seed + ": checks " + fake.checks());
    System.out.println(timeline());
  }

  private ForkedJvm start(int round, int from, int to) throws IOException {
    ForkedJvm worker = ForkedJvm.start(dir.resolve("logs"), String.format("%02d-keys-%d-%d", round, from, to - 1),
        WebkassaCrashWorker.class, NEEDED, dir.toString(), fake.baseUrl(), fake.apiKey(), fake.login(),
        fake.password(), fake.cashboxNumber(), Integer.toString(from), Integer.toString(to));
    workers.add(worker);
    return worker;
  }

  /**
   * Kills the worker either at a random moment of its start and recovery, or within a few milliseconds
   * after one of its check requests reached the fake: before the fake commits it, after the commit but
   * before the answer, or before the journal has the result.
   */
  private void killSomewhere(ForkedJvm worker, Random random, int keys) throws InterruptedException {
    int request = random.nextInt(keys + 1);
    if (request == 0) {
      Thread.sleep(random.nextInt(RECOVERY_WINDOW_MILLIS));
    } else {
      int target = fake.requests(CHECK).size() + request;
      long until = System.nanoTime() + PATIENCE.toNanos();
      while (worker.isAlive() && System.nanoTime() < until && fake.requests(CHECK).size() < target) {
        Thread.sleep(1);
      }
      Thread.sleep(random.nextInt(REQUEST_WINDOW_MILLIS));
    }
    worker.kill();
  }

  /** Keeps what the worker acknowledged; a key acknowledged with two different checks fails at once. */
  private void heard(ForkedJvm worker, int exit) {
    int acks = acknowledged.read(worker.lines());
    String recovered = worker.lines().stream().filter(line -> line.startsWith("recovered ")).map(line -> ", " + line)
        .findFirst().orElse("");
    story.add(String.format("%6d ms  %s -> exit %d%s, %d acknowledged, %d checks in the fake", elapsedMillis(),
        worker.name(), exit, recovered, acks, fake.checks().size()));
    if (!acknowledged.conflicts().isEmpty()) {
      fail("seed " + seed + ": " + acknowledged.conflicts() + "\n" + timeline());
    }
  }

  /** What the fake's ledger, the acknowledgements and the journal say against "exactly one check per order". */
  private List<String> problems() {
    List<String> problems = new ArrayList<>();
    JdbcConnectionPool database = WebkassaCrashWorker.database(dir);
    try {
      JdbcReceiptJournal journal = JdbcReceiptJournal.open(database);
      for (int i = 0; i < KEYS; i++) {
        IdempotencyKey key = WebkassaCrashWorker.key(i);
        int count = fake.checkCount(key.value());
        Optional<String> printed = fake.check(key.value()).map(WebkassaCheck::fiscalSign);
        Optional<ReceiptRecord> record = journal.find(key);
        Optional<String> journaled = record.flatMap(ReceiptRecord::result).flatMap(FiscalResult::fiscalSign);
        if (count != 1) {
          problems.add(key.value() + " has " + count + " checks in the fake; history " + journal.history(key));
        } else if (record.isEmpty() || record.get().status() != ReceiptStatus.FISCALIZED) {
          problems.add(key.value() + " is " + record.map(r -> r.status().name()).orElse("missing") + " in the journal");
        } else if (!journaled.equals(printed)) {
          problems.add(key.value() + " journaled " + journaled + " but the fake printed " + printed);
        } else if (!acknowledged.fiscalSign(key).equals(printed)) {
          problems.add(key.value() + " was acknowledged as " + acknowledged.fiscalSign(key) + " but the fake printed "
              + printed);
        }
      }
      for (ReceiptStatus pending : List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT)) {
        journal.findByStatus(pending, 10).forEach(r -> problems.add(r.key().value() + " is still " + pending));
      }
    } finally {
      database.dispose();
    }
    return problems;
  }

  private long elapsedMillis() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private String timeline() {
    return String.join("\n", story);
  }
}
