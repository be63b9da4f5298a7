package kz.fiscal.core;

import java.math.BigDecimal;
import java.util.List;
import kz.fiscal.core.internal.RecordCodec;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * The sizes a valid receipt stays within, so that whatever {@link ReceiptValidator} accepts also fits
 * the providers (docs/webkassa-v4.md field limits), the serial protocol's 5-byte fields and the journal's
 * column. Stateless; reports into the validator's list of violations.
 *
 * <ul>
 *   <li>at most {@value #MAX_ITEMS} items, {@value #MAX_MODIFIERS} check-level modifiers and
 *       {@value #MAX_MARKING_CODES} marking codes per receipt;
 *   <li>texts: item name, principal name, seller name and address ≤ {@value #MAX_NAME} characters;
 *       NKT code, NTIN, unit name, VAT certificate series and number ≤ {@value #MAX_CODE}; GTIN ≤
 *       {@value #MAX_GTIN}; a marking code ≤ {@value #MAX_MARKING_CODE}; modifier text and e-mail ≤
 *       {@value #MAX_MODIFIER_TEXT}; phone ≤ {@value #MAX_PHONE} as sent ({@code +} and digits), ≤
 *       {@value #MAX_PHONE_AS_WRITTEN} as written;
 *   <li>every amount, and the total, at most 9 999 999 999.99 tenge; a quantity at most 9 999 999.999
 *       (the serial protocol's 5-byte tiyn and thousandths);
 *   <li>the receipt as the journal stores it at most {@value #MAX_STORED} characters (a safety net for
 *       texts full of characters the journal must escape).
 * </ul>
 */
final class ReceiptLimits {
  static final int MAX_ITEMS = 1_000;
  static final int MAX_MODIFIERS = 100;
  static final int MAX_MARKING_CODES = 1_000;
  static final int MAX_NAME = 255;
  static final int MAX_CODE = 50;
  static final int MAX_GTIN = 14;
  static final int MAX_MARKING_CODE = 255;
  static final int MAX_MODIFIER_TEXT = 50;
  static final int MAX_EMAIL = 50;
  static final int MAX_PHONE = 20;
  /** A phone as written, separators included ({@code +7 (701) 123-45-67}); its wire form has ≤ {@value #MAX_PHONE}. */
  static final int MAX_PHONE_AS_WRITTEN = 40;
  /** The journal's {@code receipt_json} column. */
  static final int MAX_STORED = 1_000_000;
  /** 9 999 999 999.99 tenge: 999 999 999 999 tiyn fit the serial protocol's 5 bytes. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
  /** 9 999 999.999: the serial protocol's 5-byte thousandths (1…9 999 999 999). */
  static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999.999");
  /** Characters a text may take in the journal at worst: a control character is written as a six-character escape. */
  private static final int ESCAPED = 6;
  /** Generous room for an item's numbers, keys and punctuation in the journal. */
  private static final int ITEM_OVERHEAD = 600;

  private ReceiptLimits() {}

  /** Reports counts above their limits, at {@code items}, {@code modifiers} and {@code items[i].markingCodes}. */
  static void checkCounts(Receipt receipt, List<Violation> violations) {
    count(receipt.items().size(), MAX_ITEMS, "items", violations);
    count(receipt.modifiers().size(), MAX_MODIFIERS, "modifiers", violations);
    int codes = 0;
    for (int i = 0; i < receipt.items().size(); i++) {
      int before = codes;
      codes += receipt.items().get(i).markingCodes().size();
      if (codes > MAX_MARKING_CODES && before <= MAX_MARKING_CODES) {
        add(violations, ViolationCode.TOO_MANY, "items[" + i + "].markingCodes",
            "the receipt has more than " + MAX_MARKING_CODES + " marking codes by this item");
      }
    }
  }

  /** Reports an amount above 9 999 999 999.99 at {@code path}. */
  static void amount(Tenge amount, String path, List<Violation> violations) {
    amount(amount.amount(), path, violations);
  }

  /** Reports a derived amount above 9 999 999 999.99 at {@code path}. */
  static void amount(BigDecimal amount, String path, List<Violation> violations) {
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      add(violations, ViolationCode.TOO_LARGE, path,
          "has " + integerDigits(amount) + " digits before the point, at most 9999999999.99");
    }
  }

  /** Reports a quantity above 9 999 999.999 at {@code path}. */
  static void quantity(Quantity quantity, String path, List<Violation> violations) {
    if (quantity.value().compareTo(MAX_QUANTITY) > 0) {
      add(violations, ViolationCode.TOO_LARGE, path,
          "has " + integerDigits(quantity.value()) + " digits before the point, at most 9999999.999");
    }
  }

  /** As {@link #amount(Tenge, String, List)} at {@code items[item].field}, a path written only when reported. */
  static void itemAmount(Tenge amount, int item, String field, List<Violation> violations) {
    if (amount.amount().compareTo(MAX_AMOUNT) > 0) {
      amount(amount, itemPath(item, field), violations);
    }
  }

  /** As {@link #quantity(Quantity, String, List)} at {@code items[item].field}, a path written only when reported. */
  static void itemQuantity(Quantity quantity, int item, String field, List<Violation> violations) {
    if (quantity.value().compareTo(MAX_QUANTITY) > 0) {
      quantity(quantity, itemPath(item, field), violations);
    }
  }

  /** As {@link #length(String, int, String, List)} at {@code items[item].field}, a path written only when reported. */
  static void itemLength(String text, int max, int item, String field, List<Violation> violations) {
    if (text.length() > max) {
      length(text, max, itemPath(item, field), violations);
    }
  }

  /** The path of an item's field, {@code items[2].name}. */
  static String itemPath(int item, String field) {
    return "items[" + item + "]." + field;
  }

  /** Reports a text longer than {@code max} at {@code path}; true when it was. */
  static boolean length(String text, int max, String path, List<Violation> violations) {
    if (text.length() > max) {
      add(violations, ViolationCode.TOO_LONG, path, "has " + text.length() + " characters, at most " + max);
      return true;
    }
    return false;
  }

  /**
   * Reports a receipt the journal could not store, at {@code receipt}. Encodes it only when a cheap upper
   * bound of its stored size exceeds the column, so typical receipts cost a sum of lengths.
   */
  static void checkStored(Receipt receipt, List<Violation> violations) {
    long bound = 4_000L + (long) ESCAPED * (receipt.seller().name().length() + receipt.seller().address().length());
    for (Item item : receipt.items()) {
      bound += ITEM_OVERHEAD + (long) ESCAPED * (item.name().length() + item.nktCode().map(String::length).orElse(0)
          + item.ntin().map(String::length).orElse(0) + item.gtin().map(String::length).orElse(0)
          + item.unit().name().length() + item.principal().map(p -> p.name().length()).orElse(0));
      for (String code : item.markingCodes()) {
        bound += 3 + (long) ESCAPED * code.length();
      }
    }
    for (Modifier modifier : receipt.modifiers()) {
      bound += 100 + (long) ESCAPED * modifier.text().length();
    }
    bound += 100L * receipt.payments().size();
    if (bound <= MAX_STORED) {
      return;
    }
    int stored;
    try {
      stored = RecordCodec.writeReceipt(receipt).length();
    } catch (IllegalArgumentException tooLargeToWrite) {
      stored = Integer.MAX_VALUE;
    }
    if (stored > MAX_STORED) {
      add(violations, ViolationCode.TOO_LONG, "receipt", "would take "
          + (stored == Integer.MAX_VALUE ? "more than " + MAX_STORED : Integer.toString(stored))
          + " characters in the journal, at most " + MAX_STORED);
    }
  }

  private static void count(int size, int max, String path, List<Violation> violations) {
    if (size > max) {
      add(violations, ViolationCode.TOO_MANY, path, "has " + size + ", at most " + max);
    }
  }

  private static long integerDigits(BigDecimal value) {
    return Math.max(1, (long) value.precision() - value.scale());
  }

  private static void add(List<Violation> violations, ViolationCode code, String path, String message) {
    violations.add(new Violation(code, path, message));
  }
}
