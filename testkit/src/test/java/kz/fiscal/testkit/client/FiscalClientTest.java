package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static kz.fiscal.testkit.client.ClientFixture.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyConflictException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.Item;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptListener.ReceiptEvent;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.RecoveryReport;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Violation.ViolationCode;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.testkit.ForwardingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

class FiscalClientTest {
  private final ClientFixture f = new ClientFixture();

  @Test
  void saleMovesThroughRequestedSentFiscalizedAndListenersHearEachStep() throws FiscalException {
    FiscalResult result = f.client.fiscalize(key("order-1"), sale("1500.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> FISCALIZED"), history("order-1"));
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> FISCALIZED"), events());
    ReceiptRecord record = status("order-1");
    assertEquals(ReceiptStatus.FISCALIZED, record.status());
    assertEquals(1, record.attempts());
    assertEquals(Optional.of(result), record.result());
    assertEquals(Optional.empty(), record.owner(), "the lease is given back");
  }

  @Test
  void sameKeyAndReceiptReturnTheStoredResultWithoutCallingTheDriver() throws FiscalException {
    FiscalResult first = f.client.fiscalize(key("order-2"), sale("800.00"));
    FiscalResult again = f.client.fiscalize(key("order-2"), sale("800.00"));

    assertEquals(first, again);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(1, f.driver.ledgerCount(key("order-2")));
  }

  @Test
  void sameKeyWithAnotherReceiptIsAConflictAndChangesNothing() throws FiscalException {
    f.client.fiscalize(key("order-3"), sale("800.00"));

    IdempotencyConflictException e = assertThrows(IdempotencyConflictException.class,
        () -> f.client.fiscalize(key("order-3"), sale("801.00")));

    assertEquals(key("order-3"), e.key());
    assertEquals(3, f.client.history(key("order-3")).size());
    assertEquals(1, f.driver.registerCalls());
  }

  @Test
  void receiptWithoutOperationTimeIsStampedWithTheClientClockAndItsRetryMatches() throws FiscalException {
    Receipt untimed = Receipt.sale(ClientFixture.SELLER)
        .item("Кофе", "1", "900.00", VatRate.SIXTEEN)
        .payment(PaymentType.CARD, "900.00")
        .build();

    FiscalResult first = f.client.fiscalize(key("order-4"), untimed);
    f.clock.advance(Duration.ofMinutes(5));
    FiscalResult again = f.client.fiscalize(key("order-4"), untimed);

    assertEquals(Optional.of(f.clock.instant().minus(Duration.ofMinutes(5))),
        status("order-4").receipt().operationTime().map(t -> t.toInstant()));
    assertEquals(first, again);
    assertEquals(1, f.driver.registerCalls());
  }

  @Test
  void invalidReceiptReachesNeitherTheJournalNorTheDriver() {
    Receipt invalid = Receipt.sale(ClientFixture.SELLER)
        .operationTime(ClientFixture.PAID_AT)
        .item("Кофе", "1", "1000.00", VatRate.TWELVE)
        .payment(PaymentType.CARD, "900.00")
        .build();

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> f.client.fiscalize(key("order-5"), invalid));

