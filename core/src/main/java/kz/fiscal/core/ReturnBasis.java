package kz.fiscal.core;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The original check a return refers to (protocol 2.0.3): its fiscal sign, date-time, the RNM of the
 * register that issued it, its total and whether it was made offline. {@link FiscalResult#toReturnBasis()}
 * makes one from a stored sale.
 *
 * @param fiscalSign fiscal sign of the original check (decimal digits)
 * @param dateTime when the original was issued
 * @param rnm registration number of the issuing register (12 digits)
 * @param total total of the original check
 * @param offline whether the original was made offline
 */
public record ReturnBasis(String fiscalSign, OffsetDateTime dateTime, String rnm, Tenge total, boolean offline) {
  public ReturnBasis {
    Objects.requireNonNull(fiscalSign, "fiscalSign");
    KzTime.requirePlausible(Objects.requireNonNull(dateTime, "dateTime"), "dateTime");
    Objects.requireNonNull(rnm, "rnm");
    Objects.requireNonNull(total, "total");
  }
}
