package kz.fiscal.serial.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The commands of docs/serial-shtrih.md §3.0 the driver sends, with the facts the error classification needs: whether
 * a repeat is harmless, and whether the command writes a fiscal document (where a storage fault leaves
 * the outcome unknown, §4.5).
 */
public enum Command {
  SHORT_STATUS(0x10, true, false),
  FULL_STATUS(0x11, true, false),
  OPEN_SHIFT(0xE0, true, true),
  SALE(0x80, false, false),
  SALE_RETURN(0x82, false, false),
  SUBTOTAL(0x89, true, false),
  CLOSE_CHECK(0x85, false, true),
  CLOSE_CHECK_EXTENDED(0xFF45, false, true),
  CANCEL_CHECK(0x88, true, false),
  X_REPORT(0x40, true, false),
  Z_REPORT(0x41, false, true),
  CONTINUE_PRINT(0xB0, true, false),
  DEVICE_TYPE(0xFC, true, false),
  STORAGE_STATUS(0xFF01, true, false),
  FIND_DOCUMENT(0xFF0A, true, false),
  RETURN_BASIS(0xFFF0, true, false);

  private final int code;
  private final boolean idempotent;
  private final boolean fiscal;

  Command(int code, boolean idempotent, boolean fiscal) {
    this.code = code;
    this.idempotent = idempotent;
    this.fiscal = fiscal;
  }

  /** The code on the wire; {@code FFxx} as {@code 0xFFxx}. */
  public int code() {
    return code;
  }

  /** Whether sending it twice has the effect of sending it once (§3.0; E0 and 88 "in effect"). */
  public boolean idempotent() {
    return idempotent;
  }

  /** Whether it writes a fiscal document: 85, FF45, 41, E0 (§4.5 "UNKNOWN on 85/FF45/41/E0"). */
  public boolean fiscal() {
    return fiscal;
  }

  /** Whether the code is a two-byte {@code FFxx} code, whose error codes 01…3F are storage codes (§4.4). */
  public boolean twoByte() {
    return code > 0xFF;
  }

  /** The command with this wire code, if the driver knows it. */
  public static Optional<Command> of(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
  }
}
