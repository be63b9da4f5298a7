package kz.fiscal.serial.internal;

/** The submode byte of 0x10/0x11 (docs/serial-shtrih.md §4.2): paper and printing state. */
public enum Submode {
  /** Paper present, not printing: printing commands are accepted. */
  IDLE,
  /** Passive paper-out: no paper, not printing. */
  PAPER_OUT,
  /** Active paper-out: the paper ran out while printing. */
  PAPER_OUT_WHILE_PRINTING,
  /** Paper loaded after an active paper-out; waiting for B0. */
  AWAITING_CONTINUE,
  /** Printing a full report. */
  PRINTING_REPORT,
  /** Printing an operation. */
  PRINTING,
  /** A value docs/serial-shtrih.md §4.2 does not define. */
  UNKNOWN;

  /** The submode {@code value} names; {@link #UNKNOWN} above 5. */
  public static Submode of(int value) {
    return value >= 0 && value <= 5 ? values()[value] : UNKNOWN;
  }

  /** Whether printing commands are refused for lack of paper (1, 2). */
  public boolean paperOut() {
    return this == PAPER_OUT || this == PAPER_OUT_WHILE_PRINTING;
  }

  /** Whether the device is still printing (4, 5). */
  public boolean printing() {
    return this == PRINTING_REPORT || this == PRINTING;
  }
}
