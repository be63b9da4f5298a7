package kz.fiscal.core;

/** The operation a check records, with its protocol (and Webkassa) code. */
public enum Operation {
  PURCHASE(0),
  PURCHASE_RETURN(1),
  SALE(2),
  SALE_RETURN(3);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  /** The code of the KKM-to-OFD protocol and of Webkassa's {@code OperationType}. */
  public int code() {
    return code;
  }

  /** Whether this is a return, which must carry a {@code ReturnBasis}. */
  public boolean isReturn() {
    return this == PURCHASE_RETURN || this == SALE_RETURN;
  }

  /**
   * The operation with this code.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static Operation ofCode(int code) {
    for (Operation operation : values()) {
      if (operation.code == code) {
        return operation;
      }
    }
    throw new IllegalArgumentException("Unknown operation code " + code + " (0-3 are defined)");
  }
}
