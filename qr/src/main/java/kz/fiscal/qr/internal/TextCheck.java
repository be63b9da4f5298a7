package kz.fiscal.qr.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders e-check {@link Block}s as plain text for a receipt printer of {@code width} characters: no
 * line is longer, measured in Unicode code points; words wrap and longer words (codes, URLs) break.
 * Stateless; not API.
 */
public final class TextCheck {

  private TextCheck() {}

  /** The check as lines of at most {@code width} code points, each ended by a line feed. */
  public static String render(List<Block> blocks, int width) {
    StringBuilder text = new StringBuilder(blocks.size() * (width + 1) * 2);
    for (Block block : blocks) {
      if (block instanceof Block.Title t) {
        for (String line : wrap(t.text(), width)) {
          text.append(" ".repeat((width - length(line)) / 2)).append(line).append('\n');
        }
      } else if (block instanceof Block.Line l) {
        appendLines(text, wrap(l.text(), width));
      } else if (block instanceof Block.Pair p) {
        pair(text, p.label(), p.value(), width);
      } else if (block instanceof Block.Rule) {
        text.append("-".repeat(width)).append('\n');
      } else if (block instanceof Block.Qr q) {
        appendLines(text, wrap("QR-код на чеке содержит ссылку для проверки:", width));
        appendLines(text, wrap(q.url(), width));
      }
    }
    return text.toString();
  }

  private static void pair(StringBuilder text, String label, String value, int width) {
    int room = width - length(label) - length(value);
    if (room >= 1) {
      text.append(label).append(" ".repeat(room)).append(value).append('\n');
      return;
    }
    appendLines(text, wrap(label, width));
    for (String line : wrap(value, width)) {
      text.append(" ".repeat(width - length(line))).append(line).append('\n');
    }
  }

  private static void appendLines(StringBuilder text, List<String> lines) {
    for (String line : lines) {
      text.append(line).append('\n');
    }
  }

  /** {@code text} in lines of at most {@code width} code points: greedy by words, long words broken. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>(2);
    StringBuilder line = new StringBuilder(width * 2);
    int lineLength = 0;
    for (String word : text.strip().split(" +")) {
      int wordLength = length(word);
      if (lineLength > 0 && lineLength + 1 + wordLength <= width) {
        line.append(' ').append(word);
        lineLength += 1 + wordLength;
        continue;
      }
      if (lineLength > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      while (wordLength > width) {
        int cut = word.offsetByCodePoints(0, width);
        lines.add(word.substring(0, cut));
        word = word.substring(cut);
        wordLength -= width;
      }
      line.append(word);
      lineLength = wordLength;
    }
    if (lineLength > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
