package kz.fiscal.serial.internal;

/**
 * The answer to 0x10 (docs/serial-shtrih.md §3.1). Immutable.
 *
 * @param operator the operator number matching the password, 1…30
 * @param operations operations (lines) in the current check, 16 bits
 * @param fiscalMemoryError 0 = none
 * @param journalError the EJ error code, 0 = none
 */
public record ShortStatus(int operator, DeviceFlags flags, DeviceMode mode, Submode submode, int operations,
    int fiscalMemoryError, int journalError) {
  /** Answer data after ERR: 14 bytes (LEN 16); real models may send more. */
  static final int MINIMUM = 14;

  /** @throws MalformedAnswerException when the answer is shorter than LEN 16 */
  public static ShortStatus decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    int operator = in.u8();
    DeviceFlags flags = new DeviceFlags(in.u16());
    DeviceMode mode = DeviceMode.of(in.u8());
    Submode submode = Submode.of(in.u8());
    int operationsLow = in.u8();
    in.u16(); // battery and supply voltage: raw, informational
    int fiscalMemory = in.u8();
    int journal = in.u8();
    int operationsHigh = in.u8();
    return new ShortStatus(operator, flags, mode, submode, operationsHigh << 8 | operationsLow, fiscalMemory, journal);
  }
}
