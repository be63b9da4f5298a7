package kz.fiscal.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.Acknowledgements;
import kz.fiscal.testkit.ForkedJvm;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.crash.CrashWorker.Death;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * "One paid order, exactly one fiscal check, whatever fails", with real process deaths: a shop process
 * ({@link CrashWorker}) on an H2 file journal and a file-ledger register dies at scripted points and by
 * {@code kill -9} at random moments, now and then while recovering too; after each death a new process
 * recovers and fiscalizes the same orders again. The parent then reads the journal and the register's
 * ledger itself. The register prints a second check for a resent key, so any blind resend would show.
 *
 * <p>Each worker is started while the one before still holds the journal and waits for H2's file
 * lock, so JVM starts overlap the work. Set {@code -Dkz.fiscal.crash.seed=N} to repeat a run's choices; a
 * failed run keeps its directory (journal, ledger, every worker's output) and prints its timeline.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashRecoveryTest {
  private static final int ROUNDS = 30;
  private static final int SCRIPTED_KEYS = 5;
  private static final int KILLED_KEYS = 20;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  /** Libraries a worker uses, wherever surefire put them. */
  private static final List<Class<?>> NEEDED = List.of(RecordingFiscalDriver.class, FiscalClient.class,
      JdbcConnectionPool.class);

  /** Kept when a test fails, with the journal, the ledger and every worker's output, for a post-mortem. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final Acknowledgements acknowledged = new Acknowledgements();
  private final List<String> story = new ArrayList<>();
  private final List<ForkedJvm> workers = new ArrayList<>();
  private final long started = System.nanoTime();
  private final long seed = Long.getLong("kz.fiscal.crash.seed", started);
  private int processes;

  /** A failed test leaves no worker behind, waiting for the journal or working in it. */
  @AfterEach
  void killLeftoverWorkers() throws InterruptedException {
    for (ForkedJvm worker : workers) {
      worker.kill();
    }
  }

  @Test
  void everyPaidOrderGetsExactlyOneCheckThroughThirtyProcessDeathsAndRecoveries() throws Exception {
    Random random = new Random(seed);
    List<Death> deaths = deaths(random);
    int killedWhileWorking = 0;
    int from = 0;
    int to = keysFor(deaths.get(0));
    ForkedJvm runner = start("run", from, to, deaths.get(0), from + random.nextInt(to - from));
    for (int round = 0; round < ROUNDS; round++) {
      Death death = deaths.get(round);
      awaitReady(runner);
      // Started now, it waits for the runner's files and takes over the moment the runner dies.
      ForkedJvm recoverer = start("recover", from, to);
      if (death == Death.NONE) {
        Thread.sleep(random.nextInt(150));
        runner.kill();
      }
      int exit = runner.exitCode(PATIENCE);
      heard(runner, exit);
      if (death == Death.NONE) {
        assertTrue(exit == 0 || exit == CrashWorker.HALTED, "seed " + seed + ": " + runner + " failed:\n"
            + runner.stderr());
        killedWhileWorking += exit == CrashWorker.HALTED ? 1 : 0;
      } else {
        assertEquals(CrashWorker.HALTED, exit, "seed " + seed + ": " + runner + " did not die where told:\n"
            + runner.stderr());
      }
      if (death == Death.NONE && random.nextInt(3) == 0) {
        recoverer = killWhileRecovering(recoverer, random, from, to);
      }
      awaitReady(recoverer);
      int next = to;
      if (round + 1 < ROUNDS) {
        Death nextDeath = deaths.get(round + 1);
        int nextTo = next + keysFor(nextDeath);
        runner = start("run", next, nextTo, nextDeath, next + random.nextInt(nextTo - next));
        from = next;
        to = nextTo;
      }
      exit = recoverer.exitCode(PATIENCE);
      heard(recoverer, exit);
      assertEquals(0, exit, "seed " + seed + ": " + recoverer + " failed:\n" + recoverer.stderr()
          + String.join("\n", story));
      // A line per round, so a person watching CI sees a three-minute test move.
      System.out.printf("CrashRecoveryTest round %d/%d (%s) done after %d ms, %d processes so far, seed %d%n",
          round + 1, ROUNDS, death, (System.nanoTime() - started) / 1_000_000, processes, seed);
    }

    assertTrue(killedWhileWorking > 0, "no kill -9 landed while a worker was fiscalizing; seed " + seed);
    assertEquals(List.of(), problems(to), "seed " + seed + "\n" + String.join("\n", story));
  }

  @Test
  void aSecondProcessCannotOpenTheJournalFileWhileTheFirstHoldsIt() throws Exception {
    ForkedJvm holder = start("hold");
    JdbcConnectionPool database = CrashWorker.database(dir);
    try {
      assertTrue(holder.awaitLine(CrashWorker.READY, PATIENCE), holder.stderr());

      SQLException refused = assertThrows(SQLException.class, () -> database.getConnection().close());
      assertEquals(H2_DATABASE_ALREADY_OPEN, refused.getErrorCode(), refused.getMessage());
      JournalException journal = assertThrows(JournalException.class, () -> JdbcReceiptJournal.open(database));
      assertEquals(H2_DATABASE_ALREADY_OPEN, ((SQLException) journal.getCause()).getErrorCode());

      holder.kill();
      assertEquals(CrashWorker.HALTED, holder.exitCode(PATIENCE));
      JdbcReceiptJournal.open(database); // the lock dies with its process
    } finally {
      database.dispose();
    }
  }

  /** 7 of each scripted death and 9 kills at random moments, in random order. */
  private static List<Death> deaths(Random random) {
    List<Death> deaths = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      deaths.add(i < 21 ? Death.values()[i % 3] : Death.NONE);
    }
    Collections.shuffle(deaths, random);
    return deaths;
  }

  private static int keysFor(Death death) {
    return death == Death.NONE ? KILLED_KEYS : SCRIPTED_KEYS;
  }

  /** Kills a recovery past the lease, while it recovers; the next one, already waiting, must finish it. */
  private ForkedJvm killWhileRecovering(ForkedJvm recoverer, Random random, int from, int to)
      throws Exception {
    awaitReady(recoverer);
    ForkedJvm next = start("recover", from, to);
    Thread.sleep(CrashWorker.LEASE.toMillis() + 100 + random.nextInt(80));
    recoverer.kill();
    int exit = recoverer.exitCode(PATIENCE);
    heard(recoverer, exit);
    assertTrue(exit == 0 || exit == CrashWorker.HALTED, "seed " + seed + ": " + recoverer + " failed:\n"
        + recoverer.stderr());
    return next;
  }

  private void awaitReady(ForkedJvm worker) throws InterruptedException {
    assertTrue(worker.awaitLine(CrashWorker.READY, PATIENCE), "seed " + seed + ": " + worker + " never got ready:\n"
        + worker.stderr());
  }

  private ForkedJvm start(String mode, Object... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(mode, dir.toString()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    ForkedJvm worker = ForkedJvm.start(dir.resolve("logs"), String.format("%03d-%s", ++processes, mode),
        CrashWorker.class, NEEDED, command.toArray(String[]::new));
    workers.add(worker);
    return worker;
  }

  /** Keeps what the worker acknowledged; a key acknowledged with two different checks fails at once. */
  private void heard(ForkedJvm worker, int exit) {
    int acks = acknowledged.read(worker.lines());
    story.add(String.format("%6d ms  %s -> exit %d, %d acknowledged", (System.nanoTime() - started) / 1_000_000,
        worker, exit, acks));
    if (!acknowledged.conflicts().isEmpty()) {
      fail("seed " + seed + ": " + acknowledged.conflicts() + "\n" + String.join("\n", story));
    }
  }

  /** What the journal and the ledger, read by this process, say against "exactly one check per order". */
  private List<String> problems(int keys) {
    List<String> problems = new ArrayList<>();
    JdbcConnectionPool database = CrashWorker.database(dir);
    try (RecordingFiscalDriver ledger = RecordingFiscalDriver.builder().ledgerFile(CrashWorker.ledgerFile(dir)).build()) {
      JdbcReceiptJournal journal = JdbcReceiptJournal.open(database);
      for (int i = 0; i < keys; i++) {
        IdempotencyKey key = CrashWorker.key(i);
        Optional<ReceiptRecord> record = journal.find(key);
        List<FiscalResult> applied = ledger.results(key);
        Optional<FiscalResult> result = record.flatMap(ReceiptRecord::result);
        if (record.isEmpty() || record.get().status() != ReceiptStatus.FISCALIZED) {
          problems.add(key.value() + " is " + record.map(r -> r.status().name()).orElse("missing"));
        } else if (applied.size() != 1) {
          problems.add(key.value() + " was applied " + applied.size() + " times: " + applied + "; history "
              + journal.history(key));
        } else if (!result.equals(Optional.of(applied.get(0)))) {
          problems.add(key.value() + " journaled " + result + " but the register printed " + applied.get(0));
        } else if (acknowledged.acknowledged(key) && !acknowledged.fiscalSign(key).equals(result.get().fiscalSign())) {
          problems.add(key.value() + " was acknowledged as " + acknowledged.fiscalSign(key) + " but journaled as "
              + result.get().fiscalSign());
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
}
