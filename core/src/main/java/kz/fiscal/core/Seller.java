package kz.fiscal.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The taxpayer whose cash register issues the check: name, IIN/BIN and the address where the register
 * is used (mandatory requisites 1-3), VAT status and taxation regime.
 *
 * @param name taxpayer name
 * @param xin taxpayer IIN/BIN
 * @param address address where the cash register is used
 * @param vatPayer whether the seller is registered for VAT; a non-payer may only sell with {@link VatRate#NO_VAT}
 * @param vatCertificate the VAT certificate, only for a VAT payer, optional
 * @param taxRegime the taxation regime
 */
public record Seller(String name, Xin xin, String address, boolean vatPayer,
    Optional<VatCertificate> vatCertificate, TaxRegime taxRegime) {

  /** @throws IllegalArgumentException if a seller who is not a VAT payer has a VAT certificate */
  public Seller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(xin, "xin");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(vatCertificate, "vatCertificate");
    Objects.requireNonNull(taxRegime, "taxRegime");
    if (!vatPayer && vatCertificate.isPresent()) {
      throw new IllegalArgumentException("A seller who is not a VAT payer has no VAT certificate");
    }
  }

  /** A VAT payer on the general regime, without a certificate on the check. */
  public static Seller vatPayer(String name, Xin xin, String address) {
    return new Seller(name, xin, address, true, Optional.empty(), TaxRegime.GENERAL);
  }

  /** A VAT payer on the general regime with its certificate. */
  public static Seller vatPayer(String name, Xin xin, String address, VatCertificate certificate) {
    return new Seller(name, xin, address, true, Optional.of(certificate), TaxRegime.GENERAL);
  }

  /** A seller who is not a VAT payer, on the given regime. */
  public static Seller nonVatPayer(String name, Xin xin, String address, TaxRegime taxRegime) {
    return new Seller(name, xin, address, false, Optional.empty(), taxRegime);
  }

  /**
   * A VAT registration certificate. Whether a 2026 check must show it is unconfirmed
   * (docs/kz-fiscal-rules.md §4), so a VAT payer may omit it.
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

  /** The seller's taxation regime, which the serial protocol carries as a tax-system bit. */
  public enum TaxRegime {
    GENERAL, SIMPLIFIED, FARM, PATENT
  }
}
