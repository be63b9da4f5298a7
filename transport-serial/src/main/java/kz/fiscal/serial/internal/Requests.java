package kz.fiscal.serial.internal;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Encodes the driver's requests of docs/serial-shtrih.md §3 into frames, with exactly the documented LEN (only FF45 varies
 * with its text). Arguments out of the protocol's range are the caller's mistake and throw
 * {@link IllegalArgumentException}. Stateless.
 */
public final class Requests {
  /** Text of an 80/82 line or an 85 close: 40 bytes, {@code 00}-padded. */
  public static final int TEXT_SIZE = 40;
  /** The longest FF45 text. */
  public static final int MAX_CLOSE_TEXT = 64;

  private Requests() {}

  /** 0x10 short status. */
  public static Frame shortStatus(long password) {
    return passwordOnly(Command.SHORT_STATUS, password);
  }

  /** 0x11 full status. */
  public static Frame fullStatus(long password) {
    return passwordOnly(Command.FULL_STATUS, password);
  }

  /** 0xE0 open shift. */
  public static Frame openShift(long password) {
    return passwordOnly(Command.OPEN_SHIFT, password);
  }

  /** 0x89 subtotal of the open check. */
  public static Frame subtotal(long password) {
    return passwordOnly(Command.SUBTOTAL, password);
  }

  /** 0x88 cancel the open check. */
  public static Frame cancelCheck(long password) {
    return passwordOnly(Command.CANCEL_CHECK, password);
  }

  /** 0x40 X report. */
  public static Frame xReport(long password) {
    return passwordOnly(Command.X_REPORT, password);
  }

  /** 0x41 Z report (closes the shift). */
  public static Frame zReport(long password) {
    return passwordOnly(Command.Z_REPORT, password);
  }

  /** 0xB0 continue printing after paper-out. */
  public static Frame continuePrint(long password) {
    return passwordOnly(Command.CONTINUE_PRINT, password);
  }

  /** 0xFC device type; the only request without a password. */
  public static Frame deviceType() {
    return new Frame(Command.DEVICE_TYPE.code(), new byte[0]);
  }

  /** FF01 fiscal storage status. */
  public static Frame storageStatus(long password) {
    return passwordOnly(Command.STORAGE_STATUS, password);
  }

  /** FF0A find the fiscal document numbered {@code fd}. */
  public static Frame findDocument(long password, long fd) {
    return frame(Command.FIND_DOCUMENT, new DataWriter().password(password).unsigned(fd, 4, "FD number"));
  }

  /**
   * 0x80 (sale) or 0x82 (sale return): register one line (§3.4).
   *
   * @throws IllegalArgumentException when {@code command} is neither, or the line is out of range
   */
  public static Frame registerLine(Command command, long password, LineRequest line) {
    if (command != Command.SALE && command != Command.SALE_RETURN) {
      throw new IllegalArgumentException("a line is registered by SALE or SALE_RETURN, not " + command);
    }
    DataWriter data = new DataWriter().password(password)
        .quantity(line.quantityThousandths())
        .money(line.priceTiyn(), "price")
        .u8(line.department(), "department")
        .u8(line.taxGroup(), "tax group")
        .pad(3)
        .text(line.text(), TEXT_SIZE);
    return frame(command, data);
  }

  /**
   * 0x85 classic close (§3.6): payment slots 1…4 ({@code slots[0]} is slot 1; missing slots are 0),
   * discount 0, no discount taxes.
   */
  public static Frame closeCheck(long password, long[] slots, String text) {
    DataWriter data = new DataWriter().password(password);
    payments(data, slots, 4);
    return frame(Command.CLOSE_CHECK, data.pad(2 + 4).text(text, TEXT_SIZE));
  }

  /**
   * FF45 extended close, variant 2 (§3.7): payment slots 1…16, rounding 0…99 tiyn, the six tax
   * amounts "not given" (the device computes them), one tax-system bit (§6.7), and at most 64 bytes
   * of text.
   */
  public static Frame closeCheckExtended(long password, long[] slots, int roundingTiyn, int taxSystemBit,
      String text) {
    if (roundingTiyn < 0 || roundingTiyn > 99) {
      throw new IllegalArgumentException("rounding must be 0…99 tiyn, got " + roundingTiyn);
    }
    if (Integer.bitCount(taxSystemBit) != 1 || taxSystemBit > 0x80) {
      throw new IllegalArgumentException("the tax system is exactly one bit, got " + taxSystemBit);
    }
    DataWriter data = new DataWriter().password(password);
    payments(data, slots, 16);
    data.u8(roundingTiyn, "rounding");
    for (int i = 0; i < 6; i++) {
      data.notGiven();
    }
    return frame(Command.CLOSE_CHECK_EXTENDED, data.u8(taxSystemBit, "tax system").variableText(text, MAX_CLOSE_TEXT));
  }

  /** FFF0 [EXT]: the return basis of the open return check (§3.15). */
  public static Frame returnBasis(long password, ReturnBasisRequest basis) {
    DataWriter data = new DataWriter().password(password)
        .unsigned(basis.fiscalSign(), 8, "fiscal sign")
        .dateTime6(basis.dateTime())
        .ascii(basis.rnm(), 12, "RNM")
        .money(basis.totalTiyn(), "original total")
        .u8(basis.offline() ? 1 : 0, "offline");
    return frame(Command.RETURN_BASIS, data);
  }

  private static void payments(DataWriter data, long[] slots, int count) {
    if (slots.length > count) {
      throw new IllegalArgumentException("at most " + count + " payment slots, got " + slots.length);
    }
    for (int i = 0; i < count; i++) {
      data.money(i < slots.length ? slots[i] : 0, "payment slot " + (i + 1));
    }
  }

  private static Frame passwordOnly(Command command, long password) {
    return frame(command, new DataWriter().password(password));
  }

  private static Frame frame(Command command, DataWriter data) {
    return new Frame(command.code(), data.toBytes());
  }

  /**
   * One line of 0x80/0x82.
   *
   * @param quantityThousandths 1…9 999 999 999 (1 pc = 1000)
   * @param priceTiyn 0…9 999 999 999
   * @param department 0…16
   * @param taxGroup 0 (no VAT) or 1…4
   * @param text the item name; transliterated and cut to 40 CP1251 bytes
   */
  public record LineRequest(long quantityThousandths, long priceTiyn, int department, int taxGroup, String text) {
    public LineRequest {
      if (department < 0 || department > 16) {
        throw new IllegalArgumentException("department must be 0…16, got " + department);
      }
      if (taxGroup < 0 || taxGroup > 4) {
        throw new IllegalArgumentException("tax group must be 0…4, got " + taxGroup);
      }
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The original check a return refers to (§3.15, §6.5).
   *
   * @param fiscalSign FS64, an unsigned 64-bit value held in a long
   * @param dateTime the original's date-time, local Kazakh time
   * @param rnm the issuing register's 12-digit registration number
   */
  public record ReturnBasisRequest(long fiscalSign, LocalDateTime dateTime, String rnm, long totalTiyn,
      boolean offline) {
    public ReturnBasisRequest {
      Objects.requireNonNull(dateTime, "dateTime");
      if (!Objects.requireNonNull(rnm, "rnm").matches("[0-9]{12}")) {
        throw new IllegalArgumentException("the RNM is 12 digits, got \"" + rnm + "\"");
      }
    }
  }
}
