package kz.fiscal.core.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A failure as the journal keeps it: its kind, the provider's code and the message (never personal
 * data or secrets: exception messages of the SDK carry neither).
 *
 * @param kind what kind of failure
 * @param code the provider's or device's code, empty when none
 * @param message the explanation
 * @param at when it happened
 */
public record RecordedError(Kind kind, String code, String message, Instant at) {

  /** The kinds of failure, one per {@link kz.fiscal.core.FiscalException} subtype that reaches the journal. */
  public enum Kind {
    REJECTED, DELIVERY_FAILED, OUTCOME_UNKNOWN, DEVICE, LEASE_EXPIRED,
    /** A lookup found another receipt's check under the key: the record waits for a person, never looked up again. */
    KEY_COLLISION,
    /** Not a failure: a fiscalized record's note that fields of the provider's answer were too long to keep. */
    DATA_DROPPED
  }

  public RecordedError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(at, "at");
  }
}
