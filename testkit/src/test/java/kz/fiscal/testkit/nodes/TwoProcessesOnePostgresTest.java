package kz.fiscal.testkit.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.testkit.ForkedJvm;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TwoNodesOnePostgresTest} with a real crash: node A runs in a JVM of its own and is killed
 * with {@code kill -9} ({@link ForkedJvm#kill()}) wherever it happens to be — between printing
 * a check and journaling it, inside a transaction, holding leases. The register is a ledger file both
 * processes append to, so it outlives the dead one. Node B finishes, waits out A's leases and recovers.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoProcessesOnePostgresTest {
  private static final String SCHEMA = "fiscal_two_processes";
  private static final int KEYS = 2_000;
  private static final int THREADS_PER_NODE = 4;
  /** See {@link TwoNodesOnePostgresTest}: long enough for B's callers to finish first, usually. */
  private static final Duration LEASE = Duration.ofSeconds(10);

  @TempDir
  Path directory;
  private final List<JdbcConnectionPool> pools = new ArrayList<>();
  private ForkedJvm nodeA;
  private final OffsetDateTime paidAt = KzTime.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS);

  @AfterEach
  void cleanUp() {
    if (nodeA != null) {
      try {
        nodeA.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pools.forEach(JdbcConnectionPool::dispose);
  }

  @Test
  void aNodeProcessKilledMidwayLeavesEveryOrderWithExactlyOneCheckOnceTheOtherRecovers() throws Exception {
    NodeDatabase.assumePostgres();
    NodeDatabase.emptySchema(SCHEMA);
    Path ledgerFile = directory.resolve("ledger.csv");
    FileLedgerRegister register = new FileLedgerRegister(ledgerFile, "node-b");
    JdbcConnectionPool pool = NodeDatabase.pool(SCHEMA, THREADS_PER_NODE + 2);
    pools.add(pool);
    JdbcReceiptJournal journalB = JdbcReceiptJournal.open(pool);
    FiscalClient b = Workload.node("node-b", journalB, register, LEASE);

    nodeA = startNodeA(ledgerFile);
    if (!nodeA.awaitLine(NodeProcess.READY, Duration.ofSeconds(60))) {
      fail("node A did not start:\n" + nodeA.lines() + "\n" + nodeA.stderr());
    }
    Map<IdempotencyKey, List<FiscalResult>> answers = new ConcurrentHashMap<>();
    Set<String> unexpected = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS_PER_NODE);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> runsOfB = new ArrayList<>();
    for (int t = 0; t < THREADS_PER_NODE; t++) {
      List<Integer> order = Workload.shuffled(KEYS, 200 + t);
      runsOfB.add(threads.submit(() -> {
        Workload.work(b, order, paidAt, start, answers, unexpected);
        return null;
      }));
    }
    start.countDown();

    int printedByA = killNodeAMidway(register);
    Instant killedAt = Instant.now();
    List<ReceiptRecord> heldByDeadA = Workload.pendingOwnedBy(journalB, "node-a#");
    for (Future<?> run : runsOfB) {
      run.get(1, TimeUnit.MINUTES);
    }
    threads.shutdown();
    List<ReceiptRecord> pendingBeforeRecovery = Workload.pending(journalB);
    Workload.sleepUntil(killedAt.plus(LEASE).plusMillis(500));
    RecoveryReport report = b.recover();

    assertEquals(Set.of(), unexpected, "no caller of node B saw anything but a result or an outcome in doubt");
    Set<IdempotencyKey> heldKeys = heldByDeadA.stream().map(ReceiptRecord::key).collect(Collectors.toSet());
    assertTrue(pendingBeforeRecovery.stream().allMatch(r -> heldKeys.contains(r.key())),
        "only what the dead node held waits for recovery");
    assertEquals(new RecoveryReport(pendingBeforeRecovery.size(), pendingBeforeRecovery.size(), 0, 0), report);

    List<FileLedgerRegister.Printed> ledger = register.ledger();
    Map<IdempotencyKey, FileLedgerRegister.Printed> checks = new HashMap<>();
    for (FileLedgerRegister.Printed printed : ledger) {
      assertEquals(null, checks.put(printed.key(), printed), "a second check for " + printed.key().value());
    }
    assertEquals(KEYS, checks.size());
    Set<IdempotencyKey> printedByANeverJournaledByA = new LinkedHashSet<>();
    for (int k = 0; k < KEYS; k++) {
      IdempotencyKey key = Workload.key(k);
      ReceiptRecord record = b.status(key).orElseThrow();
      FiscalResult check = checks.get(key).result();
      assertEquals(ReceiptStatus.FISCALIZED, record.status(), key.value());
      assertEquals(Optional.of(check), record.result(), key.value());
      assertEquals(Optional.empty(), record.owner(), key.value() + " holds no lease");
      for (FiscalResult answer : answers.getOrDefault(key, List.of())) {
        assertEquals(check, answer, "every caller got the one check of " + key.value());
      }
      List<JournalEntry> history = b.history(key);
      JournalEntry last = history.get(history.size() - 1);
      if (checks.get(key).node().equals("node-a") && !last.owner().startsWith("node-a#")) {
        printedByANeverJournaledByA.add(key);
        assertEquals(ReceiptStatus.IN_DOUBT, history.get(history.size() - 2).to(),
            key.value() + ": node B found A's check by lookup");
      }
    }
    for (ReceiptRecord held : heldByDeadA) {
      List<JournalEntry> history = b.history(held.key());
      assertTrue(history.get(history.size() - 1).owner().startsWith("node-b#"), held.key().value());
    }
    assertFalse(nodeA.isAlive());
    System.out.printf("two processes: node A killed after printing %d of %d checks, holding %d records; %d of its"
            + " checks were journaled by B after a lookup; recover() finished %d%n", printedByA, ledger.size(),
        heldByDeadA.size(), printedByANeverJournaledByA.size(), report.fiscalized());
  }

  /** Waits until half the orders have a check and node A printed some of them, then kills it; A's count. */
  private int killNodeAMidway(FileLedgerRegister register) throws Exception {
    while (true) {
      List<FileLedgerRegister.Printed> ledger = register.ledger();
      int printedByA = (int) ledger.stream().filter(p -> p.node().equals("node-a")).count();
      if (ledger.size() >= KEYS / 2 && printedByA >= 50) {
        nodeA.kill();
        return printedByA;
      }
      if (!nodeA.isAlive()) {
        fail("node A ended before it was killed:\n" + nodeA.lines() + "\n" + nodeA.stderr());
      }
      Thread.sleep(2);
    }
  }

  private ForkedJvm startNodeA(Path ledgerFile) throws IOException {
    return ForkedJvm.start(directory.resolve("logs"), "node-a", NodeProcess.class, SCHEMA, ledgerFile.toString(),
        "node-a", Integer.toString(THREADS_PER_NODE), Integer.toString(KEYS), Long.toString(LEASE.toMillis()),
        paidAt.toString());
  }
}
