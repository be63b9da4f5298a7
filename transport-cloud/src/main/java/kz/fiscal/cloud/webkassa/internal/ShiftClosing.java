package kz.fiscal.cloud.webkassa.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.cloud.webkassa.internal.ProviderSession.Reply;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.core.spi.CheckHistory.ShiftSummary;

/**
 * The Z-report, whose lost answer is resolved through the shift history: Webkassa offers no lookup of a
 * Z-report, but {@code ShiftHistory} shows a shift's {@code CloseDate}. The shift open before the
 * request is noted first; when the answer is lost, a {@code CloseDate} on that shift proves the
 * Z-report was made (its totals are then read from an X-report and the shift's check count; the
 * per-operation totals went with the answer), and none proves it was not. The caller holds the register.
 */
public final class ShiftClosing {
  public static final String Z_REPORT = "/api/v4/ZReport";
  public static final String X_REPORT = "/api/v4/XReport";

  private ShiftClosing() {}

  /**
   * Closes the open shift.
   *
   * @throws DeliveryFailedException if the answer was lost and the shift history shows the shift still open
   * @throws OutcomeUnknownException if the answer was lost and the history could not tell
   */
  public static ShiftReport close(ProviderSession session, ProviderHistory history, String cashbox, Instant now,
      Instant deadline) throws FiscalException {
    Optional<ShiftSummary> open = openShift(history, now, deadline);
    Reply<Wire.Report> reply;
    try {
      reply = session.call(Z_REPORT, token -> new Wire.CashboxRequest(token, cashbox), Wire.Report.class, deadline);
    } catch (OutcomeUnknownException lost) {
      if (open.isEmpty()) {
        throw lost;
      }
      return resolve(session, history, cashbox, open.get(), lost, deadline);
    }
    if (reply.failed()) {
      throw ProviderErrors.toException(reply.code(), reply.error().text(), Z_REPORT);
    }
    return CheckMapping.report(reply.data(), Z_REPORT);
  }

  /** The newest shift without a close date, if any. */
  private static Optional<ShiftSummary> openShift(ProviderHistory history, Instant now, Instant deadline)
      throws FiscalException {
    List<ShiftSummary> shifts = history.shifts(now, deadline);
    for (int i = shifts.size() - 1; i >= 0; i--) {
      if (shifts.get(i).closedAt().isEmpty()) {
        return Optional.of(shifts.get(i));
      }
    }
    return Optional.empty();
  }

  private static ShiftReport resolve(ProviderSession session, ProviderHistory history, String cashbox,
      ShiftSummary open, OutcomeUnknownException lost, Instant deadline) throws FiscalException {
    ShiftSummary now;
    try {
      now = history.shifts(open.openedAt().toInstant(), deadline).stream()
          .filter(s -> s.number() == open.number()).findFirst()
          .orElseThrow(() -> new OutcomeUnknownException("Webkassa's shift history no longer lists shift "
              + open.number(), null));
    } catch (FiscalException e) {
      lost.addSuppressed(e);
      throw lost;
    }
    if (now.closedAt().isEmpty()) {
      throw new DeliveryFailedException("The Z-report's answer was lost and shift " + open.number()
          + " is still open in Webkassa's shift history: it was not closed", lost);
    }
    Reply<Wire.Report> x = session.call(X_REPORT, token -> new Wire.CashboxRequest(token, cashbox), Wire.Report.class,
        deadline);
    if (x.failed()) {
      throw new OutcomeUnknownException("Shift " + open.number() + " was closed (Webkassa's shift history shows "
          + now.closedAt().get() + ") but its Z-report's answer was lost and an X-report for the cash failed: "
          + x.error().code(), lost);
    }
    long documents = countChecks(history, open.number(), deadline);
    Tenge cash = CheckMapping.report(x.data(), X_REPORT).cashInDrawer();
    return new ShiftReport(open.number(), Optional.of(open.openedAt()), now.closedAt().get(), now.closedAt(), documents,
        Map.of(), cash, false);
  }

  private static long countChecks(ProviderHistory history, long shift, Instant deadline) throws FiscalException {
    long count = 0;
    for (int skip = 0; ; skip += ProviderHistory.PAGE) {
      Wire.CheckPage page = history.checks(shift, skip, deadline);
      int size = page.items() == null ? 0 : page.items().size();
      count += size;
      if (ProviderHistory.lastPage(size, skip, page.total())) {
        return count;
      }
    }
  }
}
