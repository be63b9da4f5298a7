package kz.fiscal.core.journal;

import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.JournalEntry.RecordedError;

/**
 * A change the owner of a record asks the journal to make, all at once with its history entry.
 *
 * @param to the new status
 * @param send whether this is a send: the attempt count grows and the first send time is set once
 * @param result the check, for {@link ReceiptStatus#FISCALIZED}
 * @param error the failure that causes this transition, if any
 * @param replacement a corrected receipt and its digest, for a {@code FAILED → REQUESTED} re-submission
 * @param register for a send, the register it goes to: the record is bound to it from its first send
 */
public record Transition(ReceiptStatus to, boolean send, Optional<FiscalResult> result,
    Optional<RecordedError> error, Optional<Replacement> replacement, Optional<RegisterId> register) {

  /** A corrected receipt with its digest. */
  public record Replacement(Receipt receipt, String digest) {
    public Replacement {
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(digest, "digest");
    }
  }

  public Transition {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(register, "register");
  }

  /** A transition that names no register. */
  public Transition(ReceiptStatus to, boolean send, Optional<FiscalResult> result, Optional<RecordedError> error,
      Optional<Replacement> replacement) {
    this(to, send, result, error, replacement, Optional.empty());
  }

  /** Marks the record as being sent, before the driver is called, to the register it is bound to. */
  public static Transition sending() {
    return new Transition(ReceiptStatus.SENT, true, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Marks the record as being sent to {@code register}, before the driver is called; binds a record
   * never sent to it.
   */
  public static Transition sending(RegisterId register) {
    return new Transition(ReceiptStatus.SENT, true, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(register));
  }

  /** The check exists. */
  public static Transition fiscalized(FiscalResult result) {
    return new Transition(ReceiptStatus.FISCALIZED, false, Optional.of(result), Optional.empty(), Optional.empty());
  }

  /** The check exists, and {@code note} says what of the provider's answer could not be kept. */
  public static Transition fiscalized(FiscalResult result, RecordedError note) {
    return new Transition(ReceiptStatus.FISCALIZED, false, Optional.of(result), Optional.of(note), Optional.empty());
  }

  /** A move caused by {@code error}. */
  public static Transition failure(ReceiptStatus to, RecordedError error) {
    return new Transition(to, false, Optional.empty(), Optional.of(error), Optional.empty());
  }

  /** A failed record re-submitted with a corrected receipt. */
  public static Transition resubmit(Receipt receipt, String digest) {
    return new Transition(ReceiptStatus.REQUESTED, false, Optional.empty(), Optional.empty(),
        Optional.of(new Replacement(receipt, digest)));
  }
}
