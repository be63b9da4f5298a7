package kz.fiscal.core.journal;

import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.FAILED;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.FISCALIZED;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.IN_DOUBT;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.PARTIALLY_REFUNDED;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.REFUNDED;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.REQUESTED;
import static kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus.SENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;

class ReceiptStatusTest {
  /** The lifecycle of architecture.md, plus the two self-moves (a failed lookup, a further partial refund). */
  private static final Map<ReceiptStatus, Set<ReceiptStatus>> LIFECYCLE = Map.of(
      REQUESTED, EnumSet.of(SENT, FAILED),
      SENT, EnumSet.of(FISCALIZED, IN_DOUBT, FAILED, REQUESTED),
      IN_DOUBT, EnumSet.of(FISCALIZED, SENT, IN_DOUBT, FAILED),
      FISCALIZED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
      PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
      FAILED, EnumSet.of(REQUESTED),
      REFUNDED, EnumSet.noneOf(ReceiptStatus.class));

  @ParameterizedTest
  @EnumSource(ReceiptStatus.class)
  void successorsAreExactlyThoseOfTheLifecycle(ReceiptStatus status) {
    assertEquals(LIFECYCLE.get(status), status.successors());
  }

  @ParameterizedTest
  @EnumSource(ReceiptStatus.class)
  void canMoveToAgreesWithTheSuccessors(ReceiptStatus status) {
    for (ReceiptStatus next : ReceiptStatus.values()) {
      assertEquals(LIFECYCLE.get(status).contains(next), status.canMoveTo(next), status + " -> " + next);
    }
  }

  @Test
  void onlyAnInDoubtAndAPartiallyRefundedRecordMayStayWhereTheyAre() {
    Set<ReceiptStatus> selfMoves = EnumSet.noneOf(ReceiptStatus.class);
    for (ReceiptStatus status : ReceiptStatus.values()) {
      if (status.canMoveTo(status)) {
        selfMoves.add(status);
      }
    }
    assertEquals(EnumSet.of(IN_DOUBT, PARTIALLY_REFUNDED), selfMoves);
  }

  @Test
  void aFiscalizedCheckNeverGoesBackToSendingOrFailure() {
    for (ReceiptStatus status : EnumSet.of(FISCALIZED, PARTIALLY_REFUNDED, REFUNDED)) {
      Set<ReceiptStatus> reachable = EnumSet.copyOf(status.successors());
      reachable.retainAll(EnumSet.of(REQUESTED, SENT, IN_DOUBT, FAILED));
      assertEquals(Set.of(), reachable, status.toString());
    }
  }

  @Test
  void successorsIsACopyTheCallerMayChange() {
    SENT.successors().clear();

    assertEquals(EnumSet.of(FISCALIZED, IN_DOUBT, FAILED, REQUESTED), SENT.successors());
  }

  @Test
  void pendingAreTheStatusesWithWorkLeft() {
    Set<ReceiptStatus> pending = EnumSet.noneOf(ReceiptStatus.class);
    for (ReceiptStatus status : ReceiptStatus.values()) {
      if (status.isPending()) {
        pending.add(status);
      }
    }
    assertEquals(EnumSet.of(REQUESTED, SENT, IN_DOUBT), pending);
  }

  @Test
  void fiscalizedAreTheStatusesWithACheck() {
    Set<ReceiptStatus> fiscalized = EnumSet.noneOf(ReceiptStatus.class);
    for (ReceiptStatus status : ReceiptStatus.values()) {
      if (status.isFiscalized()) {
        fiscalized.add(status);
      }
    }
    assertEquals(EnumSet.of(FISCALIZED, PARTIALLY_REFUNDED, REFUNDED), fiscalized);
  }

  @Test
  void aFailedRecordIsNeitherPendingNorFiscalized() {
    assertFalse(FAILED.isPending());
    assertFalse(FAILED.isFiscalized());
  }
}
