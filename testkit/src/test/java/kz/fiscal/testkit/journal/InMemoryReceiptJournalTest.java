package kz.fiscal.testkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.LeaseLostException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.Transition;
import kz.fiscal.testkit.MutableClock;
import kz.fiscal.testkit.ReceiptJournalContract;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.junit.jupiter.api.Test;

class InMemoryReceiptJournalTest extends ReceiptJournalContract {
  private static final Instant START = Instant.parse("2026-03-01T04:30:00Z");

  private MutableClock clock;

  @Override
  protected ReceiptJournal newJournal() {
    clock = MutableClock.of(java.time.Clock.fixed(START, java.time.ZoneOffset.UTC));
    return new InMemoryReceiptJournal(clock);
  }

  @Override
  protected void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void recordsAndHistoryCarryTheTimesOfTheJournalsClock() {
    IdempotencyKey key = key("order-1:sale");
    ReceiptRecord begun = journal().begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE).record();
    clock.advance(Duration.ofSeconds(1));

    ReceiptRecord sent = journal().apply(key, OWNER, begun.version(), Transition.sending(), LONG_LEASE);

    Instant later = START.plusSeconds(1);
    assertEquals(START, begun.createdAt());
    assertEquals(Optional.of(START.plus(SHORT_LEASE)), begun.leaseUntil());
    assertEquals(START, sent.createdAt());
    assertEquals(later, sent.updatedAt());
    assertEquals(Optional.of(later), sent.firstSentAt());
    assertEquals(Optional.of(later.plus(LONG_LEASE)), sent.leaseUntil());
    assertEquals(List.of(START, later), journal().history(key).stream().map(JournalEntry::at).toList());
  }

  @Test
  void aLeaseHoldsUpToItsLastInstantAndIsFreeOneNanosecondLater() {
    IdempotencyKey key = key("order-1:sale");
    journal().begin(key, DIGEST, RECEIPT, OWNER, SHORT_LEASE);

    clock.advance(SHORT_LEASE);
    assertEquals(Optional.empty(), journal().claim(key, OTHER, LONG_LEASE));
    assertEquals(List.of(), ReceiptJournalContract.pendingKeys(journal(), 10));

    clock.advance(Duration.ofNanos(1));
    assertEquals(List.of(key), ReceiptJournalContract.pendingKeys(journal(), 10));
    ReceiptRecord claimed = journal().claim(key, OTHER, LONG_LEASE).orElseThrow();
    assertEquals(Optional.of(START.plus(SHORT_LEASE).plusNanos(1).plus(LONG_LEASE)), claimed.leaseUntil());
    assertEquals(START, claimed.updatedAt());
  }

  @Test
  void leaseLostSaysWhichVersionAndOwnerItFound() {
    IdempotencyKey key = key("order-1:sale");
    journal().begin(key, DIGEST, RECEIPT, OWNER, LONG_LEASE);

    LeaseLostException wrongOwner = assertThrows(LeaseLostException.class,
        () -> journal().apply(key, OTHER, 1, Transition.sending(), LONG_LEASE));
    LeaseLostException unknown = assertThrows(LeaseLostException.class,
        () -> journal().apply(key("never-begun"), OWNER, 1, Transition.sending(), LONG_LEASE));

    assertEquals("Lease lost on order-1:sale: expected version 1 owned by node-b#1, found version 1 owned by node-a#1",
        wrongOwner.getMessage());
    assertEquals("Lease lost on never-begun: no such record", unknown.getMessage());
  }

  @Test
  void aJournalWithoutAClockFollowsTheSystemClock() {
    Instant before = Instant.now();

    ReceiptRecord begun = new InMemoryReceiptJournal()
        .begin(key("order-1:sale"), DIGEST, RECEIPT, OWNER, LONG_LEASE).record();

    assertFalse(begun.createdAt().isBefore(before), begun.createdAt() + " is before " + before);
    assertTrue(!begun.createdAt().isAfter(Instant.now()), begun.createdAt() + " is in the future");
  }

  @Test
  void theInMemoryWarningsAreLoggedOncePerProcessNotOncePerJournalOrClient() {
    List<LogRecord> logged = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger journalLog = Logger.getLogger(InMemoryReceiptJournal.class.getName());
    Logger clientLog = Logger.getLogger(FiscalClient.class.getName());
    journalLog.addHandler(handler);
    clientLog.addHandler(handler);
    try {
      // Whether these two still warn depends on the tests this JVM ran before; the next ones must not.
      FiscalClient.builder().driver(RecordingFiscalDriver.create()).journal(new InMemoryReceiptJournal()).build();
      logged.clear();

      FiscalClient.builder().driver(RecordingFiscalDriver.create()).journal(new InMemoryReceiptJournal()).build();
      new InMemoryReceiptJournal(clock);

      assertEquals(List.of(), logged.stream().map(LogRecord::getMessage).toList());
    } finally {
      journalLog.removeHandler(handler);
      clientLog.removeHandler(handler);
    }
  }
}
