package kz.fiscal.testkit.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes — two {@link FiscalClient}s, each with its own pool to the one PostgreSQL and its own node
 * id — work the same paid orders at once on one shared register that prints a second check for a
 * resent key. Midway one node dies like a killed process; the other finishes its own work, waits out
 * the dead node's leases and recovers. Every order must end with exactly one check, journaled as the
 * register printed it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TwoNodesOnePostgresTest {
  private static final String SCHEMA = "fiscal_two_nodes";
  private static final int KEYS = 2_000;
  private static final int THREADS_PER_NODE = 4;
  /** Node A dies right after the register's call with this number applied its check. */
  private static final int KILL_AT_REGISTER_CALL = KEYS / 2;
  /**
   * Long enough for node B's callers to be done before the dead node's leases run out, so that
   * {@code recover()} is what finishes them (on a slow machine B's callers take some over themselves,
   * which the test accounts for too); short enough to keep the test quick.
   */
  private static final Duration LEASE = Duration.ofSeconds(10);

  private final List<JdbcConnectionPool> pools = new ArrayList<>();
  private final OffsetDateTime paidAt = KzTime.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS);

  @AfterEach
  void disposePools() {
    pools.forEach(JdbcConnectionPool::dispose);
  }

  @Test
  void aNodeKilledMidwayLeavesEveryOrderWithExactlyOneCheckOnceTheOtherRecovers() throws Exception {
    NodeDatabase.assumePostgres();
    NodeDatabase.emptySchema(SCHEMA);
    RecordingFiscalDriver register = RecordingFiscalDriver.builder().deduplicateKeys(false).build();
    KillSwitch nodeA = new KillSwitch();
    AtomicReference<IdempotencyKey> dyingKey = new AtomicReference<>();
    AtomicReference<Instant> killedAt = new AtomicReference<>();
    FiscalDriver registerOfA = nodeA.driver(register, key -> {
      if (register.registerCalls() >= KILL_AT_REGISTER_CALL && dyingKey.compareAndSet(null, key)) {
        killedAt.set(Instant.now());
        return true;
      }
      return false;
    });
    FiscalClient a = Workload.node("node-a", JdbcReceiptJournal.open(nodeA.dataSource(pool())), registerOfA, LEASE);
    JdbcReceiptJournal journalB = JdbcReceiptJournal.open(pool());
    FiscalClient b = Workload.node("node-b", journalB, register, LEASE);

    Map<IdempotencyKey, List<FiscalResult>> answers = new ConcurrentHashMap<>();
    Set<String> unexpected = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> runsOfA = new ArrayList<>();
    List<Future<Boolean>> runsOfB = new ArrayList<>();
    for (int t = 0; t < THREADS_PER_NODE; t++) {
      List<Integer> orderOfA = Workload.shuffled(KEYS, 100 + t);
      List<Integer> orderOfB = Workload.shuffled(KEYS, 200 + t);
      runsOfA.add(threads.submit(() -> {
        try {
          Workload.work(a, orderOfA, paidAt, start, answers, unexpected);
          return true;
        } catch (KillSwitch.Killed e) {
          return false;
        }
      }));
      runsOfB.add(threads.submit(() -> {
        Workload.work(b, orderOfB, paidAt, start, answers, unexpected);
        return true;
      }));
    }
    start.countDown();

    for (Future<Boolean> run : runsOfA) {
      assertEquals(Boolean.FALSE, run.get(1, TimeUnit.MINUTES), "every thread of node A dies with it");
    }
    assertTrue(nodeA.killed());
    IdempotencyKey dying = dyingKey.get();
    assertNotNull(dying);
    List<ReceiptRecord> heldByDeadA = Workload.pendingOwnedBy(journalB, "node-a#");
    for (Future<Boolean> run : runsOfB) {
      assertEquals(Boolean.TRUE, run.get(1, TimeUnit.MINUTES), "node B's threads live to the end");
    }
    threads.shutdown();
    Duration afterKill = Duration.between(killedAt.get(), Instant.now());
    List<ReceiptRecord> pendingBeforeRecovery = Workload.pending(journalB);

    Workload.sleepUntil(killedAt.get().plus(LEASE).plusMillis(500));
    RecoveryReport report = b.recover();

    assertEquals(Set.of(), unexpected, "no caller saw anything but a result or an outcome in doubt");
    Set<IdempotencyKey> heldKeys = heldByDeadA.stream().map(ReceiptRecord::key).collect(Collectors.toSet());
    assertTrue(pendingBeforeRecovery.stream().allMatch(r -> heldKeys.contains(r.key())),
        "only what the dead node held waits for recovery");
    assertEquals(new RecoveryReport(pendingBeforeRecovery.size(), pendingBeforeRecovery.size(), 0, 0), report,
        "recovery finishes every record left pending, no more");
    assertTrue(heldByDeadA.stream().anyMatch(r -> r.key().equals(dying) && r.status() == ReceiptStatus.SENT),
        "node A died holding " + dying.value() + " as SENT with its check printed");

    Map<IdempotencyKey, FiscalResult> ledger = new HashMap<>();
    for (RecordingFiscalDriver.Applied applied : register.ledger()) {
      assertEquals(null, ledger.put(applied.key(), applied.result()), "a second check for " + applied.key().value());
    }
    assertEquals(KEYS, ledger.size());
    assertEquals(KEYS, register.registerCalls(), "no register call was a blind resend");
    for (int k = 0; k < KEYS; k++) {
      IdempotencyKey key = Workload.key(k);
      ReceiptRecord record = b.status(key).orElseThrow();
      assertEquals(ReceiptStatus.FISCALIZED, record.status(), key.value());
      assertEquals(1, register.ledgerCount(key), key.value());
      assertEquals(Optional.of(ledger.get(key)), record.result(), key.value());
      assertEquals(Optional.empty(), record.owner(), key.value() + " holds no lease");
      for (FiscalResult answer : answers.getOrDefault(key, List.of())) {
        assertEquals(ledger.get(key), answer, "every caller got the one check of " + key.value());
      }
    }
    for (ReceiptRecord held : heldByDeadA) {
      List<JournalEntry> history = b.history(held.key());
      JournalEntry last = history.get(history.size() - 1);
      assertEquals(ReceiptStatus.FISCALIZED, last.to(), held.key().value());
      assertTrue(last.owner().startsWith("node-b#"), held.key().value() + " finished by node B: " + last.owner());
    }
    assertEquals(1, b.status(dying).orElseThrow().attempts(), "the dying key was sent once");
    List<JournalEntry> dyingHistory = b.history(dying);
    JournalEntry doubt = dyingHistory.get(dyingHistory.size() - 2);
    assertEquals(List.of(Optional.of(ReceiptStatus.SENT), ReceiptStatus.IN_DOUBT,
            Optional.of(RecordedError.Kind.LEASE_EXPIRED)),
        List.of(doubt.from(), doubt.to(), doubt.error().map(RecordedError::kind)),
        "node B found the dead node's check by lookup instead of sending again");
    System.out.printf("two nodes: node A died after register call %d holding %d records; node B's callers were done"
            + " %d ms later, %d records still pending; recover() finished %d%n", KILL_AT_REGISTER_CALL,
        heldByDeadA.size(), afterKill.toMillis(), pendingBeforeRecovery.size(), report.fiscalized());
  }

  private JdbcConnectionPool pool() {
    JdbcConnectionPool pool = NodeDatabase.pool(SCHEMA, THREADS_PER_NODE + 2);
    pools.add(pool);
    return pool;
  }


}
