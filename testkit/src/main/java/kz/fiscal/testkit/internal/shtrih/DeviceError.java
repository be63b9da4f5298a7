package kz.fiscal.testkit.internal.shtrih;

/**
 * A check of docs/serial-shtrih.md §7.2 that failed: the command has no effect and is answered {@code CMD code}. Thrown
 * by the command handlers and caught by {@link FiscalCommands}; carries no stack trace.
 */
final class DeviceError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int STORAGE_NO_DATA = 0x08;
  static final int SHIFT_ALREADY_OPEN = 0x15;
  static final int BAD_PARAMETERS = 0x33;
  static final int NOT_SUPPORTED = 0x37;
  static final int TOTAL_OVERFLOW = 0x48;
  static final int OTHER_CHECK_TYPE = 0x49;
  static final int CHECK_OPEN = 0x4A;
  static final int NON_CASH_TOO_LARGE = 0x4D;
  static final int SHIFT_EXPIRED = 0x4E;
  static final int WRONG_PASSWORD = 0x4F;
  static final int PRINTING = 0x50;
  static final int NO_CHECK = 0x55;
  static final int AWAITING_CONTINUE = 0x58;
  static final int OTHER_OPERATOR = 0x59;
  static final int PAPER_OUT = 0x6B;
  static final int ZERO_TOTAL = 0x8E;
  static final int TOO_MANY_LINES = 0x94;

  private final int code;

  DeviceError(int code) {
    super("device error " + Integer.toHexString(code), null, false, false);
    this.code = code;
  }

  int code() {
    return code;
  }

  /** Throws {@code CMD code} when {@code failed}. */
  static void check(boolean failed, int code) {
    if (failed) {
      throw new DeviceError(code);
    }
  }
}
