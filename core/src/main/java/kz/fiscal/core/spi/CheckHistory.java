package kz.fiscal.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import kz.fiscal.core.FiscalException;

/** Optional capability of a driver: the register's shifts and the checks of a shift, for reconciliation. */
public interface CheckHistory {

  /** The shifts opened since {@code since}, oldest first. */
  List<ShiftSummary> shifts(Instant since, Instant deadline) throws FiscalException;

  /** Streams the checks of shift {@code shiftNumber} to {@code sink}, in order, page by page. */
  void checks(long shiftNumber, Instant deadline, Consumer<CheckSummary> sink) throws FiscalException;
}
