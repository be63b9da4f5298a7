package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.ErrorClass.OK;
import static kz.fiscal.serial.internal.ErrorClass.OPERATOR;
import static kz.fiscal.serial.internal.ErrorClass.REJECTED;
import static kz.fiscal.serial.internal.ErrorClass.RETRY_AFTER_WAIT;
import static kz.fiscal.serial.internal.ErrorClass.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table of docs/serial-shtrih.md §4.5, row by row. */
class ErrorClassifierTest {
  private static ErrorVerdict v(ErrorClass c, Remedy r) {
    return new ErrorVerdict(c, r);
  }

  private static ErrorVerdict on(Command command, int error) {
    return ErrorClassifier.classify(command, error);
  }

  @Test
  void successIsOk() {
    assertEquals(v(OK, Remedy.NONE), on(Command.SALE, 0x00));
  }

  @Test
  void shiftNotOpenIsRejectedUntilTheShiftIsOpened() {
    assertEquals(v(REJECTED, Remedy.OPEN_SHIFT), on(Command.SALE, 0x16));
    assertEquals(v(REJECTED, Remedy.OPEN_SHIFT), on(Command.SALE, 0x3D));
  }

  @Test
  void sixteenFromAnFfCommandMeansTheShiftIsOverTwentyFourHours() {
    assertEquals(v(REJECTED, Remedy.CLOSE_EXPIRED_SHIFT), on(Command.CLOSE_CHECK_EXTENDED, 0x16));
    assertEquals(v(REJECTED, Remedy.CLOSE_EXPIRED_SHIFT), on(Command.SALE, 0x4E));
  }

  @Test
  void errorsThatMeanTheWantedStateHoldsAreOk() {
    assertEquals(v(OK, Remedy.CONFIRM_SHIFT_OPEN), on(Command.OPEN_SHIFT, 0x15));
    assertEquals(v(OK, Remedy.NONE), on(Command.CANCEL_CHECK, 0x55));
    assertEquals(v(OK, Remedy.DOCUMENT_NOT_FOUND), on(Command.FIND_DOCUMENT, 0x08));
  }

