package kz.fiscal.testkit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the {@link VirtualRegistrar}'s fiscal state (docs/serial-shtrih.md §7.1) at one moment. Immutable.
 *
 * @param modeByte the mode byte 0x10 reports: {@code 02}, {@code 03}, {@code 04}, {@code 08} or {@code 28}
 * @param submode the submode 0x10 reports (§4.2)
 * @param paperPresent whether the device flags show paper ({@code 0292}) or not ({@code 0210})
 * @param shiftNumber the current (or last) shift; 0 before the first
 * @param lastClosedShift the last shift a Z report closed
 * @param shiftOpenedAt when the open shift began; empty when no shift is open
 * @param fdLast the last fiscal document number
 * @param docRunning the running number of printed documents, 0…9999
 * @param receiptNoInShift checks closed in the current shift
 * @param check the open check, if any
 */
public record RegistrarState(int modeByte, int submode, boolean paperPresent, int shiftNumber, int lastClosedShift,
    Optional<OffsetDateTime> shiftOpenedAt, long fdLast, int docRunning, int receiptNoInShift,
    Optional<OpenCheck> check) {
  /**
   * The check being registered.
   *
   * @param saleReturn whether it is a sale return (mode {@code 28}) rather than a sale ({@code 08})
   * @param owner the operator who opened it
   * @param subtotalTiyn the sum of its line sums
   */
  public record OpenCheck(boolean saleReturn, int owner, List<RegistrarDocument.Line> lines, long subtotalTiyn,
      Optional<RegistrarDocument.ReturnBasis> returnBasis) {
    public OpenCheck {
      lines = List.copyOf(lines);
      Objects.requireNonNull(returnBasis, "returnBasis");
    }
  }

  public RegistrarState {
    Objects.requireNonNull(shiftOpenedAt, "shiftOpenedAt");
    Objects.requireNonNull(check, "check");
  }
}
