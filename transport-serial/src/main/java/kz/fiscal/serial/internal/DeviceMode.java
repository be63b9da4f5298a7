package kz.fiscal.serial.internal;

import java.util.Optional;

/**
 * The mode byte of 0x10/0x11 (docs/serial-shtrih.md §4.1): the mode and its status nibble. Immutable.
 *
 * @param mode the low nibble
 * @param status the high nibble, 0…15; in {@link Mode#DOCUMENT_OPEN} the kind of document
 */
public record DeviceMode(Mode mode, int status) {
  /** The open document's kind in {@link Mode#DOCUMENT_OPEN} (the status nibble, §4.1). */
  public enum Document { SALE, PURCHASE, SALE_RETURN, PURCHASE_RETURN, NON_FISCAL, OTHER }

  public DeviceMode {
    if (status < 0 || status > 15) {
      throw new IllegalArgumentException("the status is a nibble, got " + status);
    }
  }

  /** Reads a mode byte. */
  public static DeviceMode of(int modeByte) {
    return new DeviceMode(Mode.of(modeByte), (modeByte >> 4) & 0x0F);
  }

  /** The open document's kind; empty outside {@link Mode#DOCUMENT_OPEN}. */
  public Optional<Document> document() {
    if (mode != Mode.DOCUMENT_OPEN) {
      return Optional.empty();
    }
    return Optional.of(status < 5 ? Document.values()[status] : Document.OTHER);
  }

  /** Whether a sale ({@code 08}) or sale-return ({@code 28}) check is open: the only checks the driver makes. */
  public boolean checkOpen() {
    return document().filter(d -> d == Document.SALE || d == Document.SALE_RETURN).isPresent();
  }

  /** The byte as the device sends it. */
  public int toByte() {
    return status << 4 | mode.ordinal();
  }
}
