package kz.fiscal.qr;

import java.util.Objects;

/**
 * How {@link QrCode} draws a code: the image's side in pixels, the quiet zone in modules and the
 * error-correction level. Immutable; start from {@link #DEFAULT} and derive with the {@code with…}
 * methods.
 *
 * <p>The side is exact: modules are scaled by the largest whole factor that fits the code and its
 * quiet zone into {@code size} pixels, and the pixels left over widen the white margin evenly, so
 * edges stay sharp and a scanner sees square modules.
 *
 * @param size the side of the image in pixels, 1 to 4096 (for SVG: its width and height)
 * @param quietZone the white border in modules, 0 to 16; scanners expect 4
 * @param errorCorrection how much of the code may be damaged and still read
 */
public record QrOptions(int size, int quietZone, ErrorCorrection errorCorrection) {

  /** 256 px, a quiet zone of 4 modules, error correction M. */
  public static final QrOptions DEFAULT = new QrOptions(256, 4, ErrorCorrection.M);

  /** The largest side accepted, which bounds the memory an image takes. */
  public static final int MAX_SIZE = 4096;

  /** @throws IllegalArgumentException if the size or quiet zone is out of range */
  public QrOptions {
    Objects.requireNonNull(errorCorrection, "errorCorrection");
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("QR size must be 1 to " + MAX_SIZE + " px, was " + size);
    }
    if (quietZone < 0 || quietZone > 16) {
      throw new IllegalArgumentException("QR quiet zone must be 0 to 16 modules, was " + quietZone);
    }
  }

  /** The default options with side {@code size}. */
  public static QrOptions ofSize(int size) {
    return DEFAULT.withSize(size);
  }

  public QrOptions withSize(int size) {
    return new QrOptions(size, quietZone, errorCorrection);
  }

  public QrOptions withQuietZone(int quietZone) {
    return new QrOptions(size, quietZone, errorCorrection);
  }

  public QrOptions withErrorCorrection(ErrorCorrection errorCorrection) {
    return new QrOptions(size, quietZone, errorCorrection);
  }

  /** The QR error-correction levels: the share of codewords that may be lost. */
  public enum ErrorCorrection {
    /** About 7 %. */
    L,
    /** About 15 %, the default: a printed check's QR survives creases. */
    M,
    /** About 25 %. */
    Q,
    /** About 30 %. */
    H
  }
}
