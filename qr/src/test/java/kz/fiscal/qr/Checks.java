package kz.fiscal.qr;

import java.time.OffsetDateTime;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Tenge;

/** Fiscal results the tests share: check 17 of shift 3, fiscal sign 2644393108, 2 508.00 tenge. */
final class Checks {
  static final OffsetDateTime TIME = OffsetDateTime.of(2026, 3, 2, 14, 30, 5, 0, KzTime.OFFSET);

  private Checks() {}

  /** The operator of the default registry with Webkassa code {@code code}. */
  static Ofd ofd(int code) {
    return OfdRegistry.defaults().byCode(code).orElseThrow().ofd();
  }

  /** A result from the operator with {@code code}, without a provider URL. */
  static FiscalResult.Builder result(int code) {
    return result(ofd(code));
  }

  static FiscalResult.Builder result(Ofd ofd) {
    return FiscalResult.builder()
        .fiscalSign("2644393108")
        .checkNumber(17)
        .shiftNumber(3)
        .rnm("010101012345")
        .registerSerial("SWK00032685")
        .dateTime(TIME)
        .total(Tenge.of("2508.00"))
        .ofd(ofd);
  }
}
