package kz.fiscal.serial.internal;

/** The device mode: the low nibble of the mode byte of 0x10/0x11 (docs/serial-shtrih.md §4.1). */
public enum Mode {
  PRINTER_ONLY,
  DATA_OUTPUT,
  /** Shift open, less than 24 h: ready to sell. */
  SHIFT_OPEN,
  /** Shift open for 24 h or more: sales refused ({@code 4E}) until a Z report. */
  SHIFT_EXPIRED,
  /** Shift closed: E0 before selling. */
  SHIFT_CLOSED,
  LOCKED,
  AWAITING_DATE_CONFIRMATION,
  DECIMAL_POINT_CHANGE,
  /** A document is open; the status nibble says which (§4.1). */
  DOCUMENT_OPEN,
  TECHNOLOGICAL_RESET_NEEDED,
  TEST_RUN,
  PRINTING_FISCAL_REPORT,
  PRINTING_JOURNAL_REPORT,
  SLIP_13,
  SLIP_14,
  SLIP_15;

  /** The mode in the low nibble of {@code modeByte}. */
  public static Mode of(int modeByte) {
    return values()[modeByte & 0x0F];
  }
}