    assertEquals(List.of(ViolationCode.VAT_RATE_NOT_IN_FORCE, ViolationCode.UNDERPAID),
        e.violations().stream().map(v -> v.code()).toList());
    assertEquals(Optional.empty(), f.client.status(key("order-5")));
    assertEquals(0, f.driver.registerCalls());
    assertEquals(List.of(), f.events);
  }

  @Test
  void featureTheDriverCannotCarryIsRefusedBeforeJournaling() {
    ClientFixture plain = new ClientFixture(RecordingFiscalDriver.builder()
        .capabilities(EnumSet.complementOf(EnumSet.of(ReceiptFeature.MARKING_CODE, ReceiptFeature.MARKING_CODE_LIST))), 3);
    Receipt marked = Receipt.sale(ClientFixture.SELLER)
        .operationTime(ClientFixture.PAID_AT)
        .item(Item.builder("Сигареты").quantity("1").unitPrice("1100.00").vat(VatRate.SIXTEEN)
            .markingCode("0104600266011725212345678901234").build())
        .payment(PaymentType.CARD, "1100.00")
        .build();

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> plain.client.fiscalize(key("order-6"), marked));

    assertEquals(ViolationCode.UNSUPPORTED_BY_DRIVER, e.violations().get(0).code());
    assertEquals("items[].markingCodes", e.violations().get(0).path());
    assertEquals(Optional.empty(), plain.client.status(key("order-6")));
    assertEquals(0, plain.driver.registerCalls());
  }

  @Test
  void deliveryFailureGoesBackToRequestedAndIsRetriedAfterABackoff() throws FiscalException {
    f.driver.failNext(Fault.FAIL_BEFORE_APPLYING, Fault.FAIL_BEFORE_APPLYING);

    f.client.fiscalize(key("order-7"), sale("500.00"));

    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> REQUESTED (DELIVERY_FAILED)", "REQUESTED -> SENT",
        "SENT -> REQUESTED (DELIVERY_FAILED)", "REQUESTED -> SENT", "SENT -> FISCALIZED"), history("order-7"));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), f.sleeps);
    assertEquals(3, status("order-7").attempts());
    assertEquals(1, f.driver.ledgerCount(key("order-7")));
  }

  @Test
  void blockedRegisterLeavesTheOrderRequestedWithItsReasonUntilRecovered() throws FiscalException {
    ClientFixture three = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), 3);
    three.driver.block();

    DeviceException e = assertThrows(DeviceException.class, () -> three.client.fiscalize(key("order-8"), sale("500.00")));

    assertEquals(DeviceException.Reason.BLOCKED, e.reason());
    ReceiptRecord waiting = three.client.status(key("order-8")).orElseThrow();
    assertEquals(ReceiptStatus.REQUESTED, waiting.status());
    assertEquals(RecordedError.Kind.DEVICE, waiting.lastError().orElseThrow().kind());
    assertEquals("7", waiting.lastError().orElseThrow().code());
    assertEquals(0, three.driver.ledgerCount(key("order-8")));

    three.driver.unblock();
    RecoveryReport report = three.client.recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
    assertEquals(ReceiptStatus.FISCALIZED, three.client.status(key("order-8")).orElseThrow().status());
    assertEquals(1, three.driver.ledgerCount(key("order-8")));
  }

  @Test
  void lostAnswerIsResolvedByLookupWithoutResending() throws FiscalException {
    f.driver.failNext(Fault.APPLY_THEN_UNKNOWN);

    FiscalResult result = f.client.fiscalize(key("order-9"), sale("2500.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(1, f.driver.lookupCalls());
    assertEquals(1, f.driver.ledgerCount(key("order-9")));
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> IN_DOUBT (OUTCOME_UNKNOWN)",
        "IN_DOUBT -> FISCALIZED"), history("order-9"));
  }

  @Test
  void unknownOutcomeThatLookupProvesAbsentIsResentUnderTheSameKey() throws FiscalException {
    f.driver.failNext(Fault.UNKNOWN_WITHOUT_APPLYING);

    f.client.fiscalize(key("order-10"), sale("2500.00"));

    assertEquals(2, f.driver.registerCalls());
    assertEquals(1, f.driver.ledgerCount(key("order-10")));
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> IN_DOUBT (OUTCOME_UNKNOWN)", "IN_DOUBT -> SENT",
        "SENT -> FISCALIZED"), history("order-10"));
    assertEquals(2, status("order-10").attempts());
  }

  @Test
  void failingLookupKeepsTheRecordInDoubtNeverFailedAndRecoverFinishesIt() throws FiscalException {
    ClientFixture three = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), 3);
    three.driver.failNext(Fault.APPLY_THEN_UNKNOWN);
    three.driver.failNextLookups(100);

    assertThrows(OutcomeUnknownException.class, () -> three.client.fiscalize(key("order-11"), sale("300.00")));

    assertEquals(ReceiptStatus.IN_DOUBT, three.client.status(key("order-11")).orElseThrow().status());
    assertEquals(1, three.driver.registerCalls(), "never resent while in doubt");

    three.driver.heal();
    RecoveryReport report = three.client.recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
    assertEquals(ReceiptStatus.FISCALIZED, three.client.status(key("order-11")).orElseThrow().status());
    assertEquals(1, three.driver.ledgerCount(key("order-11")));
    assertEquals(1, three.driver.registerCalls());
  }

  @Test
  void laterCallWithTheSameKeyFinishesAnInDoubtRecord() throws FiscalException {
    ClientFixture one = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), 1);
    one.driver.failNext(Fault.APPLY_THEN_UNKNOWN);
    assertThrows(OutcomeUnknownException.class, () -> one.client.fiscalize(key("order-12"), sale("300.00")));

    FiscalResult result = one.client.fiscalize(key("order-12"), sale("300.00"));

    assertEquals(one.driver.ledger().get(0).result(), result);
    assertEquals(1, one.driver.registerCalls());
  }

  @Test
  void rejectedReceiptFailsAndTheSameReceiptGetsTheStoredRejection() {
    f.driver.failNext(Fault.REJECT);

    ReceiptRejectedException first = assertThrows(ReceiptRejectedException.class,
        () -> f.client.fiscalize(key("order-13"), sale("300.00")));
    ReceiptRejectedException again = assertThrows(ReceiptRejectedException.class,
        () -> f.client.fiscalize(key("order-13"), sale("300.00")));

    assertEquals("9", first.providerCode());
    assertEquals("9", again.providerCode());
    assertEquals(ReceiptStatus.FAILED, status("order-13").status());
    assertEquals(1, f.driver.registerCalls());
    assertEquals(0, f.driver.ledgerCount(key("order-13")));
  }

  @Test
  void failedKeyTakesACorrectedReceiptAndKeepsTheHistory() throws FiscalException {
    f.driver.failNext(Fault.REJECT);
    assertThrows(ReceiptRejectedException.class, () -> f.client.fiscalize(key("order-14"), sale("300.00")));

    FiscalResult corrected = f.client.fiscalize(key("order-14"), sale("310.00"));

    assertEquals(sale("310.00").total(), corrected.total());
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> FAILED (REJECTED)", "FAILED -> REQUESTED",
        "REQUESTED -> SENT", "SENT -> FISCALIZED"), history("order-14"));
    assertEquals(sale("310.00").total(), status("order-14").receipt().total());
    assertEquals(1, f.driver.ledgerCount(key("order-14")));
  }

  @Test
  void retriesStopAtTheOverallDeadline() {
    ClientFixture tight = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), 100);
    FiscalClient client = FiscalClient.builder().driver(tight.driver).journal(tight.journal).clock(tight.clock)
        .retryPolicy(RetryPolicy.builder().maxAttempts(100).timeout(Duration.ofSeconds(4)).jitter(() -> 1.0)
            .sleeper(d -> {
              tight.sleeps.add(d);
              tight.clock.advance(d);
            }).build())
        .build();
    tight.driver.block();

    assertThrows(DeviceException.class, () -> client.fiscalize(key("order-15"), sale("300.00")));

    // 0.5 + 1 + 2 = 3.5 s slept; the next 4 s wait would pass the 4 s deadline.
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), tight.sleeps);
    assertEquals(4, tight.driver.registerCalls());
  }

  @Test
  void listenerThatThrowsDoesNotStopTheFiscalization() throws FiscalException {
    ClientFixture noisy = new ClientFixture();
    FiscalClient client = FiscalClient.builder().driver(noisy.driver).journal(noisy.journal).clock(noisy.clock)
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .build();

    client.fiscalize(key("order-16"), sale("300.00"));

    assertEquals(ReceiptStatus.FISCALIZED, noisy.journal.find(key("order-16")).orElseThrow().status());
  }

  @Test
  void submitCompletesWithTheResultOrWithTheFiscalExceptionAsCause() throws Exception {
    FiscalResult result = f.client.submit(key("order-17"), sale("300.00")).get(10, TimeUnit.SECONDS);
    f.driver.failNext(Fault.REJECT);
    ExecutionException failure = assertThrows(ExecutionException.class,
        () -> f.client.submit(key("order-18"), sale("300.00")).get(10, TimeUnit.SECONDS));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertInstanceOf(ReceiptRejectedException.class, failure.getCause() instanceof CompletionException c
        ? c.getCause() : failure.getCause());
    f.client.close();
  }

  @Test
  void unexpectedDriverErrorAfterSentLeavesTheRecordInDoubt() {
    ThrowingDriver broken = new ThrowingDriver(f.driver);
    FiscalClient client = FiscalClient.builder().driver(broken).journal(f.journal).clock(f.clock)
        .retryPolicy(f.policy(1)).build();

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.fiscalize(key("order-19"), sale("300.00")));

    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(ReceiptStatus.IN_DOUBT, status("order-19").status());
  }

  @Test
  void recoverLooksUpARecordSentByACrashedWorkerBeforeResending() throws FiscalException {
    IdempotencyKey key = key("order-20");
    Receipt receipt = sale("700.00");
    crashAfterSent(key, receipt, true);

    RecoveryReport report = f.client.recover();

    assertEquals(new RecoveryReport(1, 1, 0, 0), report);
    assertEquals(1, f.driver.registerCalls(), "only the crashed worker's send");
    assertEquals(1, f.driver.ledgerCount(key));
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> IN_DOUBT (LEASE_EXPIRED)", "IN_DOUBT -> FISCALIZED"),
        history("order-20"));
  }

  @Test
  void recoverResendsARecordWhoseCrashedWorkerNeverReachedTheRegister() throws FiscalException {
    IdempotencyKey key = key("order-21");
    crashAfterSent(key, sale("700.00"), false);

    f.client.recover();

    assertEquals(1, f.driver.ledgerCount(key));
    assertEquals(ReceiptStatus.FISCALIZED, status("order-21").status());
    assertEquals(2, status("order-21").attempts());
  }

  @Test
  void recoverLeavesRecordsWhoseLeaseIsStillHeld() throws FiscalException {
    IdempotencyKey key = key("order-22");
    f.journal.begin(key, "digest-of-another-worker", sale("700.00"), "busy-worker", Duration.ofMinutes(2));

    RecoveryReport report = f.client.recover();

    assertEquals(new RecoveryReport(0, 0, 0, 0), report);
    assertEquals(ReceiptStatus.REQUESTED, status("order-22").status());
    assertEquals(0, f.driver.registerCalls());
  }

  @Test
  void registersRetryHintWinsOverTheComputedBackoff() throws FiscalException {
    FiscalClient client = clientOn(new OnceThenForward(f.driver,
        () -> new DeliveryFailedException("HTTP 429 (injected)", null, Duration.ofSeconds(3))));

    client.fiscalize(key("order-23"), sale("300.00"));

    assertEquals(List.of(Duration.ofSeconds(3)), f.sleeps);
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> REQUESTED (DELIVERY_FAILED)", "REQUESTED -> SENT",
        "SENT -> FISCALIZED"), history("order-23"));
    assertEquals(1, f.driver.ledgerCount(key("order-23")));
  }

  @Test
  void registerThatAlreadyHoldsTheKeyIsAnsweredByLookupNotByResending() throws FiscalException {
    OnceThenForward driver = new OnceThenForward(f.driver,
        () -> new IdempotencyConflictException(key("order-24"))) {
      @Override
      public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
        if (!failed) {
          delegate().register(key, receipt, deadline); // applied, then the register reports the key as taken
        }
        return super.register(key, receipt, deadline);
      }
    };

    FiscalResult result = clientOn(driver).fiscalize(key("order-24"), sale("300.00"));

    assertEquals(f.driver.ledger().get(0).result(), result);
    assertEquals(1, f.driver.registerCalls());
    assertEquals(List.of("-> REQUESTED", "REQUESTED -> SENT", "SENT -> IN_DOUBT (OUTCOME_UNKNOWN)",
        "IN_DOUBT -> FISCALIZED"), history("order-24"));
  }

  @Test
  void driverThatCannotCarryTheReceiptFailsTheRecord() {
    InvalidReceiptException refusal = new InvalidReceiptException(List.of(new Violation(
        ViolationCode.UNSUPPORTED_BY_DRIVER, "items[0].section", "section 7 is not programmed (injected)")));

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> clientOn(new OnceThenForward(f.driver, () -> refusal)).fiscalize(key("order-25"), sale("300.00")));

    assertEquals(refusal, e);
    assertEquals(ReceiptStatus.FAILED, status("order-25").status());
    assertEquals(RecordedError.Kind.REJECTED, status("order-25").lastError().orElseThrow().kind());
    assertEquals(0, f.driver.ledgerCount(key("order-25")));
  }

  private FiscalClient clientOn(FiscalDriver driver) {
    return FiscalClient.builder().driver(driver).journal(f.journal).clock(f.clock).retryPolicy(f.policy(3)).build();
  }

  /** Throws the given fault on the first register call, then forwards. */
  private static class OnceThenForward extends ForwardingFiscalDriver {
    private final Supplier<FiscalException> fault;
    boolean failed;

    OnceThenForward(FiscalDriver delegate, Supplier<FiscalException> fault) {
      super(delegate);
      this.fault = fault;
    }

    @Override
    public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
      if (!failed) {
        failed = true;
        throw fault.get();
      }
      return delegate().register(key, receipt, deadline);
    }
  }

  /** Journals SENT as a worker that then dies, having reached the register or not. */
  private void crashAfterSent(IdempotencyKey key, Receipt receipt, boolean reachedRegister) throws FiscalException {
    var begin = f.journal.begin(key, "digest-of-the-dead-worker", receipt, "dead-worker", Duration.ofSeconds(30));
    f.journal.apply(key, "dead-worker", begin.record().version(), kz.fiscal.core.journal.ReceiptJournal.Transition.sending(),
        Duration.ofSeconds(30));
    if (reachedRegister) {
      f.driver.register(key, receipt, Instant.MAX);
    }
    f.clock.advance(Duration.ofMinutes(1));
  }

  private ReceiptRecord status(String key) {
    return f.client.status(key(key)).orElseThrow();
  }

  private List<String> history(String key) {
    List<String> lines = new ArrayList<>();
    for (JournalEntry entry : f.client.history(key(key))) {
      lines.add(entry.from().map(s -> s + " ").orElse("") + "-> " + entry.to()
          + entry.error().map(e -> " (" + e.kind() + ")").orElse(""));
    }
    return lines;
  }

  private List<String> events() {
    List<String> lines = new ArrayList<>();
    for (ReceiptEvent event : f.events) {
      lines.add(event.from().map(s -> s + " ").orElse("") + "-> " + event.to());
    }
    return lines;
  }

  /** Fails every register call with a bug, as a broken driver would. */
  private static final class ThrowingDriver extends ForwardingFiscalDriver {
    ThrowingDriver(RecordingFiscalDriver delegate) {
      super(delegate);
    }

    @Override
    public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) {
      throw new IllegalStateException("driver bug");
    }
  }
}
