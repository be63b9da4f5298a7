package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.spi.CheckHistory.CheckSummary;
import kz.fiscal.core.spi.CheckHistory.ShiftSummary;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finding a check by its key, across shifts, and the register's history. */
class WebkassaDriverLookupTest {
  private final FakeWebkassa fake = FakeWebkassa.start();
  private final WebkassaDriver driver = Receipts.driverFor(fake).build();

  @AfterEach
  void stop() {
    driver.close();
    fake.close();
  }

  @Test
  void aResendAfterALostAnswerIsAnsweredWithTheOriginalCheck() throws FiscalException {
    IdempotencyKey key = IdempotencyKey.of("order-resent");
    fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);
    assertThrows(OutcomeUnknownException.class, () -> driver.register(key, Receipts.sale("500.00"), Receipts.deadline()));

    FiscalResult again = driver.register(key, Receipts.sale("500.00"), Receipts.deadline());

    assertEquals(1, fake.checkCount("order-resent"));
    assertEquals(fake.check("order-resent").orElseThrow().fiscalSign(), again.fiscalSign().orElseThrow());
    assertEquals(2, fake.requests("/api/v4/check").size());
  }

  @Test
  void aCheckInAnEarlierShiftIsFound() throws FiscalException {
    Instant sentAt = Instant.now();
    IdempotencyKey key = IdempotencyKey.of("order-old-shift");
    FiscalResult made = driver.register(key, Receipts.sale("500.00"), Receipts.deadline());
    driver.closeShift();
    driver.register(IdempotencyKey.of("order-next-shift"), Receipts.sale("100.00"), Receipts.deadline());

    Optional<FiscalResult> found = driver.lookup(key, Receipts.sale("500.00"), sentAt, Receipts.deadline());

    assertEquals(Optional.of(made), found);
  }

  @Test
  void shiftsClosedLongBeforeTheFirstSendAreNotSearched() throws FiscalException {
    driver.register(IdempotencyKey.of("order-a"), Receipts.sale("100.00"), Receipts.deadline());
    driver.closeShift();
    fake.advance(Duration.ofDays(3));
    driver.register(IdempotencyKey.of("order-b"), Receipts.sale("100.00"), Receipts.deadline());

    assertEquals(Optional.empty(), driver.lookup(IdempotencyKey.of("order-never"), Receipts.sale("100.00"), fake.now(), Receipts.deadline()));

    assertEquals(1, fake.requests("/api-history/v4/Ticket/GetTicketByExternalCheckNumber").size(),
        "only the open shift is asked");
  }

  @Test
  void aRegisterThatNeverHadAShiftHasNoCheck() throws FiscalException {
    assertEquals(Optional.empty(), driver.lookup(IdempotencyKey.of("order-none"), Receipts.sale("100.00"), Instant.now(), Receipts.deadline()));
  }

  @Test
  void historyListsShiftsOldestFirstAndTheirChecksInOrder() throws FiscalException {
    Instant since = Instant.now().minusSeconds(60);
    driver.register(IdempotencyKey.of("order-1"), Receipts.sale("100.00"), Receipts.deadline());
    driver.register(IdempotencyKey.of("order-2"), Receipts.sale("200.00"), Receipts.deadline());
    driver.closeShift();
    driver.register(IdempotencyKey.of("order-3"), Receipts.sale("300.00"), Receipts.deadline());

    List<ShiftSummary> shifts = driver.shifts(since, Receipts.deadline());
    List<CheckSummary> first = new ArrayList<>();
    driver.checks(shifts.get(0).number(), Receipts.deadline(), first::add);

    assertEquals(2, shifts.size());
    assertEquals(shifts.get(0).number() + 1, shifts.get(1).number());
    assertEquals(Optional.empty(), shifts.get(1).closedAt());
    assertEquals(List.of("order-1", "order-2"), first.stream().map(c -> c.key().orElseThrow().value()).toList());
    assertEquals(fake.check("order-2").orElseThrow().fiscalSign(), first.get(1).fiscalSign());
  }

  @Test
  void aShiftOfMoreChecksThanAPageIsStreamedWhole() throws FiscalException {
    int count = 2 * 50 + 3;
    for (int i = 0; i < count; i++) {
      driver.register(IdempotencyKey.of("order-page-" + i), Receipts.sale("100.00"), Receipts.deadline());
    }

    List<CheckSummary> checks = new ArrayList<>();
    driver.checks(fake.currentShiftNumber(), Receipts.deadline(), checks::add);

    assertEquals(count, checks.size());
    assertEquals("order-page-" + (count - 1), checks.get(count - 1).key().orElseThrow().value());
  }

  @Test
  void aCheckOlderThanAPageOfShiftsIsStillFound() throws FiscalException {
    Instant sentAt = Instant.now();
    FiscalResult oldest = driver.register(IdempotencyKey.of("order-oldest"), Receipts.sale("100.00"), Receipts.deadline());
    for (int i = 0; i < 55; i++) {
      driver.closeShift();
      driver.register(IdempotencyKey.of("order-shift-" + i), Receipts.sale("100.00"), Receipts.deadline());
    }

    assertEquals(Optional.of(oldest), driver.lookup(IdempotencyKey.of("order-oldest"), Receipts.sale("100.00"), sentAt, Receipts.deadline()));
    assertEquals(56, driver.shifts(sentAt.minusSeconds(60), Receipts.deadline()).size());
  }
}
