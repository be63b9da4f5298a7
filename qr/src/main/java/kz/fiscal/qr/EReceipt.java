package kz.fiscal.qr;

import java.util.List;
import java.util.Objects;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Receipt;
import kz.fiscal.qr.internal.Block;
import kz.fiscal.qr.internal.CheckLayout;
import kz.fiscal.qr.internal.HtmlCheck;
import kz.fiscal.qr.internal.TextCheck;

/**
 * The buyer's electronic check: a self-contained HTML page or plain text for a 58 mm (32 characters)
 * or 80 mm (48 characters) receipt printer, showing every requisite of docs/kz-fiscal-rules.md §6.
 *
 * <p>Shown: seller name, address, BIN/IIN and VAT certificate if any; «ФИСКАЛЬНЫЙ ЧЕК» and «ФИСКАЛДЫҚ
 * ЧЕК»; the operation (ПРОДАЖА, ВОЗВРАТ ПРОДАЖИ, ПОКУПКА, ВОЗВРАТ ПОКУПКИ); «АВТОНОМНЫЙ РЕЖИМ» only
 * when the check was made offline; ZNM («не сообщён» when the result lacks it), RNM, check and shift
 * number, date-time at +05:00; per item its name, quantity, unit, price, sum, discount or markup, VAT
 * (VAT payers), NKT code, marking codes and principal; check-level discounts and markups, the total,
 * payments, change, VAT per rate («в т.ч. НДС 16%») or «Без НДС»; a return's basis; the OFD's name and
 * verification site, the fiscal sign and the QR code of the {@link VerificationUrl}. A text rendering
 * cannot show an image: it prints the URL the QR code encodes. The buyer's e-mail and phone are
 * masked ({@code b***@example.kz}, {@code +*******4567}) and an IIN too, being personal data; a BIN is
 * shown in full. Amounts and the total are the receipt's ({@link Receipt#total()} and its siblings).
 *
 * <p>User text is HTML-escaped; control characters become spaces. Stateless and thread-safe.
 */
public final class EReceipt {

  /** Characters per line of a 58 mm printer. */
  public static final int WIDTH_58MM = 32;
  /** Characters per line of an 80 mm printer. */
  public static final int WIDTH_80MM = 48;
  /** The narrowest text rendering accepted. */
  public static final int MIN_WIDTH = 24;

  private static final int HTML_QR_SIZE = 192;

  private EReceipt() {}

  /** As {@link #html(Receipt, FiscalResult, OfdRegistry)} with {@link OfdRegistry#defaults()}. */
  public static String html(Receipt receipt, FiscalResult result) {
    return html(receipt, result, OfdRegistry.defaults());
  }

  /**
   * The e-check as an HTML5 page in UTF-8 with inline CSS and the QR code inline as a PNG data URI.
   *
   * @throws IllegalStateException if the result has no fiscal sign, or the receipt's amounts are broken
   * @throws IllegalArgumentException if {@code registry} does not know the result's operator
   */
  public static String html(Receipt receipt, FiscalResult result, OfdRegistry registry) {
    VerificationUrl url = VerificationUrl.of(result, registry);
    List<Block> blocks = CheckLayout.blocks(Objects.requireNonNull(receipt, "receipt"), result, url);
    byte[] qr = QrCode.png(url.text(), QrOptions.ofSize(HTML_QR_SIZE));
    return HtmlCheck.render("Фискальный чек №" + result.checkNumber(), blocks, qr, HTML_QR_SIZE);
  }

  /** As {@link #text(Receipt, FiscalResult, OfdRegistry, int)} with {@link OfdRegistry#defaults()}. */
  public static String text(Receipt receipt, FiscalResult result, int width) {
    return text(receipt, result, OfdRegistry.defaults(), width);
  }

  /**
   * The e-check as lines of at most {@code width} characters (Unicode code points), each ended by
   * {@code \n}: {@link #WIDTH_58MM} or {@link #WIDTH_80MM}, or any width from {@link #MIN_WIDTH}.
   *
   * @throws IllegalArgumentException if {@code width} is below {@link #MIN_WIDTH}, or {@code registry}
   *     does not know the result's operator
   * @throws IllegalStateException if the result has no fiscal sign, or the receipt's amounts are broken
   */
  public static String text(Receipt receipt, FiscalResult result, OfdRegistry registry, int width) {
    if (width < MIN_WIDTH) {
      throw new IllegalArgumentException("Text width must be at least " + MIN_WIDTH + " characters, was " + width);
    }
    VerificationUrl url = VerificationUrl.of(result, registry);
    return TextCheck.render(CheckLayout.blocks(Objects.requireNonNull(receipt, "receipt"), result, url), width);
  }
}
