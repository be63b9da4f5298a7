/**
 * The receipt model of Kazakh fiscal checks: money ({@link kz.fiscal.core.Tenge}), quantities,
 * IIN/BIN ({@link kz.fiscal.core.Xin}), effective-dated VAT rates and the receipt itself.
 *
 * <p>Every type here is immutable and validates its arguments on construction; nothing returns
 * {@code null}.
 */
package kz.fiscal.core;
