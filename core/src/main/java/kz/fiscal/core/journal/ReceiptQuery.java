package kz.fiscal.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which records {@link ReceiptJournal#forEach} streams: every given condition must hold. Build with
 * the static factories and combine with the {@code and…} methods.
 *
 * @param status records in this status
 * @param createdFrom records created at or after this instant
 * @param createdBefore records created before this instant
 * @param rnm with {@code shiftNumber}: checks of this register
 * @param shiftNumber with {@code rnm}: checks of this shift
 */
public record ReceiptQuery(Optional<ReceiptStatus> status, Optional<Instant> createdFrom,
    Optional<Instant> createdBefore, Optional<String> rnm, Optional<Long> shiftNumber) {

  public ReceiptQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdFrom, "createdFrom");
    Objects.requireNonNull(createdBefore, "createdBefore");
    Objects.requireNonNull(rnm, "rnm");
    Objects.requireNonNull(shiftNumber, "shiftNumber");
    if (rnm.isPresent() != shiftNumber.isPresent()) {
      throw new IllegalArgumentException("A shift is named by both the register's RNM and its number");
    }
  }

  /** Every record. */
  public static ReceiptQuery all() {
    return new ReceiptQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Records in {@code status}. */
  public static ReceiptQuery byStatus(ReceiptStatus status) {
    return all().andStatus(status);
  }

  /** Records created in [{@code from}, {@code before}). */
  public static ReceiptQuery createdBetween(Instant from, Instant before) {
    return new ReceiptQuery(Optional.empty(), Optional.of(from), Optional.of(before), Optional.empty(),
        Optional.empty());
  }

  /** Fiscalized records whose check belongs to shift {@code shiftNumber} of register {@code rnm}. */
  public static ReceiptQuery byShift(String rnm, long shiftNumber) {
    return new ReceiptQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(rnm),
        Optional.of(shiftNumber));
  }

  /** This query narrowed to {@code status}. */
  public ReceiptQuery andStatus(ReceiptStatus status) {
    return new ReceiptQuery(Optional.of(status), createdFrom, createdBefore, rnm, shiftNumber);
  }

  /** Whether {@code record} matches. */
  public boolean matches(ReceiptRecord record) {
    if (status.isPresent() && record.status() != status.get()) {
      return false;
    }
    if (createdFrom.isPresent() && record.createdAt().isBefore(createdFrom.get())) {
      return false;
    }
    if (createdBefore.isPresent() && !record.createdAt().isBefore(createdBefore.get())) {
      return false;
    }
    if (rnm.isPresent()) {
      return record.result().isPresent() && record.result().get().rnm().equals(rnm.get())
          && record.result().get().shiftNumber() == shiftNumber.get();
    }
    return true;
  }
}
