package kz.fiscal.qr.internal;

/**
 * One element of an e-check's layout, which the HTML and the text renderers draw each in their way.
 * Texts are already cleaned of control characters; renderers escape or wrap them. Not API.
 */
public sealed interface Block {

  /** A centred, emphasised line: the seller's name, «ФИСКАЛЬНЫЙ ЧЕК», the operation, the offline mark. */
  record Title(String text) implements Block {}

  /** A paragraph on the left, wrapped: the address, an item's name. */
  record Line(String text) implements Block {}

  /** A label on the left and its value on the right; {@code strong} for the total. */
  record Pair(String label, String value, boolean strong) implements Block {}

  /** A separator between sections. */
  record Rule() implements Block {}

  /** The QR code of the verification URL {@code url}; text renderings print the URL instead. */
  record Qr(String url) implements Block {}
}
