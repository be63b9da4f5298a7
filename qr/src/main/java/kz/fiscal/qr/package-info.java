/**
 * The buyer's side of a fiscal check: {@link kz.fiscal.qr.OfdRegistry} (the fiscal data operators and
 * their verification URL templates), {@link kz.fiscal.qr.VerificationUrl} (build and parse the URL a
 * QR code encodes), {@link kz.fiscal.qr.QrCode} (PNG and SVG images) and {@link kz.fiscal.qr.EReceipt}
 * (the e-check as HTML and as text for 58 mm and 80 mm printers). Everything is immutable and
 * thread-safe; nothing returns {@code null}.
 */
package kz.fiscal.qr;
