package kz.fiscal.qr;

import java.util.Arrays;
import java.util.Objects;
import kz.fiscal.qr.internal.Png;
import kz.fiscal.qr.internal.QrMatrix;

/**
 * Draws a QR code whose payload is exactly the given text (normally a {@link VerificationUrl}) as a
 * PNG or an SVG image. Stateless and thread-safe.
 *
 * <p>The PNG is 1-bit grayscale, {@link QrOptions#size()} pixels square, modules scaled by a whole
 * factor and centred (see {@link QrOptions}). The SVG draws the dark modules as one {@code <path>}
 * over a white background, in module units ({@code viewBox}) scaled to the same size.
 */
public final class QrCode {

  private QrCode() {}

  /** The PNG of {@code text} with {@link QrOptions#DEFAULT}: 256 px, quiet zone 4, level M. */
  public static byte[] png(String text) {
    return png(text, QrOptions.DEFAULT);
  }

  /**
   * The PNG of {@code text}.
   *
   * @throws IllegalArgumentException if the text is empty, does not fit a QR code, or the code with its
   *     quiet zone has more modules than {@code options.size()} has pixels
   */
  public static byte[] png(String text, QrOptions options) {
    QrMatrix matrix = encode(text, options);
    int side = options.size();
    int modules = matrix.size() + 2 * options.quietZone();
    int scale = scale(modules, options);
    int margin = (side - scale * modules) / 2 + options.quietZone() * scale;
    int rowBytes = (side + 7) / 8;
    int stride = rowBytes + 1;
    byte[] lines = new byte[stride * side];
    Arrays.fill(lines, (byte) 0xff);
    for (int y = 0; y < side; y++) {
      lines[y * stride] = 0;  // filter type None
    }
    byte[] row = new byte[stride];
    for (int my = 0; my < matrix.size(); my++) {
      Arrays.fill(row, (byte) 0xff);
      row[0] = 0;
      for (int mx = 0; mx < matrix.size(); mx++) {
        if (matrix.dark(mx, my)) {
          blacken(row, margin + mx * scale, scale);
        }
      }
      int top = margin + my * scale;
      for (int repeat = 0; repeat < scale; repeat++) {
        System.arraycopy(row, 0, lines, (top + repeat) * stride, stride);
      }
    }
    return Png.grayscale1(side, side, lines);
  }

  /** The SVG of {@code text} with {@link QrOptions#DEFAULT}. */
  public static String svg(String text) {
    return svg(text, QrOptions.DEFAULT);
  }

  /**
   * The SVG of {@code text}: a standalone, well-formed XML document without XML declaration, so it can
   * also be inlined in HTML. Each run of dark modules in a row is one rectangle of the single path.
   *
   * @throws IllegalArgumentException if the text is empty or does not fit a QR code
   */
  public static String svg(String text, QrOptions options) {
    QrMatrix matrix = encode(text, options);
    int quiet = options.quietZone();
    int modules = matrix.size() + 2 * quiet;
    StringBuilder svg = new StringBuilder(matrix.size() * matrix.size() * 3);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(options.size())
        .append("\" height=\"").append(options.size()).append("\" viewBox=\"0 0 ").append(modules).append(' ')
        .append(modules).append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(modules)
        .append("\" height=\"").append(modules).append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    for (int y = 0; y < matrix.size(); y++) {
      int x = 0;
      while (x < matrix.size()) {
        if (!matrix.dark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < matrix.size() && matrix.dark(x, y)) {
          x++;
        }
        svg.append('M').append(start + quiet).append(' ').append(y + quiet)
            .append('h').append(x - start).append("v1h-").append(x - start).append('z');
      }
    }
    return svg.append("\"/></svg>").toString();
  }

  private static QrMatrix encode(String text, QrOptions options) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    return QrMatrix.encode(text, options.errorCorrection().name());
  }

  private static int scale(int modules, QrOptions options) {
    int scale = options.size() / modules;
    if (scale < 1) {
      throw new IllegalArgumentException("QR code of " + modules + " modules (quiet zone included) needs at least "
          + modules + " px, size was " + options.size());
    }
    return scale;
  }

  /** Clears {@code count} pixel bits from pixel {@code x} of a scanline whose byte 0 is the filter type. */
  private static void blacken(byte[] row, int x, int count) {
    int end = x + count;
    int pixel = x;
    while (pixel < end && (pixel & 7) != 0) {
      row[1 + (pixel >> 3)] &= (byte) ~(0x80 >>> (pixel & 7));
      pixel++;
    }
    while (pixel + 8 <= end) {
      row[1 + (pixel >> 3)] = 0;
      pixel += 8;
    }
    while (pixel < end) {
      row[1 + (pixel >> 3)] &= (byte) ~(0x80 >>> (pixel & 7));
      pixel++;
    }
  }
}
