package kz.fiscal.core;

/**
 * Which date's VAT rates a return carries. The revenue committee ruled for e-invoices that a return
 * carries the original sale's rate (a 2025 sale returned in 2026 at 12 %), and the same article of the
 * Tax Code governs the check; whether every provider accepts 12 % on a 2026 check is unconfirmed, so a
 * receipt may choose the rate in force on the return's own date instead. The receipt keeps its
 * policy, so the journal's record says which rule chose its rates.
 */
public enum ReturnVatPolicy {
  /** The rates in force on the original sale's date (the return basis): the default. */
  ORIGINAL_SALE,
  /** The rates in force on the date the return check is made. */
  RETURN_DATE
}
