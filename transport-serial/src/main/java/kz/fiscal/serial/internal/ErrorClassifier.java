package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.ErrorClass.OK;
import static kz.fiscal.serial.internal.ErrorClass.OPERATOR;
import static kz.fiscal.serial.internal.ErrorClass.REJECTED;
import static kz.fiscal.serial.internal.ErrorClass.RETRY_AFTER_WAIT;
import static kz.fiscal.serial.internal.ErrorClass.UNKNOWN;

import java.util.Optional;
import java.util.Set;

/**
 * The driver's classification of device error codes and link outcomes (docs/serial-shtrih.md §4.4, §4.5). An error
 * answer proves the command did not run, except where the verdict is {@link ErrorClass#UNKNOWN}. Codes
 * of {@code FFxx} answers are read in the storage namespace (§4.4): there {@code 16} means "shift over
 * 24 h" and {@code 03}/{@code 04} are storage faults. Stateless.
 */
public final class ErrorClassifier {
  private static final Set<Integer> INPUT_ERRORS = Set.of(0x33, 0x37, 0x41, 0x42, 0x43, 0x44, 0x45, 0x48, 0x4D,
      0x5E, 0x60, 0x61, 0x62, 0x63, 0x8E, 0x94);
  private static final Set<Integer> HARDWARE = Set.of(0x71, 0x76, 0x77, 0xC0);
  private static final Set<Integer> MEMORY_FAULTS = Set.of(0x67, 0x80, 0x81, 0x82, 0x83);

  private ErrorClassifier() {}

  /** The verdict on error byte {@code error} in the answer to {@code command}. */
  public static ErrorVerdict classify(Command command, int error) {
    return known(command, error).orElseGet(() -> command.fiscal()
        ? new ErrorVerdict(UNKNOWN, Remedy.RECONCILE) : ErrorVerdict.of(REJECTED));
  }

  /**
   * The verdict on an answer with ERR {@code 00} that was too short to use (§1.3 rule 5): UNKNOWN for
   * a command that must not run twice, REJECTED for a read that would come back the same.
   */
  public static ErrorVerdict malformed(Command command) {
    return command.idempotent() && !command.fiscal()
        ? ErrorVerdict.of(REJECTED) : new ErrorVerdict(UNKNOWN, Remedy.RECONCILE);
  }

  /** The verdict on a link outcome that carries no answer. */
  public static ErrorVerdict classify(Command command, LinkOutcome.Kind outcome) {
    return switch (outcome) {
      case ANSWER -> throw new IllegalArgumentException("an ANSWER is classified by its error byte");
      case NOT_SENT, NOT_ACCEPTED -> new ErrorVerdict(RETRY_AFTER_WAIT, Remedy.BACK_OFF);
      case NOT_ACKED_IDLE -> command.idempotent()
          ? new ErrorVerdict(RETRY_AFTER_WAIT, Remedy.BACK_OFF) : new ErrorVerdict(UNKNOWN, Remedy.RECONCILE);
      case UNKNOWN -> new ErrorVerdict(UNKNOWN, Remedy.RECONCILE);
    };
  }

  /** The verdict on a device found in {@code mode}: locked, awaiting date confirmation, or needing a reset need a person. */
  public static Optional<ErrorVerdict> classify(Mode mode) {
    return switch (mode) {
      case LOCKED, AWAITING_DATE_CONFIRMATION, TECHNOLOGICAL_RESET_NEEDED -> Optional.of(ErrorVerdict.of(OPERATOR));
      default -> Optional.empty();
    };
  }

  private static Optional<ErrorVerdict> known(Command command, int error) {
    boolean storage = command.twoByte();
    if (error == 0x00) {
      return verdict(OK, Remedy.NONE);
    }
    if (storage && error == 0x16 || error == 0x4E) {
      return verdict(REJECTED, Remedy.CLOSE_EXPIRED_SHIFT);
    }
    if (!storage && error == 0x16 || error == 0x3D) {
      return verdict(REJECTED, Remedy.OPEN_SHIFT);
    }
    if (error == 0x15 && command == Command.OPEN_SHIFT) {
      return verdict(OK, Remedy.CONFIRM_SHIFT_OPEN);
    }
    if (error == 0x55 && command == Command.CANCEL_CHECK) {
      return verdict(OK, Remedy.NONE);
    }
    if (error == 0x55 && (command == Command.CLOSE_CHECK || command == Command.CLOSE_CHECK_EXTENDED)) {
      return verdict(UNKNOWN, Remedy.RECONCILE);
    }
    if (error == 0x08 && command == Command.FIND_DOCUMENT) {
      return verdict(OK, Remedy.DOCUMENT_NOT_FOUND);
    }
    if (error == 0x37 && storage) {
      return verdict(REJECTED, Remedy.DETECT_FEATURES);
    }
    if (storage ? error == 0x03 || error == 0x04 : error <= 0x0B || MEMORY_FAULTS.contains(error)) {
      return command.fiscal() ? verdict(UNKNOWN, Remedy.RECONCILE) : verdict(OPERATOR, Remedy.NONE);
    }
    return switch (error) {
      case 0x4A -> verdict(REJECTED, Remedy.CANCEL_ORPHAN_CHECK);
      case 0x49 -> verdict(REJECTED, Remedy.NONE);
      case 0x59, 0x4F -> verdict(OPERATOR, Remedy.NONE);
      case 0x50 -> verdict(RETRY_AFTER_WAIT, Remedy.WAIT_FOR_PRINTING);
      case 0x58 -> verdict(RETRY_AFTER_WAIT, Remedy.CONTINUE_PRINTING);
      case 0x6B, 0x6C -> verdict(OPERATOR, Remedy.LOAD_PAPER);
      case 0x72, 0x73 -> verdict(RETRY_AFTER_WAIT, Remedy.REREAD_MODE);
      default -> INPUT_ERRORS.contains(error) ? verdict(REJECTED, Remedy.NONE)
          : HARDWARE.contains(error) ? verdict(OPERATOR, Remedy.NONE) : Optional.empty();
    };
  }

  private static Optional<ErrorVerdict> verdict(ErrorClass errorClass, Remedy remedy) {
    return Optional.of(new ErrorVerdict(errorClass, remedy));
  }
}
