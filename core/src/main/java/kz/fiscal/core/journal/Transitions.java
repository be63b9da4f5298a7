package kz.fiscal.core.journal;

import java.time.Instant;
import java.util.Optional;

/** The record a transition makes, shared by every journal so they agree on the lifecycle. */
final class Transitions {
  private Transitions() {}

  /**
   * The record after {@code transition}, at {@code now}, with the lease renewed to {@code leaseUntil}.
   *
   * @throws IllegalStateException if the lifecycle does not allow the move or a fiscalized record lacks its result
   */
  static ReceiptRecord applyTo(ReceiptRecord r, Transition transition, Instant now, Instant leaseUntil) {
    ReceiptStatus to = transition.to();
    if (!r.status().canMoveTo(to)) {
      throw new IllegalStateException("Illegal transition of " + r.key().value() + ": " + r.status() + " -> " + to);
    }
    if (to == ReceiptStatus.FISCALIZED && transition.result().isEmpty()) {
      throw new IllegalStateException("FISCALIZED needs the fiscal result");
    }
    if (transition.replacement().isPresent() && r.status() != ReceiptStatus.FAILED) {
      throw new IllegalStateException("Only a FAILED record may take a corrected receipt");
    }
    int attempts = transition.send() ? r.attempts() + 1 : r.attempts();
    Optional<Instant> firstSentAt = transition.send() && r.firstSentAt().isEmpty() ? Optional.of(now) : r.firstSentAt();
    var receipt = transition.replacement().map(Transition.Replacement::receipt).orElse(r.receipt());
    String digest = transition.replacement().map(Transition.Replacement::digest).orElse(r.digest());
    var result = transition.result().isPresent() ? transition.result() : r.result();
    var error = transition.error().isPresent() ? transition.error() : r.lastError();
    return new ReceiptRecord(r.key(), digest, receipt, to, attempts, result, error, firstSentAt, r.createdAt(), now,
        r.owner(), Optional.of(leaseUntil), r.version() + 1);
  }

  /** {@code r} after its owner gave up the lease: no owner, no lease, the next version. */
  static ReceiptRecord released(ReceiptRecord r) {
    return new ReceiptRecord(r.key(), r.digest(), r.receipt(), r.status(), r.attempts(), r.result(), r.lastError(),
        r.firstSentAt(), r.createdAt(), r.updatedAt(), Optional.empty(), Optional.empty(), r.version() + 1);
  }
}
