package kz.fiscal.serial.internal;

import java.time.LocalDateTime;

/**
 * The answer to FF01 (docs/serial-shtrih.md §3.13): the fiscal storage's state and its last FD, the driver's main
 * reconciliation counter. Immutable.
 *
 * @param lifePhase bits: 0 configured, 1 fiscal mode open, 2 fiscal mode closed, 3 transfer finished
 * @param openDocument {@code 00} none, {@code 01} registration, {@code 02} shift open, {@code 04} check,
 *     {@code 08} shift close
 * @param documentDataReceived whether the open document has data (a check with at least one line)
 * @param shiftOpen whether a shift is open (also past 24 h)
 * @param warnings bit 3: OFD reply overdue (offline)
 * @param storageSerial 16 ASCII characters
 * @param lastFd the number of the last fiscal document
 */
public record StorageStatus(int lifePhase, int openDocument, boolean documentDataReceived, boolean shiftOpen,
    int warnings, LocalDateTime dateTime, String storageSerial, long lastFd) {
  /** Answer data after ERR: 30 bytes (LEN 33). */
  static final int MINIMUM = 30;

  /** @throws MalformedAnswerException when the answer is shorter than LEN 33 or its date is no date */
  public static StorageStatus decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    return new StorageStatus(in.u8(), in.u8(), in.u8() == 1, in.u8() == 1, in.u8(), in.dateTime5(), in.ascii(16),
        in.u32());
  }

  /** Warning bit 3: the OFD has not replied in time (the register works offline). */
  public boolean ofdOverdue() {
    return (warnings & 0x08) != 0;
  }
}
