package kz.fiscal.serial.internal;

import java.util.Optional;

/**
 * The KZ tail [EXT] appended to FF45 and FF0A answers (docs/serial-shtrih.md §3.12): the full fiscal sign and whether
 * the document was made offline. Immutable.
 *
 * @param fiscalSign FS64, an unsigned 64-bit value held in a long
 * @param offline flag bit 0: the register made the sign itself, without the OFD
 */
public record KzTail(long fiscalSign, boolean offline) {
  /** The tail's size: marker, version, FS64, flags. */
  static final int SIZE = 11;
  private static final int MARKER = 0x4B;
  private static final int VERSION = 0x01;

  /**
   * The tail at the reader's position, if the marker and version match and all 11 bytes are there; a
   * tail of another version is ignored (the driver falls back to FS32).
   */
  static Optional<KzTail> read(DataReader in) {
    if (in.remaining() < SIZE) {
      return Optional.empty();
    }
    byte[] tail = in.bytes(SIZE);
    if ((tail[0] & 0xFF) != MARKER || (tail[1] & 0xFF) != VERSION) {
      return Optional.empty();
    }
    long sign = 0;
    for (int i = 0; i < 8; i++) {
      sign |= (tail[2 + i] & 0xFFL) << (8 * i);
    }
    return Optional.of(new KzTail(sign, (tail[10] & 1) == 1));
  }

  /** The fiscal sign as the decimal string the driver stores (§6.1). */
  public String fiscalSignText() {
    return Long.toUnsignedString(fiscalSign);
  }
}
