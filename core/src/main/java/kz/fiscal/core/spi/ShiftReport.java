package kz.fiscal.core.spi;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.Operation;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Tenge;

/**
 * A shift's totals as an X-report (shift open) or Z-report (shift closed) gives them.
 *
 * @param shiftNumber the shift
 * @param openedAt when the shift opened, when known
 * @param reportedAt when the report was made
 * @param closedAt when the shift closed (Z-report only)
 * @param documentCount documents issued in the shift
 * @param operations totals per operation
 * @param cashInDrawer cash in the register
 * @param offline whether the register was offline when reporting
 */
public record ShiftReport(long shiftNumber, Optional<OffsetDateTime> openedAt, OffsetDateTime reportedAt,
    Optional<OffsetDateTime> closedAt, long documentCount, Map<Operation, OperationTotals> operations,
    Tenge cashInDrawer, boolean offline) {

  public ShiftReport {
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    operations = Map.copyOf(operations);
    Objects.requireNonNull(cashInDrawer, "cashInDrawer");
  }

  /** Whether this is a Z-report, which closed the shift. */
  public boolean closed() {
    return closedAt.isPresent();
  }

  /**
   * One operation's totals in a shift.
   *
   * @param count number of checks
   * @param payments amounts by payment type
   * @param discount discounts given
   * @param markup markups charged
   * @param vat VAT included
   */
  public record OperationTotals(long count, Map<PaymentType, Tenge> payments, Tenge discount, Tenge markup, Tenge vat) {
    public OperationTotals {
      payments = Map.copyOf(payments);
      Objects.requireNonNull(discount, "discount");
      Objects.requireNonNull(markup, "markup");
      Objects.requireNonNull(vat, "vat");
    }

    /** The sum of all payments. */
    public Tenge total() {
      Tenge total = Tenge.ZERO;
      for (Tenge amount : payments.values()) {
        total = total.plus(amount);
      }
      return total;
    }
  }
}
