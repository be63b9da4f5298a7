package kz.fiscal.core;

import java.util.Objects;

/**
 * A VAT registration certificate. Whether a 2026 check must show it is unconfirmed
 * (kz-fiscal-rules §4), so a VAT payer may omit it.
 *
 * @param series certificate series
 * @param number certificate number
 */
public record VatCertificate(String series, String number) {
  public VatCertificate {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(number, "number");
  }
}
