package kz.fiscal.serial.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one {@code transact} ended (docs/serial-shtrih.md §1.5 "Link outcomes"), with the stale answers drained on the
 * way. Immutable.
 *
 * @param kind the outcome class; only {@link Kind#ANSWER} carries an answer
 * @param answer the valid answer to the request, present exactly when {@code kind} is ANSWER
 * @param stale answers that arrived but were not this request's (held answers the probe drained, and
 *     foreign answers), in arrival order, for the reconciler (§5.6); duplicates of the last answer are
 *     dropped
 * @param detail why it ended so, for logs
 */
public record LinkOutcome(Kind kind, Optional<Answer> answer, List<Frame> stale, String detail) {
  /** The outcome classes and what they prove about execution. */
  public enum Kind {
    /** A valid answer arrived. */
    ANSWER,
    /** No reply to the probe: the frame was never written. Certainly not executed. */
    NOT_SENT,
    /** The device NAKed the frame every time. Certainly not executed. */
    NOT_ACCEPTED,
    /** The frame was not ACKed and the next ENQ got NAK: probably not executed (a reboot could hide it). */
    NOT_ACKED_IDLE,
    /** The frame may have run but no answer was obtained: reconcile before resending. */
    UNKNOWN
  }

  public LinkOutcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    if (answer.isPresent() != (kind == Kind.ANSWER)) {
      throw new IllegalArgumentException("an answer comes with ANSWER and only with it");
    }
    stale = List.copyOf(stale);
  }

  static LinkOutcome answered(Answer answer, List<Frame> stale) {
    return new LinkOutcome(Kind.ANSWER, Optional.of(answer), stale, "answered");
  }

  static LinkOutcome failed(Kind kind, List<Frame> stale, String detail) {
    return new LinkOutcome(kind, Optional.empty(), stale, detail);
  }
}
