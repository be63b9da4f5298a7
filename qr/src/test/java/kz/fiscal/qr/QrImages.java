package kz.fiscal.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads images back the way a scanner does, with ZXing's reader and the JDK's PNG decoder. */
final class QrImages {
  private QrImages() {}

  /** The PNG decoded by ImageIO; fails the test if it is not a PNG. */
  static BufferedImage read(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new AssertionError("Not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the QR code in {@code image}, found as in a photo. */
  static String decode(BufferedImage image) {
    return decode(image, DecodeHintType.TRY_HARDER);
  }

  /** The text of the QR code that {@code image} holds and nothing else, read module by module. */
  static String decodePure(BufferedImage image) {
    return decode(image, DecodeHintType.PURE_BARCODE);
  }

  private static String decode(BufferedImage image, DecodeHintType mode) {
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return new MultiFormatReader().decode(bitmap, Map.of(
          DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), mode, Boolean.TRUE)).getText();
    } catch (NotFoundException e) {
      throw new AssertionError("No QR code found in a " + image.getWidth() + "×" + image.getHeight() + " image", e);
    }
  }

  /** Whether the pixel at ({@code x}, {@code y}) is black. */
  static boolean black(BufferedImage image, int x, int y) {
    return (image.getRGB(x, y) & 0xffffff) == 0;
  }
}
