package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.LeaseLostException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance suite every {@link ReceiptJournal} passes. A journal's test subclasses it, makes a
 * fresh, empty journal in {@link #newJournal()} and moves the journal's clock in {@link #advanceClock}
 * (a test clock for the in-memory journal; real waiting or the database's clock for JDBC ones).
 *
 * <p>What the suite pins down beyond the SPI's Javadoc, so that every journal agrees:
 * <ul>
 *   <li>{@code begin} makes version 1; every claim, transition and release adds exactly 1.</li>
 *   <li>A lease granted at {@code t} for {@code d} holds until {@code t + d}; a transition stamps
 *       {@code updatedAt}, the history entry's time and the renewed lease from one and the same instant.</li>
 *   <li>A claim or a release changes the lease only: no history entry, no new {@code updatedAt}.</li>
 *   <li>"Oldest first" is the order in which the records were created, whatever happened to them since.</li>
 * </ul>
 * Leases the suite lets run out are {@link #SHORT_LEASE} long and it always waits {@link #PAST_SHORT_LEASE};
 * leases that must hold are {@link #LONG_LEASE}, so a slow database cannot make a test flaky.
 */
public abstract class ReceiptJournalContract {
  /** The lease the suite lets run out. */
  protected static final Duration SHORT_LEASE = Duration.ofMillis(200);
  /** How far the suite moves the clock to let a {@link #SHORT_LEASE} run out. */
  protected static final Duration PAST_SHORT_LEASE = SHORT_LEASE.plusMillis(50);
  /** A lease that outlives every test. */
  protected static final Duration LONG_LEASE = Duration.ofMinutes(10);
  /** The step between records whose order matters. */
  protected static final Duration STEP = Duration.ofMillis(5);

  protected static final String OWNER = "node-a#1";
  protected static final String OTHER = "node-b#1";
  protected static final String THIRD = "node-c#1";

  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", Xin.parse("150740001357"),
      "Алматы, пр. Абая, 1");
  protected static final Receipt RECEIPT = Receipt.sale(SELLER)
      .operationTime(OffsetDateTime.parse("2026-03-01T09:30+05:00"))
      .item("Хлеб пшеничный", "2", "250.00", VatRate.SIXTEEN)
      .payment(PaymentType.CARD, "500.00")
      .build();
  protected static final String DIGEST = "d1".repeat(32);
  /** The receipt after the seller corrected it: another price. */
  protected static final Receipt CORRECTED = Receipt.sale(SELLER)
      .operationTime(OffsetDateTime.parse("2026-03-01T09:45+05:00"))
      .item("Хлеб пшеничный", "2", "240.00", VatRate.SIXTEEN)
      .payment(PaymentType.CARD, "480.00")
      .build();
  protected static final String CORRECTED_DIGEST = "c2".repeat(32);

  protected static final FiscalResult RESULT = FiscalResult.builder()
      .fiscalSign("3004567891")
      .checkNumber(17)
      .shiftNumber(42)
      .rnm("010101234567")
      .dateTime(OffsetDateTime.parse("2026-03-01T09:30:05+05:00"))
      .total(Tenge.of("500.00"))
      .ofd(new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz"))
      .build();
  protected static final RecordedError DEVICE = new RecordedError(RecordedError.Kind.DEVICE, "18",
      "Paper out", Instant.parse("2026-03-01T04:30:01Z"));
  protected static final RegisterId REGISTER_A = RegisterId.of("webkassa", "SWK00000001");
  protected static final RegisterId REGISTER_B = RegisterId.of("webkassa", "SWK00000002");
  protected static final RecordedError COLLISION = new RecordedError(RecordedError.Kind.KEY_COLLISION, "",
      "Key holds another check: its total is 600.00, the journaled receipt's 500.00", Instant.parse("2026-03-02T04:00:00Z"));
  protected static final RecordedError UNKNOWN = new RecordedError(RecordedError.Kind.OUTCOME_UNKNOWN, "",
      "Read timed out after the request was written", Instant.parse("2026-03-01T04:30:02Z"));
  protected static final RecordedError REJECTED = new RecordedError(RecordedError.Kind.REJECTED, "9",
      "VAT rate not allowed", Instant.parse("2026-03-01T04:30:03Z"));

  private ReceiptJournal journal;

  /** A new, empty journal; called before every test. */
  protected abstract ReceiptJournal newJournal() throws Exception;

  /** Moves the journal's clock forward by at least {@code duration}. */
  protected abstract void advanceClock(Duration duration) throws Exception;

  /** The journal under test. */
  protected final ReceiptJournal journal() {
    return journal;
  }

  @BeforeEach
  public void openJournal() throws Exception {
    journal = newJournal();
  }

  // --- begin ---

  @Test
  public void beginCreatesARequestedRecordOwnedByTheCallerAtVersionOne() {
    IdempotencyKey key = key("order-1:sale");

    ReceiptJournal.Begin begin = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE);

    assertTrue(begin.created());
    ReceiptRecord r = begin.record();
    Instant created = r.createdAt();
    assertEquals(new ReceiptRecord(key, DIGEST, RECEIPT, ReceiptStatus.REQUESTED, 0, Optional.empty(),
        Optional.empty(), Optional.empty(), created, created, Optional.of(OWNER), Optional.of(created.plus(LONG_LEASE)),
        1), r);
    assertEquals(Optional.of(r), journal.find(key));
    assertEquals(List.of(new JournalEntry(key, Optional.empty(), ReceiptStatus.REQUESTED, 0, created, OWNER,
        Optional.empty())), journal.history(key));
  }

  @Test
  public void personalDataIsErasedFromFinalRecordsKeepingTheDigestAndABuyersBin() throws Exception {
    kz.fiscal.core.Customer person = kz.fiscal.core.Customer.email("aigerim@example.kz").withPhone("+77017654321")
        .withXin(Xin.parse("850115300418"));
    kz.fiscal.core.Customer company = kz.fiscal.core.Customer.email("buh@too.kz").withXin(Xin.parse("181040037076"));
    Receipt personal = RECEIPT.newBuilder().customer(person).build();
    Receipt business = RECEIPT.newBuilder().customer(company).build();
    IdempotencyKey refunded = key("order-1:sale");
    IdempotencyKey oldSale = key("order-2:sale");
    IdempotencyKey freshSale = key("order-3:sale");
    IdempotencyKey pending = key("order-4:sale");
    journal.begin(refunded, DIGEST, personal, OWNER, LONG_LEASE);
    drive(refunded, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED, ReceiptStatus.REFUNDED);
    journal.begin(oldSale, DIGEST, business, OWNER, LONG_LEASE);
    drive(oldSale, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED);
    journal.begin(pending, DIGEST, personal, OWNER, LONG_LEASE);
    drive(pending, LONG_LEASE, ReceiptStatus.SENT);
    advanceClock(STEP);
    journal.begin(freshSale, DIGEST, personal, OWNER, LONG_LEASE);
    ReceiptRecord fresh = drive(freshSale, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED);
    ReceiptRecord refundedBefore = journal.find(refunded).orElseThrow();
    int historyBefore = journal.history(refunded).size();

    assertEquals(2, journal.erasePersonalData(fresh.updatedAt()));

    ReceiptRecord erased = journal.find(refunded).orElseThrow();
    assertEquals(kz.fiscal.core.Customer.ANONYMOUS, erased.receipt().customer());
    assertEquals(RECEIPT.items(), erased.receipt().items());
    assertEquals(new ReceiptRecord(refunded, DIGEST, erased.receipt(), ReceiptStatus.REFUNDED, refundedBefore.attempts(),
        refundedBefore.result(), refundedBefore.lastError(), refundedBefore.firstSentAt(), refundedBefore.createdAt(),
        refundedBefore.updatedAt(), refundedBefore.owner(), refundedBefore.leaseUntil(), refundedBefore.version()), erased);
    assertEquals(historyBefore, journal.history(refunded).size());
    assertEquals(kz.fiscal.core.Customer.ANONYMOUS.withXin(Xin.parse("181040037076")),
        journal.find(oldSale).orElseThrow().receipt().customer());
    assertEquals(person, journal.find(freshSale).orElseThrow().receipt().customer());
    assertEquals(person, journal.find(pending).orElseThrow().receipt().customer());
    assertEquals(0, journal.erasePersonalData(fresh.updatedAt()));
  }

  @Test
  public void theLargestReceiptTheValidatorAcceptsIsJournaledAndReadBack() {
    Receipt.Builder builder = Receipt.sale(SELLER).operationTime(OffsetDateTime.parse("2026-03-01T09:30+05:00"));
    for (int i = 0; i < 1_000; i++) {
      builder.item(kz.fiscal.core.Item.builder("Н".repeat(255)).nktCode("1".repeat(50)).ntin("2".repeat(50))
          .gtin("4".repeat(14)).unitPrice("9999999.99").vat(VatRate.SIXTEEN).build());
    }
    Receipt largest = builder.payment(PaymentType.CARD, "9999999990.00").build();
    assertEquals(List.of(), kz.fiscal.core.ReceiptValidator.defaults().validate(largest));
    IdempotencyKey key = key("order-largest:sale");

    journal.begin(key, "1a".repeat(32), largest, OWNER, LONG_LEASE);

    assertEquals(largest, journal.find(key).orElseThrow().receipt());
  }

  @Test
  public void beginOfAnExistingKeyReturnsTheStoredRecordUntouched() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord first = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    advanceClock(PAST_SHORT_LEASE);

    ReceiptJournal.Begin again = journal.begin(key, CORRECTED_DIGEST, CORRECTED, OTHER, LONG_LEASE);

    assertFalse(again.created());
    assertEquals(first, again.record());
    assertEquals(Optional.of(first), journal.find(key));
    assertEquals(1, journal.history(key).size());
  }

  @Test
  public void exactlyOneOfEightRacingBeginsCreatesTheRecord() throws Exception {
    for (int round = 0; round < 10; round++) {
      IdempotencyKey key = key("race-" + round);

      List<ReceiptJournal.Begin> begins = race(8,
          i -> () -> journal.begin(key, DIGEST, RECEIPT, "node-" + i + "#1", LONG_LEASE));

      List<ReceiptJournal.Begin> created = begins.stream().filter(ReceiptJournal.Begin::created).toList();
      assertEquals(1, created.size(), "creators in round " + round);
      ReceiptRecord winner = created.get(0).record();
      for (ReceiptJournal.Begin begin : begins) {
        assertEquals(winner, begin.record());
      }
      assertEquals(Optional.of(winner), journal.find(key));
      assertEquals(1, journal.history(key).size());
    }
  }

  // --- claim and release ---

  @Test
  public void claimFailsWhileTheLeaseHolds() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    assertEquals(Optional.empty(), journal.claim(key, OTHER, LONG_LEASE));
    assertEquals(Optional.of(begun), journal.find(key));
  }

  @Test
  public void claimSucceedsOnceTheLeaseRanOutAndChangesOnlyTheLease() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    advanceClock(PAST_SHORT_LEASE);

    ReceiptRecord claimed = journal.claim(key, OTHER, LONG_LEASE).orElseThrow();

    Instant leaseUntil = claimed.leaseUntil().orElseThrow();
    assertTrue(leaseUntil.isAfter(begun.createdAt().plus(PAST_SHORT_LEASE)), "lease renewed: " + leaseUntil);
    assertEquals(withLease(begun, Optional.of(OTHER), Optional.of(leaseUntil), 2), claimed);
    assertEquals(Optional.of(claimed), journal.find(key));
    assertEquals(1, journal.history(key).size());
  }

  @Test
  public void claimSucceedsAtOnceAfterTheOwnerReleased() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    journal.release(key, OWNER);

    assertEquals(Optional.of(withLease(begun, Optional.empty(), Optional.empty(), 2)), journal.find(key));
    ReceiptRecord claimed = journal.claim(key, OTHER, LONG_LEASE).orElseThrow();
    assertEquals(Optional.of(OTHER), claimed.owner());
    assertEquals(3, claimed.version());
    assertEquals(1, journal.history(key).size());
  }

  @Test
  public void releaseByAnotherWorkerLeavesTheLeaseWithItsOwner() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    journal.release(key, OTHER);

    assertEquals(Optional.of(begun), journal.find(key));
    assertEquals(Optional.empty(), journal.claim(key, THIRD, LONG_LEASE));
  }

  @Test
  public void claimNeverGrantsAHeldLeaseToAnotherOwner() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE);
    advanceClock(PAST_SHORT_LEASE);
    ReceiptRecord taken = journal.claim(key, OTHER, LONG_LEASE).orElseThrow();

    assertEquals(Optional.empty(), journal.claim(key, THIRD, LONG_LEASE));
    assertEquals(Optional.empty(), journal.claim(key, OWNER, LONG_LEASE));
    assertEquals(Optional.of(taken), journal.find(key));
  }

  @Test
  public void exactlyOneOfEightRacingClaimsTakesAnExpiredLease() throws Exception {
    List<IdempotencyKey> keys = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      IdempotencyKey key = key("race-" + round);
      journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE);
      keys.add(key);
    }
    advanceClock(PAST_SHORT_LEASE);

    for (IdempotencyKey key : keys) {
      List<Optional<ReceiptRecord>> claims = race(8, i -> () -> journal.claim(key, "node-" + i + "#1", LONG_LEASE));

      List<ReceiptRecord> granted = claims.stream().flatMap(Optional::stream).toList();
      assertEquals(1, granted.size(), "claims granted on " + key);
      assertEquals(Optional.of(granted.get(0)), journal.find(key));
    }
  }

  @Test
  public void anUnknownKeyIsNeitherFoundNorClaimedNorReleased() {
    IdempotencyKey key = key("never-begun");

    assertEquals(Optional.empty(), journal.claim(key, OWNER, LONG_LEASE));
    journal.release(key, OWNER);
    assertEquals(Optional.empty(), journal.find(key));
    assertEquals(List.of(), journal.history(key));
  }

  // --- apply: the lifecycle ---

  @ParameterizedTest
  @EnumSource(ReceiptStatus.class)
  public void everyAllowedMoveSucceeds(ReceiptStatus from) {
    for (ReceiptStatus to : from.successors()) {
      IdempotencyKey key = key(from + "-to-" + to);
      ReceiptRecord before = recordIn(from, key);
      List<JournalEntry> historyBefore = journal.history(key);
      Transition transition = transition(from, to);

      ReceiptRecord after = journal.apply(key, OWNER, before.version(), transition, LONG_LEASE);

      assertEquals(expectedAfter(before, transition, after.updatedAt()), after, from + " -> " + to);
      assertFalse(after.updatedAt().isBefore(before.updatedAt()), from + " -> " + to);
      assertEquals(Optional.of(after), journal.find(key));
      List<JournalEntry> expectedHistory = new ArrayList<>(historyBefore);
      expectedHistory.add(new JournalEntry(key, Optional.of(from), to, after.attempts(), after.updatedAt(), OWNER,
          transition.error()));
      assertEquals(expectedHistory, journal.history(key), from + " -> " + to);
    }
  }

  @ParameterizedTest
  @EnumSource(ReceiptStatus.class)
  public void everyIllegalMoveThrowsAndChangesNothing(ReceiptStatus from) {
    IdempotencyKey key = key("stuck-in-" + from);
    ReceiptRecord before = recordIn(from, key);
    List<JournalEntry> historyBefore = journal.history(key);
    Set<ReceiptStatus> illegal = EnumSet.complementOf(EnumSet.copyOf(from.successors()));

    for (ReceiptStatus to : illegal) {
      Transition transition = transition(from, to);
      assertThrows(IllegalStateException.class,
          () -> journal.apply(key, OWNER, before.version(), transition, LONG_LEASE), from + " -> " + to);
      assertEquals(Optional.of(before), journal.find(key), from + " -> " + to);
      assertEquals(historyBefore, journal.history(key), from + " -> " + to);
    }
  }

  @Test
  public void fiscalizedRequiresTheResult() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord sent = recordIn(ReceiptStatus.SENT, key);
    Transition withoutResult = new Transition(ReceiptStatus.FISCALIZED, false, Optional.empty(), Optional.empty(),
        Optional.empty());

    assertThrows(IllegalStateException.class,
        () -> journal.apply(key, OWNER, sent.version(), withoutResult, LONG_LEASE));

    assertEquals(Optional.of(sent), journal.find(key));
    assertEquals(2, journal.history(key).size());
  }

  @Test
  public void theResultStaysWithTheRecordThroughItsRefunds() {
    IdempotencyKey key = key("order-1:sale");

    ReceiptRecord refunded = recordIn(ReceiptStatus.REFUNDED, key);

    assertEquals(Optional.of(RESULT), refunded.result());
    assertEquals(Optional.of(RESULT), journal.find(key).orElseThrow().result());
  }

  @Test
  public void everySendCountsAnAttemptButOnlyTheFirstSetsFirstSentAt() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord r = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();
    advanceClock(STEP);

    r = journal.apply(key, OWNER, r.version(), Transition.sending(), LONG_LEASE);
    Instant firstSend = r.updatedAt();
    assertEquals(1, r.attempts());
    assertEquals(Optional.of(firstSend), r.firstSentAt());
    assertTrue(firstSend.isAfter(r.createdAt()), "sent after it was begun");

    advanceClock(STEP);
    r = journal.apply(key, OWNER, r.version(), Transition.failure(ReceiptStatus.IN_DOUBT, UNKNOWN), LONG_LEASE);
    assertEquals(1, r.attempts());
    advanceClock(STEP);
    r = journal.apply(key, OWNER, r.version(), Transition.sending(), LONG_LEASE);
    assertEquals(2, r.attempts());
    advanceClock(STEP);
    r = journal.apply(key, OWNER, r.version(), Transition.failure(ReceiptStatus.REQUESTED, DEVICE), LONG_LEASE);
    assertEquals(2, r.attempts());
    advanceClock(STEP);
    r = journal.apply(key, OWNER, r.version(), Transition.sending(), LONG_LEASE);

    assertEquals(3, r.attempts());
    assertTrue(r.updatedAt().isAfter(firstSend), "the last send is later than the first");
    assertEquals(Optional.of(firstSend), r.firstSentAt());
    assertEquals(Optional.of(r), journal.find(key));
  }

  @Test
  public void aFailedRecordResubmittedTakesTheCorrectedReceiptAndKeepsItsHistory() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord failed = recordIn(ReceiptStatus.FAILED, key);
    List<JournalEntry> historyBefore = journal.history(key);

    ReceiptRecord requested = journal.apply(key, OWNER, failed.version(),
        Transition.resubmit(CORRECTED, CORRECTED_DIGEST), LONG_LEASE);

    assertEquals(ReceiptStatus.REQUESTED, requested.status());
    assertEquals(CORRECTED, requested.receipt());
    assertEquals(CORRECTED_DIGEST, requested.digest());
    assertEquals(1, requested.attempts());
    assertEquals(failed.firstSentAt(), requested.firstSentAt());
    assertEquals(Optional.of(REJECTED), requested.lastError());
    assertEquals(failed.createdAt(), requested.createdAt());
    assertEquals(Optional.of(requested), journal.find(key));
    List<JournalEntry> history = journal.history(key);
    assertEquals(historyBefore, history.subList(0, 3));
    assertEquals(List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT, ReceiptStatus.FAILED, ReceiptStatus.REQUESTED),
        history.stream().map(JournalEntry::to).toList());

    ReceiptRecord resent = journal.apply(key, OWNER, requested.version(), Transition.sending(), LONG_LEASE);
    assertEquals(2, resent.attempts());
    assertEquals(CORRECTED, resent.receipt());
  }

  @Test
  public void onlyAFailedRecordTakesACorrectedReceipt() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord sent = recordIn(ReceiptStatus.SENT, key);
    List<JournalEntry> historyBefore = journal.history(key);

    assertThrows(IllegalStateException.class, () -> journal.apply(key, OWNER, sent.version(),
        Transition.resubmit(CORRECTED, CORRECTED_DIGEST), LONG_LEASE));

    assertEquals(Optional.of(sent), journal.find(key));
    assertEquals(historyBefore, journal.history(key));
  }

  // --- apply: ownership ---

  @Test
  public void applyAtAStaleVersionThrowsLeaseLostAndChangesNothing() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();
    ReceiptRecord sent = journal.apply(key, OWNER, begun.version(), Transition.sending(), LONG_LEASE);

    LeaseLostException lost = assertThrows(LeaseLostException.class, () -> journal.apply(key, OWNER,
        begun.version(), Transition.failure(ReceiptStatus.IN_DOUBT, UNKNOWN), LONG_LEASE));

    assertEquals(key, lost.key());
    assertEquals(Optional.of(sent), journal.find(key));
    assertEquals(2, journal.history(key).size());
  }

  @Test
  public void applyByAWorkerWithoutTheLeaseThrowsLeaseLostAndChangesNothing() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    LeaseLostException lost = assertThrows(LeaseLostException.class,
        () -> journal.apply(key, OTHER, begun.version(), Transition.sending(), LONG_LEASE));

    assertEquals(key, lost.key());
    assertEquals(Optional.of(begun), journal.find(key));
    assertEquals(1, journal.history(key).size());
  }

  @Test
  public void applyAfterAnotherWorkerTookTheExpiredLeaseThrowsLeaseLost() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    advanceClock(PAST_SHORT_LEASE);
    ReceiptRecord taken = journal.claim(key, OTHER, LONG_LEASE).orElseThrow();

    assertThrows(LeaseLostException.class,
        () -> journal.apply(key, OWNER, begun.version(), Transition.sending(), LONG_LEASE));
    assertThrows(LeaseLostException.class,
        () -> journal.apply(key, OWNER, taken.version(), Transition.sending(), LONG_LEASE));
    assertEquals(Optional.of(taken), journal.find(key));

    ReceiptRecord sent = journal.apply(key, OTHER, taken.version(), Transition.sending(), LONG_LEASE);
    assertEquals(OTHER, journal.history(key).get(1).owner());
    assertEquals(Optional.of(OTHER), sent.owner());
  }

  @Test
  public void applyAfterReleasingThrowsLeaseLost() {
    IdempotencyKey key = key("order-1:sale");
    journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE);
    journal.release(key, OWNER);
    ReceiptRecord released = journal.find(key).orElseThrow();

    assertThrows(LeaseLostException.class,
        () -> journal.apply(key, OWNER, released.version(), Transition.sending(), LONG_LEASE));
    assertEquals(Optional.of(released), journal.find(key));
  }

  @Test
  public void applyToAnUnknownKeyThrowsLeaseLost() {
    IdempotencyKey key = key("never-begun");

    LeaseLostException lost = assertThrows(LeaseLostException.class,
        () -> journal.apply(key, OWNER, 1, Transition.sending(), LONG_LEASE));

    assertEquals(key, lost.key());
    assertEquals(Optional.empty(), journal.find(key));
  }

  @Test
  public void applyRenewsTheLease() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();

    ReceiptRecord sent = journal.apply(key, OWNER, begun.version(), Transition.sending(), LONG_LEASE);
    advanceClock(PAST_SHORT_LEASE);

    assertEquals(Optional.of(sent.updatedAt().plus(LONG_LEASE)), sent.leaseUntil());
    assertEquals(Optional.empty(), journal.claim(key, OTHER, LONG_LEASE));
    assertEquals(List.of(), pendingKeys(journal, 10));
  }

  // --- folded changes: beginSending and applyAndRelease ---

  @Test
  public void beginSendingCreatesASentRecordAtVersionTwoWithBothEntriesAtOneInstant() {
    IdempotencyKey key = key("order-1:sale");

    ReceiptJournal.Begin begin = journal.beginSending(key, DIGEST, RECEIPT, OWNER, LONG_LEASE);

    assertTrue(begin.created());
    ReceiptRecord r = begin.record();
    Instant at = r.createdAt();
    assertEquals(new ReceiptRecord(key, DIGEST, RECEIPT, ReceiptStatus.SENT, 1, Optional.empty(), Optional.empty(),
        Optional.of(at), at, at, Optional.of(OWNER), Optional.of(at.plus(LONG_LEASE)), 2), r);
    assertEquals(Optional.of(r), journal.find(key));
    assertEquals(List.of(
        new JournalEntry(key, Optional.empty(), ReceiptStatus.REQUESTED, 0, at, OWNER, Optional.empty()),
        new JournalEntry(key, Optional.of(ReceiptStatus.REQUESTED), ReceiptStatus.SENT, 1, at, OWNER,
            Optional.empty())), journal.history(key));
    assertEquals(Optional.empty(), journal.claim(key, OTHER, LONG_LEASE));
  }

  @Test
  public void beginSendingOfAnExistingKeyReturnsTheStoredRecordUntouched() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord first = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    advanceClock(PAST_SHORT_LEASE);

    ReceiptJournal.Begin again = journal.beginSending(key, CORRECTED_DIGEST, CORRECTED, OTHER, LONG_LEASE);

    assertFalse(again.created());
    assertEquals(first, again.record());
    assertEquals(Optional.of(first), journal.find(key));
    assertEquals(1, journal.history(key).size());
  }

  @Test
  public void exactlyOneOfEightRacingBeginSendingsCreatesTheRecord() throws Exception {
    for (int round = 0; round < 10; round++) {
      IdempotencyKey key = key("race-" + round);

      List<ReceiptJournal.Begin> begins = race(8,
          i -> () -> journal.beginSending(key, DIGEST, RECEIPT, "node-" + i + "#1", LONG_LEASE));

      List<ReceiptJournal.Begin> created = begins.stream().filter(ReceiptJournal.Begin::created).toList();
      assertEquals(1, created.size(), "creators in round " + round);
      ReceiptRecord winner = created.get(0).record();
      assertEquals(ReceiptStatus.SENT, winner.status());
      for (ReceiptJournal.Begin begin : begins) {
        assertEquals(winner, begin.record());
      }
      assertEquals(Optional.of(winner), journal.find(key));
      assertEquals(2, journal.history(key).size());
    }
  }

  @Test
  public void applyAndReleaseAppliesAndGivesTheLeaseBackAtTwoVersionsOn() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord sent = journal.beginSending(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();
    List<JournalEntry> historyBefore = journal.history(key);
    Transition transition = Transition.fiscalized(RESULT);

    ReceiptRecord after = journal.applyAndRelease(key, OWNER, sent.version(), transition, LONG_LEASE);

    assertEquals(withLease(expectedAfter(sent, transition, after.updatedAt()), Optional.empty(), Optional.empty(),
        sent.version() + 2), after);
    assertEquals(Optional.of(after), journal.find(key));
    List<JournalEntry> expectedHistory = new ArrayList<>(historyBefore);
    expectedHistory.add(new JournalEntry(key, Optional.of(ReceiptStatus.SENT), ReceiptStatus.FISCALIZED, 1,
        after.updatedAt(), OWNER, Optional.empty()));
    assertEquals(expectedHistory, journal.history(key));
    assertEquals(OTHER, journal.claim(key, OTHER, LONG_LEASE).orElseThrow().owner().orElseThrow(),
        "another worker may take the record at once");
  }

  @Test
  public void applyAndReleaseAtAStaleVersionThrowsLeaseLostAndChangesNothing() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord sent = journal.beginSending(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    assertThrows(LeaseLostException.class,
        () -> journal.applyAndRelease(key, OWNER, sent.version() - 1, Transition.fiscalized(RESULT), LONG_LEASE));
    assertThrows(LeaseLostException.class,
        () -> journal.applyAndRelease(key, OTHER, sent.version(), Transition.fiscalized(RESULT), LONG_LEASE));
    assertEquals(Optional.of(sent), journal.find(key));
    assertEquals(2, journal.history(key).size());
  }

  @Test
  public void applyAndReleaseOfAnIllegalMoveThrowsAndKeepsTheLease() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord fiscalized = recordIn(ReceiptStatus.FISCALIZED, key);

    assertThrows(IllegalStateException.class,
        () -> journal.applyAndRelease(key, OWNER, fiscalized.version(), Transition.sending(), LONG_LEASE));
    assertEquals(Optional.of(fiscalized), journal.find(key));
    assertEquals(3, journal.history(key).size());
  }

  // --- history ---

  @Test
  public void historyListsEveryTransitionInOrder() throws Exception {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    List<JournalEntry> expected = new ArrayList<>();
    expected.add(new JournalEntry(key, Optional.empty(), ReceiptStatus.REQUESTED, 0, begun.createdAt(), OWNER,
        Optional.empty()));
    ReceiptRecord r = begun;
    record Step(String owner, Transition transition) {}
    List<Step> steps = List.of(
        new Step(OWNER, Transition.sending()),
        new Step(OWNER, Transition.failure(ReceiptStatus.REQUESTED, DEVICE)),
        new Step(OWNER, Transition.sending()),
        new Step(OWNER, Transition.failure(ReceiptStatus.IN_DOUBT, UNKNOWN)),
        new Step(OTHER, Transition.failure(ReceiptStatus.IN_DOUBT, UNKNOWN)),
        new Step(OTHER, Transition.sending()),
        new Step(OTHER, Transition.fiscalized(RESULT)),
        new Step(OTHER, transition(ReceiptStatus.FISCALIZED, ReceiptStatus.PARTIALLY_REFUNDED)),
        new Step(OTHER, transition(ReceiptStatus.PARTIALLY_REFUNDED, ReceiptStatus.PARTIALLY_REFUNDED)),
        new Step(OTHER, transition(ReceiptStatus.PARTIALLY_REFUNDED, ReceiptStatus.REFUNDED)));

    for (Step step : steps) {
      advanceClock(STEP);
      if (!r.owner().equals(Optional.of(step.owner()))) {
        // the first worker's lease runs out and another takes the record over
        advanceClock(PAST_SHORT_LEASE);
        r = journal.claim(key, step.owner(), SHORT_LEASE).orElseThrow();
      }
      ReceiptStatus from = r.status();
      r = journal.apply(key, step.owner(), r.version(), step.transition(), SHORT_LEASE);
      expected.add(new JournalEntry(key, Optional.of(from), step.transition().to(), r.attempts(), r.updatedAt(),
          step.owner(), step.transition().error()));
    }

    List<JournalEntry> history = journal.history(key);
    assertEquals(expected, history);
    assertEquals(List.of(0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3), history.stream().map(JournalEntry::attempt).toList());
    for (int i = 1; i < history.size(); i++) {
      assertTrue(history.get(i).at().isAfter(history.get(i - 1).at()), "entry " + i + " is later than the one before");
    }
    assertEquals(Optional.of(UNKNOWN), r.lastError());
  }

  @Test
  public void historiesOfTwoKeysDoNotMix() {
    IdempotencyKey first = key("order-1:sale");
    IdempotencyKey second = key("order-2:sale");
    ReceiptRecord a = journal.begin(first, DIGEST, RECEIPT, OWNER, LONG_LEASE).record();
    journal.begin(second, CORRECTED_DIGEST, CORRECTED, OTHER, LONG_LEASE);

    journal.apply(first, OWNER, a.version(), Transition.sending(), LONG_LEASE);

    assertEquals(List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT),
        journal.history(first).stream().map(JournalEntry::to).toList());
    assertEquals(List.of(new JournalEntry(second, Optional.empty(), ReceiptStatus.REQUESTED, 0,
        journal.find(second).orElseThrow().createdAt(), OTHER, Optional.empty())), journal.history(second));
  }

  // --- queries ---

  @Test
  public void findByStatusListsThatStatusOnlyOldestFirstUpToTheLimit() throws Exception {
    List<IdempotencyKey> sent = new ArrayList<>();
    List<IdempotencyKey> requested = new ArrayList<>();
    List<ReceiptRecord> begun = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      IdempotencyKey key = key("order-" + i);
      begun.add(journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE).record());
      (i % 2 == 0 ? sent : requested).add(key);
      advanceClock(STEP);
    }
    // sent newest first, so that the order of the last change differs from the order of creation
    for (int i = 4; i >= 0; i -= 2) {
      journal.apply(key("order-" + i), OWNER, begun.get(i).version(), Transition.sending(), LONG_LEASE);
      advanceClock(STEP);
    }

    assertEquals(sent, keys(journal.findByStatus(ReceiptStatus.SENT, 10)));
    assertEquals(sent.subList(0, 2), keys(journal.findByStatus(ReceiptStatus.SENT, 2)));
    assertEquals(requested, keys(journal.findByStatus(ReceiptStatus.REQUESTED, 3)));
    assertEquals(List.of(), journal.findByStatus(ReceiptStatus.FISCALIZED, 10));
    assertEquals(journal.find(key("order-4")).orElseThrow(), journal.findByStatus(ReceiptStatus.SENT, 10).get(2));
  }

  @Test
  public void recoverableListsPendingRecordsWhoseLeaseIsFreeOrRanOutOldestFirstUpToTheLimit() throws Exception {
    // created in this order; made ready in the reverse order
    IdempotencyKey requestedExpired = key("requested-expired");
    IdempotencyKey sentExpired = key("sent-expired");
    IdempotencyKey inDoubtReleased = key("in-doubt-released");
    IdempotencyKey requestedHeld = key("requested-held");
    IdempotencyKey fiscalizedReleased = key("fiscalized-released");
    IdempotencyKey failedExpired = key("failed-expired");
    IdempotencyKey refundedExpired = key("refunded-expired");
    IdempotencyKey requestedReleased = key("requested-released");
    List<IdempotencyKey> all = List.of(requestedExpired, sentExpired, inDoubtReleased, requestedHeld,
        fiscalizedReleased, failedExpired, refundedExpired, requestedReleased);
    for (IdempotencyKey key : all) {
      journal.begin(key, DIGEST, RECEIPT, OWNER, key == requestedHeld ? LONG_LEASE : SHORT_LEASE);
      advanceClock(STEP);
    }
    journal.release(requestedReleased, OWNER);
    drive(refundedExpired, SHORT_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED, ReceiptStatus.REFUNDED);
    drive(failedExpired, SHORT_LEASE, ReceiptStatus.SENT, ReceiptStatus.FAILED);
    drive(fiscalizedReleased, SHORT_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED);
    journal.release(fiscalizedReleased, OWNER);
    drive(inDoubtReleased, SHORT_LEASE, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT);
    journal.release(inDoubtReleased, OWNER);
    drive(sentExpired, SHORT_LEASE, ReceiptStatus.SENT);

    advanceClock(PAST_SHORT_LEASE);

    List<IdempotencyKey> recoverable = pendingKeys(journal, 10);
    assertEquals(List.of(requestedExpired, sentExpired, inDoubtReleased, requestedReleased), recoverable);
    assertEquals(List.of(requestedExpired, sentExpired), pendingKeys(journal, 2));
    journal.claim(sentExpired, OTHER, LONG_LEASE).orElseThrow();
    assertEquals(List.of(requestedExpired, inDoubtReleased, requestedReleased), pendingKeys(journal, 10));
  }

  @Test
  public void aRecordInDoubtOverAKeyCollisionNeedsAPersonAndIsNeverRecoverable() throws Exception {
    IdempotencyKey collided = key("collided");
    IdempotencyKey unknown = key("unknown");
    for (IdempotencyKey key : List.of(collided, unknown)) {
      journal.begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE);
      ReceiptRecord sent = journal.apply(key, OWNER, 1, Transition.sending(), SHORT_LEASE);
      RecordedError error = key == collided ? COLLISION : UNKNOWN;
      journal.applyAndRelease(key, OWNER, sent.version(), Transition.failure(ReceiptStatus.IN_DOUBT, error),
          SHORT_LEASE);
    }
    advanceClock(PAST_SHORT_LEASE);

    assertEquals(List.of(unknown), pendingKeys(journal, 10));
    assertTrue(journal.find(collided).orElseThrow().needsPerson());
    assertFalse(journal.find(unknown).orElseThrow().needsPerson());
    assertEquals(RecordedError.Kind.KEY_COLLISION, journal.find(collided).orElseThrow().lastError().orElseThrow().kind());
  }

  @Test
  public void aRecordIsBoundToTheRegisterOfItsFirstSendAndNoOtherMaySendIt() {
    IdempotencyKey key = key("bound");
    ReceiptRecord sent = journal.beginSending(key, DIGEST, RECEIPT, OWNER, LONG_LEASE, Optional.of(REGISTER_A))
        .record();
    ReceiptRecord waiting = journal.apply(key, OWNER, sent.version(),
        Transition.failure(ReceiptStatus.REQUESTED, DEVICE), LONG_LEASE);

    assertEquals(Optional.of(REGISTER_A), sent.register());
    assertEquals(Optional.of(REGISTER_A), waiting.register(), "a register condition does not unbind it");
    assertThrows(IllegalStateException.class,
        () -> journal.apply(key, OWNER, waiting.version(), Transition.sending(REGISTER_B), LONG_LEASE));
    ReceiptRecord again = journal.apply(key, OWNER, waiting.version(), Transition.sending(REGISTER_A), LONG_LEASE);
    assertEquals(Optional.of(REGISTER_A), again.register());
    assertEquals(Optional.of(REGISTER_A), journal.find(key).orElseThrow().register());
  }

  @Test
  public void recoverableNamesEachRecordsRegisterAndPagesAfterAPosition() throws Exception {
    journal.beginSending(key("on-a"), DIGEST, RECEIPT, OWNER, SHORT_LEASE, Optional.of(REGISTER_A));
    journal.beginSending(key("on-b"), DIGEST, RECEIPT, OWNER, SHORT_LEASE, Optional.of(REGISTER_B));
    journal.begin(key("unsent"), DIGEST, RECEIPT, OWNER, SHORT_LEASE);
    advanceClock(PAST_SHORT_LEASE);

    List<ReceiptJournal.Pending> first = journal.recoverable(0, 2);
    List<ReceiptJournal.Pending> rest = journal.recoverable(first.get(1).position(), 2);

    assertEquals(List.of(key("on-a"), key("on-b")), first.stream().map(ReceiptJournal.Pending::key).toList());
    assertEquals(List.of(Optional.of(REGISTER_A), Optional.of(REGISTER_B)),
        first.stream().map(ReceiptJournal.Pending::register).toList());
    assertTrue(first.get(0).position() < first.get(1).position());
    assertEquals(List.of(key("unsent")), rest.stream().map(ReceiptJournal.Pending::key).toList());
    assertEquals(Optional.empty(), rest.get(0).register());
    assertEquals(List.of(), journal.recoverable(rest.get(0).position(), 2));
  }

  @Test
  public void aNodeTakesBackTheLeasesOfItsOwnRunsAndNoOthers() {
    journal.begin(key("mine-1"), DIGEST, RECEIPT, "node_a#1", LONG_LEASE);
    journal.begin(key("mine-2"), DIGEST, RECEIPT, "node_a#2", LONG_LEASE);
    journal.begin(key("longer-name"), DIGEST, RECEIPT, "node_ab#1", LONG_LEASE);
    journal.begin(key("like-pattern"), DIGEST, RECEIPT, "nodeXa#1", LONG_LEASE);

    int released = journal.releaseLeasesOf("node_a");

    assertEquals(2, released);
    assertTrue(journal.claim(key("mine-1"), OTHER, LONG_LEASE).isPresent());
    assertTrue(journal.claim(key("mine-2"), OTHER, LONG_LEASE).isPresent());
    assertEquals(Optional.empty(), journal.claim(key("longer-name"), OTHER, LONG_LEASE));
    assertEquals(Optional.empty(), journal.claim(key("like-pattern"), OTHER, LONG_LEASE));
  }

  @Test
  public void anEmptyJournalHasNothingToList() {
    assertEquals(List.of(), pendingKeys(journal, 10));
    for (ReceiptStatus status : ReceiptStatus.values()) {
      assertEquals(List.of(), journal.findByStatus(status, 10));
    }
  }

  @Test
  public void forEachStreamsByStatusOldestFirst() throws Exception {
    recordIn(ReceiptStatus.FISCALIZED, key("s-1"));
    advanceClock(STEP);
    recordIn(ReceiptStatus.IN_DOUBT, key("s-2"));
    advanceClock(STEP);
    recordIn(ReceiptStatus.FISCALIZED, key("s-3"));

    assertEquals(List.of(key("s-1"), key("s-3")), streamed(ReceiptQuery.byStatus(ReceiptStatus.FISCALIZED)));
    assertEquals(List.of(key("s-2")), streamed(ReceiptQuery.byStatus(ReceiptStatus.IN_DOUBT)));
    assertEquals(List.of(key("s-1"), key("s-2"), key("s-3")), streamed(ReceiptQuery.all()));
    assertEquals(List.of(), streamed(ReceiptQuery.byStatus(ReceiptStatus.REFUNDED)));
  }

  @Test
  public void forEachStreamsRecordsCreatedInAHalfOpenRange() throws Exception {
    ReceiptRecord first = recordIn(ReceiptStatus.REQUESTED, key("t-1"));
    advanceClock(STEP);
    ReceiptRecord second = recordIn(ReceiptStatus.FISCALIZED, key("t-2"));
    advanceClock(STEP);
    ReceiptRecord third = recordIn(ReceiptStatus.REQUESTED, key("t-3"));

    assertEquals(List.of(key("t-2")), streamed(ReceiptQuery.createdBetween(second.createdAt(), third.createdAt())));
    assertEquals(List.of(key("t-1"), key("t-2")),
        streamed(ReceiptQuery.createdBetween(first.createdAt(), third.createdAt())));
    assertEquals(List.of(key("t-2")), streamed(ReceiptQuery.createdBetween(second.createdAt(),
        third.createdAt()).andStatus(ReceiptStatus.FISCALIZED)));
    assertEquals(List.of(), streamed(ReceiptQuery.createdBetween(third.createdAt(), third.createdAt())));
  }

  @Test
  public void forEachStreamsTheChecksOfOneShiftOfOneRegister() throws Exception {
    recordIn(ReceiptStatus.FISCALIZED, key("z-1"));
    recordIn(ReceiptStatus.IN_DOUBT, key("z-2"));
    recordIn(ReceiptStatus.REFUNDED, key("z-3"));

    assertEquals(List.of(key("z-1"), key("z-3")), streamed(ReceiptQuery.byShift(RESULT.rnm(), RESULT.shiftNumber())));
    assertEquals(List.of(), streamed(ReceiptQuery.byShift(RESULT.rnm(), RESULT.shiftNumber() + 1)));
    assertEquals(List.of(), streamed(ReceiptQuery.byShift("000000000000", RESULT.shiftNumber())));
  }

  // --- helpers ---

  private List<IdempotencyKey> streamed(ReceiptQuery query) {
    List<IdempotencyKey> keys = new ArrayList<>();
    journal.forEach(query, record -> keys.add(record.key()));
    return keys;
  }

  /** The keys of the first {@code limit} recoverable records. */
  protected static List<IdempotencyKey> pendingKeys(ReceiptJournal journal, int limit) {
    return journal.recoverable(0, limit).stream().map(ReceiptJournal.Pending::key).toList();
  }

  protected static IdempotencyKey key(String value) {
    return IdempotencyKey.of(value);
  }

  private static List<IdempotencyKey> keys(List<ReceiptRecord> records) {
    return records.stream().map(ReceiptRecord::key).toList();
  }

  /** Begins {@code key} for {@link #OWNER} and moves it along the shortest path to {@code status}. */
  protected ReceiptRecord recordIn(ReceiptStatus status, IdempotencyKey key) {
    journal.begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE);
    ReceiptRecord r = switch (status) {
      case REQUESTED -> drive(key, LONG_LEASE);
      case SENT -> drive(key, LONG_LEASE, ReceiptStatus.SENT);
      case IN_DOUBT -> drive(key, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT);
      case FISCALIZED -> drive(key, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED);
      case FAILED -> drive(key, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FAILED);
      case PARTIALLY_REFUNDED -> drive(key, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED,
          ReceiptStatus.PARTIALLY_REFUNDED);
      case REFUNDED -> drive(key, LONG_LEASE, ReceiptStatus.SENT, ReceiptStatus.FISCALIZED, ReceiptStatus.REFUNDED);
    };
    assertEquals(status, r.status());
    return r;
  }

  /** Moves {@code key}, held by {@link #OWNER}, through {@code path}, renewing the lease for {@code lease}. */
  private ReceiptRecord drive(IdempotencyKey key, Duration lease, ReceiptStatus... path) {
    ReceiptRecord r = journal.find(key).orElseThrow();
    for (ReceiptStatus to : path) {
      r = journal.apply(key, OWNER, r.version(), transition(r.status(), to), lease);
    }
    return r;
  }

  /** The transition a worker would ask for to move from {@code from} to {@code to}. */
  protected static Transition transition(ReceiptStatus from, ReceiptStatus to) {
    return switch (to) {
      case SENT -> Transition.sending();
      case FISCALIZED -> Transition.fiscalized(RESULT);
      case IN_DOUBT -> Transition.failure(ReceiptStatus.IN_DOUBT, UNKNOWN);
      case FAILED -> Transition.failure(ReceiptStatus.FAILED, REJECTED);
      case REQUESTED -> from == ReceiptStatus.FAILED
          ? Transition.resubmit(CORRECTED, CORRECTED_DIGEST)
          : Transition.failure(ReceiptStatus.REQUESTED, DEVICE);
      case PARTIALLY_REFUNDED, REFUNDED -> new Transition(to, false, Optional.empty(), Optional.empty(),
          Optional.empty());
    };
  }

  /** The record the lifecycle makes of {@code before} by {@code transition} at {@code now}. */
  private static ReceiptRecord expectedAfter(ReceiptRecord before, Transition transition, Instant now) {
    Optional<Instant> firstSentAt = transition.send() && before.firstSentAt().isEmpty()
        ? Optional.of(now) : before.firstSentAt();
    return new ReceiptRecord(before.key(),
        transition.replacement().map(Transition.Replacement::digest).orElse(before.digest()),
        transition.replacement().map(Transition.Replacement::receipt).orElse(before.receipt()),
        transition.to(),
        before.attempts() + (transition.send() ? 1 : 0),
        transition.result().or(before::result),
        transition.error().or(before::lastError),
        firstSentAt,
        before.createdAt(),
        now,
        before.owner(),
        Optional.of(now.plus(LONG_LEASE)),
        before.version() + 1);
  }

  private static ReceiptRecord withLease(ReceiptRecord r, Optional<String> owner, Optional<Instant> leaseUntil,
      long version) {
    return new ReceiptRecord(r.key(), r.digest(), r.receipt(), r.status(), r.attempts(), r.result(), r.lastError(),
        r.firstSentAt(), r.createdAt(), r.updatedAt(), owner, leaseUntil, version);
  }

  /** Runs {@code threads} tasks at once (released together by a barrier) and returns their results in order. */
  private static <T> List<T> race(int threads, IntFunction<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> task = tasks.apply(i);
        futures.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return task.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
