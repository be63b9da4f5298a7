package kz.fiscal.core;

import java.util.Objects;

/**
 * One broken rule of a receipt.
 *
 * @param code the rule
 * @param path where, e.g. {@code items[2].vat} or {@code payments}
 * @param message a human explanation naming the values (never personal data)
 */
public record Violation(ViolationCode code, String path, String message) {
  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + " at " + path + ": " + message;
  }

  /** What rule a receipt breaks; see {@link ReceiptValidator} for the rules and their paths. */
  public enum ViolationCode {
    /** The receipt has no items. */
    NO_ITEMS,
    /** A required text (item name, seller name or address, principal name, marking code) is blank. */
    BLANK,
    /** A text is longer than the provider accepts (Webkassa v4 limits), or the receipt longer than the journal stores. */
    TOO_LONG,
    /** More items, check-level modifiers or marking codes than a receipt may carry (1 000, 100, 1 000). */
    TOO_MANY,
    /** An amount above 9 999 999 999.99 or a quantity above 9 999 999.999 (the serial protocol's 5 bytes). */
    TOO_LARGE,
    /** A value has the wrong form: e-mail, phone, GTIN, fiscal sign or RNM of a return basis. */
    MALFORMED,
    /** A unit price is zero. */
    PRICE_NOT_POSITIVE,
    /** A position's discount is larger than its line (price × quantity + markup). */
    DISCOUNT_EXCEEDS_LINE,
    /** A check-level discount or markup is zero. */
    MODIFIER_NOT_POSITIVE,
    /** Check-level discounts exceed the sum of the items. */
    DISCOUNT_EXCEEDS_TOTAL,
    /** The VAT rate is not in force on the operation date (for a return: the original sale's date). */
    VAT_RATE_NOT_IN_FORCE,
    /**
     * The operation time is further from now than the client's tolerance, but the register stamps its own
     * time: the check would be dated now, with now's VAT rates.
     */
    OPERATION_TIME_NOT_NOW,
    /** A seller who is not a VAT payer uses a VAT rate (0 % included). */
    VAT_FOR_NON_PAYER,
    /** A payment amount is zero. */
    PAYMENT_NOT_POSITIVE,
    /** A payment type appears more than once. */
    PAYMENT_TYPE_REPEATED,
    /** Non-cash payments exceed the total: change can only come from cash. */
    NON_CASH_ABOVE_TOTAL,
    /** Overpaid without any cash payment to give change from. */
    CHANGE_WITHOUT_CASH,
    /** The payments are less than the total. */
    UNDERPAID,
    /** A return has no return basis. */
    RETURN_BASIS_MISSING,
    /** A sale or purchase carries a return basis. */
    RETURN_BASIS_NOT_ALLOWED,
    /** The return's total is larger than the original check's. */
    RETURN_EXCEEDS_BASIS,
    /** The original check is dated after the return. */
    RETURN_BASIS_AFTER_OPERATION,
    /** Piece goods carry a number of marking codes other than their quantity. */
    MARKING_CODES_COUNT,
    /** The buyer's IIN/BIN is the seller's (the OFD refuses it with result 17). */
    CUSTOMER_IS_SELLER,
    /** The principal of an agent sale is the seller itself. */
    PRINCIPAL_IS_SELLER,
    /** The driver cannot carry a feature the receipt uses. */
    UNSUPPORTED_BY_DRIVER,
    /** No register of the client takes the receipt: none is the seller's, or the one named is not the client's. */
    NO_REGISTER
  }
}
