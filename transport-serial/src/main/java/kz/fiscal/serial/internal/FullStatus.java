package kz.fiscal.serial.internal;

import java.time.LocalDateTime;
import java.util.OptionalLong;

/**
 * The answer to 0x11 (docs/serial-shtrih.md §3.2), with the fields the driver uses. Immutable.
 *
 * @param operator the operator number matching the password
 * @param docRunning the running number of the current document, 0…9999
 * @param now the device clock, Kazakh local time
 * @param fiscalMemoryFlags bit 6 shift open, bit 7 shift over 24 h
 * @param serial the device serial number; empty when not set ({@code FF FF FF FF})
 * @param lastClosedShift 0 before the first Z report; the current shift is this + 1
 * @param bin the INN/BIN field; empty when not set ({@code FF}×6)
 */
public record FullStatus(int operator, int docRunning, DeviceFlags flags, DeviceMode mode, Submode submode,
    LocalDateTime now, int fiscalMemoryFlags, OptionalLong serial, int lastClosedShift, int registrations,
    OptionalLong bin) {
  /** Answer data after ERR: 46 bytes (LEN 48); models sending 50 or 52 append fields that are ignored. */
  static final int MINIMUM = 46;

  /** @throws MalformedAnswerException when the answer is shorter than LEN 48 or its date is no date */
  public static FullStatus decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    int operator = in.u8();
    in.bytes(2 + 2 + 3 + 1); // firmware version, build, date; logical number
    int docRunning = in.u16();
    DeviceFlags flags = new DeviceFlags(in.u16());
    DeviceMode mode = DeviceMode.of(in.u8());
    Submode submode = Submode.of(in.u8());
    in.bytes(1 + 2 + 2 + 3); // port; fiscal-memory firmware version, build, date
    LocalDateTime now = LocalDateTime.of(in.date(), in.time());
    int fmFlags = in.u8();
    long serial = in.u32();
    int lastClosedShift = in.u16();
    in.u16(); // free fiscal-memory records
    int registrations = in.u8();
    in.u8(); // registrations left
    long bin = in.unsigned(6);
    return new FullStatus(operator, docRunning, flags, mode, submode, now, fmFlags,
        serial == 0xFFFF_FFFFL ? OptionalLong.empty() : OptionalLong.of(serial), lastClosedShift, registrations,
        bin == 0xFFFF_FFFF_FFFFL ? OptionalLong.empty() : OptionalLong.of(bin));
  }

  /** Fiscal-memory flag bit 6. */
  public boolean shiftOpen() {
    return (fiscalMemoryFlags & 0x40) != 0;
  }

  /** Fiscal-memory flag bit 7. */
  public boolean shiftExpired() {
    return (fiscalMemoryFlags & 0x80) != 0;
  }
}
