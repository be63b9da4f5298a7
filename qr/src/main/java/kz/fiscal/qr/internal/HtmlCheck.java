package kz.fiscal.qr.internal;

import java.util.Base64;
import java.util.List;

/**
 * Renders e-check {@link Block}s as a self-contained HTML5 page: inline CSS, the QR code as a PNG data
 * URI, every text escaped. Stateless; not API.
 */
public final class HtmlCheck {
  private static final String STYLE = "body{margin:0;background:#f2f2f2;font:14px/1.4 'DejaVu Sans Mono',Menlo,"
      + "Consolas,monospace;color:#000}"
      + ".check{max-width:380px;margin:16px auto;padding:16px;background:#fff;box-shadow:0 1px 4px #0003}"
      + ".title{margin:2px 0;text-align:center;font-weight:bold}"
      + ".line{margin:6px 0 2px;overflow-wrap:anywhere}"
      + ".pair{display:flex;justify-content:space-between;gap:12px}"
      + ".pair .v{text-align:right;overflow-wrap:anywhere}"
      + ".strong{font-weight:bold;font-size:16px}"
      + "hr{border:0;border-top:1px dashed #000;margin:8px 0}"
      + ".qr{text-align:center;margin:12px 0 4px}.qr img{image-rendering:pixelated}"
      + ".url{text-align:center;font-size:11px;overflow-wrap:anywhere}";

  private HtmlCheck() {}

  /** The page titled {@code title}, with the QR image {@code qrPng} of {@code qrSize} px. */
  public static String render(String title, List<Block> blocks, byte[] qrPng, int qrSize) {
    StringBuilder html = new StringBuilder(4096 + blocks.size() * 120 + qrPng.length * 4 / 3);
    html.append("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(html, title).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main class=\"check\">\n");
    for (Block block : blocks) {
      if (block instanceof Block.Title t) {
        escape(html.append("<p class=\"title\">"), t.text()).append("</p>\n");
      } else if (block instanceof Block.Line l) {
        escape(html.append("<p class=\"line\">"), l.text()).append("</p>\n");
      } else if (block instanceof Block.Pair p) {
        html.append(p.strong() ? "<div class=\"pair strong\"><span class=\"l\">" : "<div class=\"pair\"><span class=\"l\">");
        escape(html, p.label()).append("</span><span class=\"v\">");
        escape(html, p.value()).append("</span></div>\n");
      } else if (block instanceof Block.Rule) {
        html.append("<hr>\n");
      } else if (block instanceof Block.Qr q) {
        html.append("<p class=\"qr\"><img src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(qrPng)).append("\" width=\"").append(qrSize)
            .append("\" height=\"").append(qrSize).append("\" alt=\"QR-код для проверки чека\"></p>\n<p class=\"url\"><a href=\"");
        escape(html, q.url()).append("\">");
        escape(html, q.url()).append("</a></p>\n");
      }
    }
    return html.append("</main>\n</body>\n</html>\n").toString();
  }

  /** Appends {@code text} with {@code & < > " '} escaped, safe in element content and quoted attributes. */
  static StringBuilder escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out;
  }
}