  @Test
  void noCheckOnACloseMayMeanAnEarlierAttemptClosedIt() {
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK, 0x55));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK_EXTENDED, 0x55));
    assertEquals(v(REJECTED, Remedy.NONE), on(Command.SUBTOTAL, 0x55));
  }

  @Test
  void openCheckOtherTypeAndOtherOperator() {
    assertEquals(v(REJECTED, Remedy.CANCEL_ORPHAN_CHECK), on(Command.Z_REPORT, 0x4A));
    assertEquals(v(REJECTED, Remedy.NONE), on(Command.SALE, 0x49));
    assertEquals(v(OPERATOR, Remedy.NONE), on(Command.SALE, 0x59));
    assertEquals(v(OPERATOR, Remedy.NONE), on(Command.SALE, 0x4F));
  }

  @Test
  void printingAndPaperStates() {
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.WAIT_FOR_PRINTING), on(Command.SALE, 0x50));
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.CONTINUE_PRINTING), on(Command.SALE, 0x58));
    assertEquals(v(OPERATOR, Remedy.LOAD_PAPER), on(Command.CLOSE_CHECK_EXTENDED, 0x6B));
    assertEquals(v(OPERATOR, Remedy.LOAD_PAPER), on(Command.SALE, 0x6C));
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.REREAD_MODE), on(Command.SALE, 0x72));
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.REREAD_MODE), on(Command.SALE, 0x73));
  }

  @Test
  void inputErrorsAreRejected() {
    for (int code : new int[] {0x33, 0x37, 0x41, 0x42, 0x43, 0x44, 0x45, 0x48, 0x4D, 0x5E, 0x60, 0x61, 0x62, 0x63,
        0x8E, 0x94}) {
      assertEquals(v(REJECTED, Remedy.NONE), on(Command.SALE, code), Integer.toHexString(code));
    }
  }

  @Test
  void notSupportedToAnFfCommandStartsFeatureDetection() {
    assertEquals(v(REJECTED, Remedy.DETECT_FEATURES), on(Command.STORAGE_STATUS, 0x37));
    assertEquals(v(REJECTED, Remedy.DETECT_FEATURES), on(Command.RETURN_BASIS, 0x37));
  }

  @Test
  void storageFaultsAreUnknownOnFiscalCommandsAndForAPersonElsewhere() {
    for (int code : new int[] {0x01, 0x0B, 0x67, 0x80, 0x83}) {
      assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK, code));
      assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.Z_REPORT, code));
      assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.OPEN_SHIFT, code));
      assertEquals(v(OPERATOR, Remedy.NONE), on(Command.SALE, code));
    }
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK_EXTENDED, 0x03));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK_EXTENDED, 0x04));
    assertEquals(v(OPERATOR, Remedy.NONE), on(Command.STORAGE_STATUS, 0x03));
  }

  @Test
  void ffCodesAreReadInTheStorageNamespace() {
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK_EXTENDED, 0x02));
    assertEquals(v(REJECTED, Remedy.NONE), on(Command.FIND_DOCUMENT, 0x01));
  }

  @Test
  void hardwareAndDateConfirmationNeedAPerson() {
    for (int code : new int[] {0x71, 0x76, 0x77, 0xC0}) {
      assertEquals(v(OPERATOR, Remedy.NONE), on(Command.SALE, code));
    }
    assertEquals(Optional.of(v(OPERATOR, Remedy.NONE)), ErrorClassifier.classify(Mode.LOCKED));
    assertEquals(Optional.of(v(OPERATOR, Remedy.NONE)), ErrorClassifier.classify(Mode.AWAITING_DATE_CONFIRMATION));
    assertEquals(Optional.of(v(OPERATOR, Remedy.NONE)), ErrorClassifier.classify(Mode.TECHNOLOGICAL_RESET_NEEDED));
    assertEquals(Optional.empty(), ErrorClassifier.classify(Mode.SHIFT_OPEN));
  }

  @Test
  void anyOtherCodeIsRejectedExceptOnFiscalCommandsWhereItIsUnknown() {
    assertEquals(v(REJECTED, Remedy.NONE), on(Command.SALE, 0xEE));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.CLOSE_CHECK_EXTENDED, 0xEE));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), on(Command.Z_REPORT, 0xEE));
  }

  @Test
  void linkOutcomes() {
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.BACK_OFF), ErrorClassifier.classify(Command.SALE, LinkOutcome.Kind.NOT_SENT));
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.BACK_OFF),
        ErrorClassifier.classify(Command.SALE, LinkOutcome.Kind.NOT_ACCEPTED));
    assertEquals(v(RETRY_AFTER_WAIT, Remedy.BACK_OFF),
        ErrorClassifier.classify(Command.SHORT_STATUS, LinkOutcome.Kind.NOT_ACKED_IDLE));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), ErrorClassifier.classify(Command.SALE, LinkOutcome.Kind.NOT_ACKED_IDLE));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE),
        ErrorClassifier.classify(Command.SHORT_STATUS, LinkOutcome.Kind.UNKNOWN));
    assertThrows(IllegalArgumentException.class,
        () -> ErrorClassifier.classify(Command.SALE, LinkOutcome.Kind.ANSWER));
  }

  @Test
  void malformedAnswerToAFiscalCommandIsUnknown() {
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), ErrorClassifier.malformed(Command.CLOSE_CHECK_EXTENDED));
    assertEquals(v(UNKNOWN, Remedy.RECONCILE), ErrorClassifier.malformed(Command.SALE));
    assertEquals(v(REJECTED, Remedy.NONE), ErrorClassifier.malformed(Command.FULL_STATUS));
  }
}
