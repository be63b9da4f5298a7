package kz.fiscal.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.journal.JournalEntry.RecordedError;

/**
 * The journal's state of one idempotency key.
 *
 * @param key the idempotency key
 * @param digest digest of the receipt's canonical form, to tell a retry from a conflicting reuse
 * @param receipt the receipt as sent (with its operation time)
 * @param status where it stands
 * @param attempts how many times it was sent to the driver
 * @param result the check, once fiscalized
 * @param lastError the last failure, if any
 * @param firstSentAt when it was first sent (the lookup searches from there)
 * @param createdAt when it was journaled
 * @param updatedAt when it last changed
 * @param owner who holds the lease to work on it
 * @param leaseUntil until when the lease holds
 * @param version increases with every change; updates compare it
 * @param register the register it was first sent to, bound for good: retries, lookups and recovery go
 *     there only (empty while never sent, and for records journaled before registers were recorded)
 */
public record ReceiptRecord(
    IdempotencyKey key,
    String digest,
    Receipt receipt,
    ReceiptStatus status,
    int attempts,
    Optional<FiscalResult> result,
    Optional<RecordedError> lastError,
    Optional<Instant> firstSentAt,
    Instant createdAt,
    Instant updatedAt,
    Optional<String> owner,
    Optional<Instant> leaseUntil,
    long version,
    Optional<RegisterId> register) {

  public ReceiptRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(firstSentAt, "firstSentAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Objects.requireNonNull(register, "register");
    if (status.isFiscalized() && result.isEmpty()) {
      throw new IllegalArgumentException("A " + status + " record carries its result");
    }
  }

  /** A record bound to no register. */
  public ReceiptRecord(IdempotencyKey key, String digest, Receipt receipt, ReceiptStatus status, int attempts,
      Optional<FiscalResult> result, Optional<RecordedError> lastError, Optional<Instant> firstSentAt,
      Instant createdAt, Instant updatedAt, Optional<String> owner, Optional<Instant> leaseUntil, long version) {
    this(key, digest, receipt, status, attempts, result, lastError, firstSentAt, createdAt, updatedAt, owner,
        leaseUntil, version, Optional.empty());
  }

  /**
   * Whether only a person can settle this record: in doubt because a lookup found another receipt's
   * check under its key ({@link RecordedError.Kind#KEY_COLLISION}). Recovery leaves it alone.
   */
  public boolean needsPerson() {
    return status == ReceiptStatus.IN_DOUBT
        && lastError.filter(e -> e.kind() == RecordedError.Kind.KEY_COLLISION).isPresent();
  }

  /** Whether someone else may take this record over at {@code now}: no owner, or the lease ran out. */
  public boolean claimableAt(Instant now) {
    return owner.isEmpty() || leaseUntil.isEmpty() || leaseUntil.get().isBefore(now);
  }
}
