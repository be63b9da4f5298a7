package kz.fiscal.serial.internal;

/**
 * The 16-bit device flags of 0x10 and 0x11 (docs/serial-shtrih.md §4.3), with the bits the driver reads. Immutable.
 *
 * @param bits the flags, 0…0xFFFF
 */
public record DeviceFlags(int bits) {
  public DeviceFlags {
    if (bits < 0 || bits > 0xFFFF) {
      throw new IllegalArgumentException("device flags are 16 bits, got " + bits);
    }
  }

  /** Bit 1: a receipt roll is present. */
  public boolean receiptRoll() {
    return bit(1);
  }

  /** Bit 4: amounts have two decimals; the driver refuses to work otherwise. */
  public boolean twoDecimals() {
    return bit(4);
  }

  /** Bit 7: the receipt paper sensor sees paper. */
  public boolean receiptPaper() {
    return bit(7);
  }

  /** Bit 9: the receipt head lever is down. */
  public boolean leverDown() {
    return bit(9);
  }

  /** Bit 10: the cover is open. */
  public boolean coverOpen() {
    return bit(10);
  }

  /** Bits 1 and 7: the paper the §4.5 paper-out wait looks for. */
  public boolean paperReady() {
    return receiptRoll() && receiptPaper();
  }

  private boolean bit(int n) {
    return (bits >> n & 1) == 1;
  }
}
