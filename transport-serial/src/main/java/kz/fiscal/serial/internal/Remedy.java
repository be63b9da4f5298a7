package kz.fiscal.serial.internal;

/** What the driver does about a classified answer before it goes on (docs/serial-shtrih.md §4.5, "Driver action"). */
public enum Remedy {
  /** Nothing to do. */
  NONE,
  /** Shift not open: read 0x10; in mode 4 open the shift (E0) when {@code autoOpenShift}, then retry once. */
  OPEN_SHIFT,
  /** Shift over 24 h: with {@code autoZReport} 41, E0, retry; otherwise an operator. */
  CLOSE_EXPIRED_SHIFT,
  /** E0 found the shift already open: confirm mode 2 or 3 with 0x10. */
  CONFIRM_SHIFT_OPEN,
  /** A check is open: continue it if the journal owns it, else cancel the orphan (88) and retry. */
  CANCEL_ORPHAN_CHECK,
  /** Still printing: poll 0x10 until the submode is not 4/5, then resend. */
  WAIT_FOR_PRINTING,
  /** Waiting for B0: send it, poll until submode 0, resend. */
  CONTINUE_PRINTING,
  /** Paper out: tell the operator, poll 0x10 for paper, B0 in submode 3, resend. */
  LOAD_PAPER,
  /** Not allowed in this mode or submode: re-read 0x10 and retry once it allows, else an operator. */
  REREAD_MODE,
  /** {@code 37} to an FFxx command: the device lacks FF commands (§5.3). */
  DETECT_FEATURES,
  /** FF0A {@code 08}: no such document, a normal result during reconciliation. */
  DOCUMENT_NOT_FOUND,
  /** The link failed before anything ran: back off and resend. */
  BACK_OFF,
  /** Resolve the outcome from the device's counters (§5.4, §5.7). */
  RECONCILE
}
