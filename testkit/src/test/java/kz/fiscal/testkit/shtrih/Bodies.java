package kz.fiscal.testkit.shtrih;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import kz.fiscal.testkit.VirtualRegistrar;

/** Request bodies (CMD DATA) for the registrar's command tests, written field by field as docs/serial-shtrih.md §3 lays them out. */
final class Bodies {
  static final String CASHIER = "01 00 00 00";
  static final String ADMIN = "1E 00 00 00";
  static final String STATUS = "10 " + CASHIER;
  static final String FULL_STATUS = "11 " + CASHIER;
  static final String OPEN_SHIFT = "E0 " + CASHIER;
  static final String SUBTOTAL = "89 " + CASHIER;
  static final String CANCEL = "88 " + CASHIER;
  static final String X_REPORT = "40 " + ADMIN;
  static final String Z_REPORT = "41 " + ADMIN;
  static final String CONTINUE = "B0 " + CASHIER;
  static final String STORAGE = "FF 01 " + ADMIN;
  /** "Товар" in CP1251, padded to 40 bytes. */
  static final String TOVAR = "D2 EE E2 E0 F0" + zeros(35);
  /** 2026-01-15 10:30 at +05:00, the time of the spec's examples. */
  static final OffsetDateTime AT_1030 = OffsetDateTime.parse("2026-01-15T10:30:00+05:00");

  private Bodies() {}

  /** A registrar whose clock stands at 2026-01-15 10:30 +05:00 until a test moves it. */
  static VirtualRegistrar.Builder registrarAt1030() {
    return VirtualRegistrar.builder().clock(Clock.fixed(AT_1030.toInstant(), AT_1030.getOffset()));
  }

  /** The frame around a request body. */
  static String frameOf(String body) {
    return HostBytes.frame(body);
  }

  /** {@code value} as {@code size} little-endian bytes in hex. */
  static String le(long value, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (value >>> (8 * i));
    }
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
  }

  static String zeros(int n) {
    return " 00".repeat(n);
  }

  /** 80 (sale) or 82 (return) line with one tax byte, as cashier 1. */
  static String line(int command, long quantity, long price, int department, int tax) {
    return line(command, CASHIER, quantity, price, department, le(tax, 1) + " 00 00 00");
  }

  static String line(int command, String password, long quantity, long price, int department, String taxes) {
    return String.format("%02X ", command) + password + " " + le(quantity, 5) + " " + le(price, 5) + " "
        + le(department, 1) + " " + taxes + " " + TOVAR;
  }

  /** 85 with cash and card, discount and discount taxes 0, no text. */
  static String close85(long cash, long card) {
    return "85 " + CASHIER + " " + le(cash, 5) + " " + le(card, 5) + zeros(10) + zeros(2) + zeros(4) + zeros(40);
  }

  /** FF45 with cash, card and mobile in slots 1-3, the given rounding and tax system, taxes not given, and text. */
  static String close45(long cash, long card, long mobile, int rounding, int taxSystem, String textHex) {
    return "FF 45 " + ADMIN + " " + le(cash, 5) + " " + le(card, 5) + " " + le(mobile, 5) + zeros(65) + " "
        + le(rounding, 1) + " FF".repeat(30) + " " + le(taxSystem, 1) + textHex;
  }

  static String cash45(long cash) {
    return close45(cash, 0, 0, 0, 0x01, "");
  }

  static String find(long fd) {
    return "FF 0A " + ADMIN + " " + le(fd, 4);
  }
}
