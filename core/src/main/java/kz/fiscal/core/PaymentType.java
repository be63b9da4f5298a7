package kz.fiscal.core;

/**
 * A means of payment allowed by protocol 2.0.2+, with its protocol code. Credit (2) and tare (3) of
 * the old 1.2.x protocol are rejected by current cash registers and have no constant here.
 */
public enum PaymentType {
  CASH(0),
  CARD(1),
  MOBILE(4);

  private final int code;

  PaymentType(int code) {
    this.code = code;
  }

  /** The protocol (and Webkassa) payment code. */
  public int code() {
    return code;
  }

  /**
   * The payment type with this code.
   *
   * @throws IllegalArgumentException for 2 and 3 (withdrawn in protocol 2.0.2) and unknown codes
   */
  public static PaymentType ofCode(int code) {
    for (PaymentType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    if (code == 2 || code == 3) {
      throw new IllegalArgumentException(
          "Payment type " + code + " (" + (code == 2 ? "credit" : "tare") + ") was withdrawn in protocol 2.0.2");
    }
    throw new IllegalArgumentException("Unknown payment type code " + code + " (0 cash, 1 card, 4 mobile)");
  }
}
