package kz.fiscal.qr.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a 1-bit grayscale PNG (IHDR bit depth 1, colour type 0) from packed scanlines, without
 * AWT or ImageIO. Stateless; not API.
 */
public final class Png {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Png() {}

  /**
   * The PNG of an image {@code width} × {@code height} whose {@code scanlines} hold, per row, the
   * filter byte 0 followed by {@code ceil(width / 8)} bytes of pixels, most significant bit first,
   * 1 white and 0 black.
   */
  public static byte[] grayscale1(int width, int height, byte[] scanlines) {
    if (scanlines.length != height * ((width + 7) / 8 + 1)) {
      throw new IllegalArgumentException("Scanlines of " + scanlines.length + " bytes do not fit " + width + "×" + height);
    }
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 1;  // bit depth
    header[9] = 0;  // colour type: grayscale; compression, filter and interlace methods stay 0
    ByteArrayOutputStream out = new ByteArrayOutputStream(scanlines.length / 8 + 128);
    out.writeBytes(SIGNATURE);
    chunk(out, "IHDR", header, header.length);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(scanlines);
      deflater.finish();
      byte[] compressed = new byte[scanlines.length + 64];
      int length = 0;
      while (!deflater.finished()) {
        if (length == compressed.length) {
          compressed = Arrays.copyOf(compressed, compressed.length * 2);
        }
        length += deflater.deflate(compressed, length, compressed.length - length);
      }
      chunk(out, "IDAT", compressed, length);
    } finally {
      deflater.end();
    }
    chunk(out, "IEND", new byte[0], 0);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
    byte[] lengthAndType = new byte[8];
    putInt(lengthAndType, 0, length);
    System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, lengthAndType, 4, 4);
    CRC32 crc = new CRC32();
    crc.update(lengthAndType, 4, 4);
    crc.update(data, 0, length);
    byte[] crcBytes = new byte[4];
    putInt(crcBytes, 0, (int) crc.getValue());
    out.write(lengthAndType, 0, 8);
    out.write(data, 0, length);
    out.write(crcBytes, 0, 4);
  }

  private static void putInt(byte[] target, int offset, int value) {
    target[offset] = (byte) (value >>> 24);
    target[offset + 1] = (byte) (value >>> 16);
    target[offset + 2] = (byte) (value >>> 8);
    target[offset + 3] = (byte) value;
  }
}
