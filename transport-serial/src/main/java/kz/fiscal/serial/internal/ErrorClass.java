package kz.fiscal.serial.internal;

/** The driver's classes of an answer or link outcome (docs/serial-shtrih.md §4.5). */
public enum ErrorClass {
  /** Success, or an error that means the wanted state already holds. */
  OK,
  /** Not executed; the driver removes the cause itself and sends the same command again. */
  RETRY_AFTER_WAIT,
  /** Not executed; a person must act before a retry. */
  OPERATOR,
  /** Not executed; a retry fails the same way unless a {@link Remedy} changes the device's state first. */
  REJECTED,
  /** The command may have run: reconcile (§5) before anything else. */
  UNKNOWN
}
