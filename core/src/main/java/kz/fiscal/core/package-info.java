/**
 * The receipt model of Kazakh fiscal checks — money ({@link kz.fiscal.core.Tenge}), quantities,
 * IIN/BIN ({@link kz.fiscal.core.Xin}), effective-dated VAT rates and the receipt itself — and
 * {@link kz.fiscal.core.FiscalClient}, which turns a paid order into exactly one check.
 *
 * <p>Where a paid order becomes a check: {@code FiscalClient.fiscalize} validates, digests and begins
 * (or finds) the journal record, and the package-private {@code Fiscalization} drives that record from
 * claim to outcome, journaling every step before it acts.
 *
 * <p>Every type here is immutable and validates its arguments on construction; nothing returns
 * {@code null}.
 */
package kz.fiscal.core;
