package kz.fiscal.qr.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The modules of a QR code as ZXing's encoder lays them out; the only class that touches ZXing.
 * Immutable after construction; not API.
 */
public final class QrMatrix {
  private final byte[][] modules;

  private QrMatrix(byte[][] modules) {
    this.modules = modules;
  }

  /**
   * Encodes {@code text} at error-correction level {@code level} ({@code L}, {@code M}, {@code Q} or
   * {@code H}). ASCII text is encoded as is; other text as UTF-8 with its ECI marker, so scanners read
   * back exactly {@code text}.
   *
   * @throws IllegalArgumentException if the text is empty or does not fit the largest QR code
   */
  public static QrMatrix encode(String text, String level) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("QR text must not be empty");
    }
    Map<EncodeHintType, Object> hints = ascii(text)
        ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    try {
      return new QrMatrix(Encoder.encode(text, ErrorCorrectionLevel.valueOf(level), hints).getMatrix().getArray());
    } catch (WriterException e) {
      throw new IllegalArgumentException("QR text of " + text.length() + " characters does not fit a QR code at level "
          + level + ": " + e.getMessage(), e);
    }
  }

  /** The number of modules on a side, without quiet zone. */
  public int size() {
    return modules.length;
  }

  /** Whether the module in column {@code x}, row {@code y} is dark. */
  public boolean dark(int x, int y) {
    return modules[y][x] == 1;
  }

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
