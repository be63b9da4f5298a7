package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.SELLER;
import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.FiscalClient.Backlog;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.RegisterRouter;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.testkit.ForwardingReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.junit.jupiter.api.Test;

/**
 * Recovery over several registers: each record at its own register, a failing register left for the
 * pass, a large backlog read once, a restarted node's leases taken back at once, and what waits listed
 * per register for a person.
 */
class FiscalClientRecoveryRegistersTest {
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final TestClock clock = new TestClock(Instant.parse("2026-05-20T05:15:00Z"));
  private final InMemoryReceiptJournal memory = new InMemoryReceiptJournal(clock);
  private final AtomicInteger pages = new AtomicInteger();
  private final ReceiptJournal journal = new ForwardingReceiptJournal(memory) {
    @Override
    public List<Pending> recoverable(long position, int limit) {
      pages.incrementAndGet();
      return super.recoverable(position, limit);
    }
  };
  private final RecordingFiscalDriver first = register("POOL-1");
  private final RecordingFiscalDriver second = register("POOL-2");

  private RecordingFiscalDriver register(String number) {
    return RecordingFiscalDriver.builder().number(number).clock(clock).build();
  }

  private FiscalClient client(List<RecordingFiscalDriver> drivers, String node) {
    return FiscalClient.builder().drivers(drivers).router(RegisterRouter.leastBusy()).journal(journal).clock(clock)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).sleeper(clock::advance).build()).leaseDuration(LEASE)
        .nodeId(node).build();
  }

  /** A record left by a dead node: sent to {@code register} (or, when empty, before registers were recorded). */
  private void sentByADeadNode(IdempotencyKey key, Optional<RegisterId> register) {
    memory.beginSending(key, "digest-of-" + key.value(), sale("100.00").withOperationTime(ClientFixture.PAID_AT),
        "dead-node#1", LEASE, register);
  }

  @Test
  void aRegisterThatKeepsFailingIsLeftForThePassWhileTheOtherIsRecovered() {
    for (int i = 0; i < 5; i++) {
      sentByADeadNode(key("on-first-" + i), Optional.of(first.info().registerId()));
    }
    sentByADeadNode(key("on-second-0"), Optional.of(second.info().registerId()));
    sentByADeadNode(key("on-second-1"), Optional.of(second.info().registerId()));
    clock.advance(LEASE.plusSeconds(1));
    first.block();

    RecoveryReport report = client(List.of(first, second), "node-b").recover();

    assertEquals(new RecoveryReport(5, 2, 0, 3, 0, 0, 0, 2), report);
    assertEquals(3, first.lookupCalls(), "three failures in a row, then the register is left alone");
    assertEquals(List.of(key("on-second-0"), key("on-second-1")),
        second.ledger().stream().map(RecordingFiscalDriver.Applied::key).toList());
  }

  @Test
  void aRecordBoundToARegisterThisClientLacksIsLeftAloneAndListed() throws FiscalException {
    RecordingFiscalDriver other = register("OTHER-NODE");
    other.failNext(RecordingFiscalDriver.Fault.UNKNOWN_WITHOUT_APPLYING);
    assertThrows(OutcomeUnknownException.class,
        () -> client(List.of(other), "node-a").fiscalize(key("elsewhere"), sale("100.00")));
    FiscalClient client = client(List.of(first, second), "node-b");

    RecoveryReport report = client.recover();
    Backlog backlog = client.backlog(10);

    assertEquals(new RecoveryReport(0, 0, 0, 0, 0, 0, 1, 0), report);
    assertEquals(List.of(key("elsewhere")), backlog.unroutable().stream().map(ReceiptRecord::key).toList());
    assertThrows(OutcomeUnknownException.class, () -> client.fiscalize(key("elsewhere"), sale("100.00")));
    assertEquals(ReceiptStatus.IN_DOUBT, client.status(key("elsewhere")).orElseThrow().status());
    assertEquals(0, first.lookupCalls() + second.lookupCalls() + first.registerCalls() + second.registerCalls());
  }

  @Test
  void aRecordSentBeforeRegistersWereRecordedGoesToTheOnlyRegisterButWaitsForAPersonAmongSeveral() {
    sentByADeadNode(key("old"), Optional.empty());
    clock.advance(LEASE.plusSeconds(1));

    RecoveryReport amongSeveral = client(List.of(first, second), "node-b").recover();
    RecoveryReport alone = client(List.of(first), "node-c").recover();

    assertEquals(1, amongSeveral.notHere());
    assertEquals(new RecoveryReport(1, 1, 0, 0), alone);
    assertEquals(Optional.of(first.info().registerId()), memory.find(key("old")).orElseThrow().register(),
        "bound on its next send");
  }

  @Test
  void aRecordSentBeforeRegistersWereRecordedIsBoundToTheRegisterWhoseCheckALookupFinds() throws FiscalException {
    sentByADeadNode(key("old-made"), Optional.empty());
    first.register(key("old-made"), sale("100.00"), Instant.MAX); // the dead node's check, made before it died
    clock.advance(LEASE.plusSeconds(1));

    RecoveryReport report = client(List.of(first), "node-c").recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
    assertEquals(1, first.ledgerCount(key("old-made")));
    assertEquals(Optional.of(first.info().registerId()), memory.find(key("old-made")).orElseThrow().register());
  }

  @Test
  void aLargeBacklogIsReadOncePageByPage() {
    for (int i = 0; i < 250; i++) {
      sentByADeadNode(key("backlog-" + i), Optional.of(first.info().registerId()));
    }
    clock.advance(LEASE.plusSeconds(1));

    RecoveryReport report = client(List.of(first), "node-b").recover();

    assertEquals(250, report.fiscalized());
    assertEquals(4, pages.get(), "three pages of 100 and the empty one that ends the walk");
  }

  @Test
  void aRestartedNodeTakesBackItsLeasesAtOnce() {
    memory.beginSending(key("held"), "digest", sale("100.00"), "shop-1#17", LEASE,
        Optional.of(first.info().registerId()));

    RecoveryReport report = client(List.of(first), "shop-1").recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
  }

  @Test
  void aKeyAnotherCallerIsFiscalizingEndsWithItsOwnReason() throws Exception {
    HeldRegister slow = new HeldRegister(first);
    FiscalClient working = FiscalClient.builder().driver(slow).journal(journal).clock(clock).nodeId("node-a").build();
    CompletableFuture<FiscalResult> running = working.submit(key("busy"), sale("100.00"));
    assertTrue(slow.awaitInside());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client(List.of(first), "node-b").fiscalize(key("busy"), sale("100.00")));
    slow.release();
    running.get(10, TimeUnit.SECONDS);

    assertEquals(OutcomeUnknownException.Reason.IN_PROGRESS, e.reason());
    assertEquals(ReceiptStatus.FISCALIZED, journal.find(key("busy")).orElseThrow().status());
    assertEquals(1, first.ledgerCount(key("busy")));
  }

  @Test
  void theBacklogListsWhatWaitsPerRegisterOldestFirst() throws FiscalException {
    sentByADeadNode(key("a-sent"), Optional.of(first.info().registerId()));
    clock.advance(Duration.ofSeconds(1));
    sentByADeadNode(key("b-sent"), Optional.of(second.info().registerId()));
    ReceiptRecord doubt = memory.find(key("b-sent")).orElseThrow();
    memory.apply(doubt.key(), "dead-node#1", doubt.version(), Transition.failure(ReceiptStatus.IN_DOUBT,
        new kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError(kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError.Kind.OUTCOME_UNKNOWN, "",
            "read timed out", clock.instant())), LEASE);
    FiscalClient client = client(List.of(first, second), "node-b");
    client.fiscalize(key("done"), sale("300.00"));

    Backlog backlog = client.backlog(10);

    assertEquals(List.of(key("a-sent")), keys(backlog.registers().get(first.info().registerId()).pending()));
    assertEquals(List.of(key("b-sent")), keys(backlog.registers().get(second.info().registerId()).inDoubt()));
    assertTrue(backlog.unroutable().isEmpty() && backlog.unrouted().isEmpty());
    assertEquals(SELLER, client.status(key("done")).orElseThrow().receipt().seller());
  }

  private static List<IdempotencyKey> keys(List<ReceiptRecord> records) {
    return records.stream().map(ReceiptRecord::key).toList();
  }
}
