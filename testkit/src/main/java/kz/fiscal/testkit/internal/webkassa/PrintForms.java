package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Ticket/PrintFormat}: a committed check laid out for a paper width, as lines of {@code Type} 0
 * (text, at most the paper's characters per line), 2 (the QR payload: the ticket URL). {@code PaperKind}
 * 0 is 80 mm (48 characters), 3 is 58 mm (32), 12 is A4 (80). Stateless.
 */
final class PrintForms {
  private static final Map<Integer, Integer> WIDTHS = Map.of(0, 48, 3, 32, 12, 80);
  private static final Map<Integer, String> OPERATIONS = Map.of(0, "ПОКУПКА", 1, "ВОЗВРАТ ПОКУПКИ", 2, "ПРОДАЖА",
      3, "ВОЗВРАТ ПРОДАЖИ");

  private PrintForms() {}

  /** The layout of {@code entry} for {@code paperKind}; code 9 for a paper kind the provider does not know. */
  static Map<String, Object> layout(Shift.Entry entry, Settings settings, int paperKind) {
    Integer width = WIDTHS.get(paperKind);
    if (width == null) {
      throw ProviderError.invalid("PaperKind", "must be 0, 3 or 12, was " + paperKind);
    }
    var check = entry.check();
    Settings.Register register = settings.cashboxes().stream()
        .filter(r -> r.uniqueNumber().equals(check.cashbox())).findFirst().orElseThrow();
    List<Object> lines = new ArrayList<>();
    wrap(settings.address(), width).forEach(text -> lines.add(text(text)));
    lines.add(text(spread("РНМ", register.rnm(), width)));
    lines.add(text(spread("ЗНМ", register.identityNumber(), width)));
    lines.add(text(spread("СМЕНА " + check.shiftNumber(), "ЧЕК " + check.orderNumber(), width)));
    lines.add(text(OPERATIONS.get(check.operationType())));
    for (Object position : (List<?>) check.request().json().get("Positions")) {
      Map<?, ?> p = (Map<?, ?>) position;
      wrap(String.valueOf(p.get("PositionName")), width).forEach(text -> lines.add(text(text)));
      BigDecimal count = new BigDecimal(String.valueOf(p.get("Count")));
      BigDecimal price = new BigDecimal(String.valueOf(p.get("Price")));
      lines.add(text(spread(count.stripTrailingZeros().toPlainString() + " x " + price.toPlainString(),
          count.multiply(price).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), width)));
    }
    lines.add(text(spread("ИТОГО", check.total().setScale(2).toPlainString(), width)));
    lines.add(text(spread("ФП", check.fiscalSign(), width)));
    lines.add(text(spread("ВРЕМЯ", Wire.local(check.dateTime()), width)));
    if (check.offline()) {
      lines.add(text("АВТОНОМНЫЙ РЕЖИМ"));
    }
    lines.add(Wire.object("Order", lines.size() + 1, "Type", 2, "Value", check.ticketUrl()));
    return Wire.object("Lines", lines);
  }

  private static Map<String, Object> text(String value) {
    return Wire.object("Type", 0, "Value", value);
  }

  /** {@code left} and {@code right} at the two edges of a line; cut when they do not fit together. */
  private static String spread(String left, String right, int width) {
    int gap = width - left.length() - right.length();
    if (gap < 1) {
      String line = left + " " + right;
      return line.substring(0, Math.min(width, line.length()));
    }
    return left + " ".repeat(gap) + right;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (int from = 0; from < text.length(); from += width) {
      lines.add(text.substring(from, Math.min(text.length(), from + width)));
    }
    return lines;
  }
}
