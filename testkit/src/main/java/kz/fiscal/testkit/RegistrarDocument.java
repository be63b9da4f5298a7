package kz.fiscal.testkit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fiscal document in the {@link VirtualRegistrar}'s fiscal memory (docs/serial-shtrih.md §7.1): a registration
 * report, a shift-open or shift-close report, or a check with its lines, payments and fiscal sign.
 * Immutable.
 *
 * @param fd the fiscal document number
 * @param dateTime the registrar's clock at commit, Kazakh local time, truncated to the minute
 * @param fiscalSign FS64 of docs/serial-shtrih.md §7.3, an unsigned value held in a long
 * @param fs32 the 4-byte sign: FS64 when it is at most {@code FFFFFFFE}, else {@code FFFFFFFF}
 * @param operation 1 sale, 2 sale return; 0 for reports
 * @param totalTiyn the amount payable (check total − rounding); 0 for reports
 * @param lines a check's lines, in order; empty for reports
 * @param paymentsTiyn a check's payment slots (slot 1 first, 4 for 0x85, 16 for FF45); empty for reports
 * @param vatByGroup VAT per tax group (1…4) the registrar computed per line (§2.1); groups without VAT absent
 * @param taxSystem the FF45 tax-system bit; 0 for 0x85 and reports
 * @param shift the shift the document belongs to (0 for the registration report)
 * @param receiptNoInShift a check's number in its shift; 0 for reports
 * @param operator who made it (1…30); 0 for the registration report
 * @param offline made while the OFD was unreachable (the sign is the register's own)
 */
public record RegistrarDocument(long fd, Type type, LocalDateTime dateTime, long fiscalSign, long fs32,
    int operation, long totalTiyn, List<Line> lines, List<Long> paymentsTiyn, long changeTiyn, int roundingTiyn,
    Map<Integer, Long> vatByGroup, int taxSystem, int shift, int receiptNoInShift, int operator,
    Optional<ReturnBasis> returnBasis, boolean offline) {
  /** Fiscal document types as FF0A numbers them. */
  public enum Type {
    REGISTRATION(1), SHIFT_OPEN(2), CHECK(3), SHIFT_CLOSE(5);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** The FF0A document type byte. */
    public int code() {
      return code;
    }
  }

  /**
   * One registered line as the registrar stored it.
   *
   * @param text the item name as received, CP1251 decoded, at most 40 bytes
   * @param sumTiyn {@code (qty × price + 500) / 1000}
   */
  public record Line(long quantityThousandths, long priceTiyn, int department, int taxGroup, String text,
      long sumTiyn) {
    public Line {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The original check a return refers to, as FFF0 delivered it.
   *
   * @param fiscalSign FS64 of the original
   */
  public record ReturnBasis(long fiscalSign, LocalDateTime dateTime, String rnm, long totalTiyn, boolean offline) {
    public ReturnBasis {
      Objects.requireNonNull(dateTime, "dateTime");
      Objects.requireNonNull(rnm, "rnm");
    }
  }

  public RegistrarDocument {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dateTime, "dateTime");
    lines = List.copyOf(lines);
    paymentsTiyn = List.copyOf(paymentsTiyn);
    vatByGroup = Map.copyOf(vatByGroup);
    Objects.requireNonNull(returnBasis, "returnBasis");
  }

  /** Whether the OFD acknowledged it: FF0A's "OFD receipt" byte. */
  public boolean ofdTicket() {
    return !offline;
  }
}
