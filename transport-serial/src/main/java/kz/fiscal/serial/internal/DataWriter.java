package kz.fiscal.serial.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;

/**
 * Builds a request's DATA from the field types of docs/serial-shtrih.md §2.1: little-endian unsigned integers, 5-byte
 * money and quantities, passwords, CP1251 text and binary date-times. Every value is range-checked, so
 * a caller's mistake is an {@link IllegalArgumentException} before any byte reaches the port. Not
 * thread-safe; one writer builds one request.
 */
final class DataWriter {
  /** The largest 5-byte amount the protocol documents: 9 999 999 999. */
  static final long MAX_AMOUNT = 9_999_999_999L;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

  /**
   * Writes the low {@code size} bytes of {@code value}, least significant first; with {@code size} 8 the
   * long is read as unsigned (FS64 may exceed {@link Long#MAX_VALUE}).
   */
  DataWriter unsigned(long value, int size, String field) {
    if (size < 8 && (value < 0 || value >>> (8 * size) != 0)) {
      throw new IllegalArgumentException(field + " does not fit " + size + " unsigned bytes: " + value);
    }
    for (int i = 0; i < size; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  DataWriter u8(int value, String field) {
    return unsigned(value, 1, field);
  }

  /** A password: uint32 (docs/serial-shtrih.md §2.2). */
  DataWriter password(long password) {
    return unsigned(password, 4, "password");
  }

  /** An amount in tiyn, 0…9 999 999 999, as uint40. */
  DataWriter money(long tiyn, String field) {
    return unsigned(inRange(tiyn, 0, field), 5, field);
  }

  /** A quantity in thousandths, 1…9 999 999 999, as uint40. */
  DataWriter quantity(long thousandths) {
    return unsigned(inRange(thousandths, 1, "quantity"), 5, "quantity");
  }

  /** {@code FF FF FF FF FF}: an amount "not given; the device computes it". */
  DataWriter notGiven() {
    return raw(new byte[] {-1, -1, -1, -1, -1});
  }

  /** {@code text} in CP1251 (after transliteration), cut or {@code 00}-padded to exactly {@code size} bytes. */
  DataWriter text(String text, int size) {
    byte[] bytes = Cp1251.encode(text, size);
    out.write(bytes, 0, bytes.length);
    return pad(size - bytes.length);
  }

  /** {@code text} in CP1251, cut to at most {@code max} bytes, unpadded. */
  DataWriter variableText(String text, int max) {
    return raw(Cp1251.encode(text, max));
  }

  /** {@code text} of exactly {@code size} ASCII characters. */
  DataWriter ascii(String text, int size, String field) {
    if (text.length() != size || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(field + " must be " + size + " ASCII characters, got \"" + text + "\"");
    }
    return raw(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** DateTime6 [EXT]: YY MM DD hh mm ss, binary. */
  DataWriter dateTime6(LocalDateTime t) {
    int year = t.getYear() - 2000;
    if (year < 0 || year > 99) {
      throw new IllegalArgumentException("a device date-time covers 2000…2099, got " + t);
    }
    return raw(new byte[] {(byte) year, (byte) t.getMonthValue(), (byte) t.getDayOfMonth(), (byte) t.getHour(),
        (byte) t.getMinute(), (byte) t.getSecond()});
  }

  DataWriter pad(int zeros) {
    for (int i = 0; i < zeros; i++) {
      out.write(0);
    }
    return this;
  }

  DataWriter raw(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  private static long inRange(long value, long min, String field) {
    if (value < min || value > MAX_AMOUNT) {
      throw new IllegalArgumentException(field + " must be " + min + "…" + MAX_AMOUNT + ", got " + value);
    }
    return value;
  }
}
