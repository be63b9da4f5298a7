package kz.fiscal.core.journal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a fiscalization stands. The allowed moves are those of the lifecycle:
 * <pre>
 * REQUESTED → SENT → FISCALIZED → (PARTIALLY_REFUNDED →) REFUNDED
 *    ↑  ↖ (device or delivery failure: back to REQUESTED with the reason)
 *         SENT → IN_DOUBT → (lookup) → FISCALIZED | SENT (resend under the same key)
 *         SENT → FAILED (content rejected) → REQUESTED (re-submitted, corrected, under the same key)
 * </pre>
 * {@code IN_DOUBT → IN_DOUBT} records a lookup that failed again.
 */
public enum ReceiptStatus {
  /** Journaled, not sent, or certainly not applied; waits to be sent. */
  REQUESTED,
  /** Durably marked as about to be sent, before the driver is called. */
  SENT,
  /** May have been applied; resolved only by lookup. */
  IN_DOUBT,
  /** A check exists; its result is stored. */
  FISCALIZED,
  /** The content was rejected; nothing was fiscalized. */
  FAILED,
  /** Part of the sale was returned. */
  PARTIALLY_REFUNDED,
  /** All of the sale was returned. */
  REFUNDED;

  /** Whether this status may move to {@code next}. */
  public boolean canMoveTo(ReceiptStatus next) {
    return successors().contains(next);
  }

  /** The statuses this one may move to. */
  public Set<ReceiptStatus> successors() {
    return switch (this) {
      // REQUESTED and IN_DOUBT (once a lookup proved it absent) fail unsent when a rate left force meanwhile
      case REQUESTED -> EnumSet.of(SENT, FAILED);
      case SENT -> EnumSet.of(FISCALIZED, IN_DOUBT, FAILED, REQUESTED);
      case IN_DOUBT -> EnumSet.of(FISCALIZED, SENT, IN_DOUBT, FAILED);
      case FISCALIZED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case PARTIALLY_REFUNDED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case FAILED -> EnumSet.of(REQUESTED);
      case REFUNDED -> EnumSet.noneOf(ReceiptStatus.class);
    };
  }

  /** Whether work remains: {@link #REQUESTED}, {@link #SENT} or {@link #IN_DOUBT}. */
  public boolean isPending() {
    return this == REQUESTED || this == SENT || this == IN_DOUBT;
  }

  /** Whether a check exists: fiscalized, possibly refunded since. */
  public boolean isFiscalized() {
    return this == FISCALIZED || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
