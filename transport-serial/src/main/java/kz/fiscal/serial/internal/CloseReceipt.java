package kz.fiscal.serial.internal;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The answer to FF45, the extended close (docs/serial-shtrih.md §3.7): change, FD, FS32, and on some devices the
 * date-time and the KZ tail. Immutable.
 *
 * @param changeTiyn the change, tiyn
 * @param fd the fiscal document number of the check
 * @param fs32 the 4-byte fiscal sign; {@code FFFFFFFF} when the full sign does not fit
 * @param dateTime the document date-time, when the device sent it
 * @param tail the KZ tail, when present with a known version
 */
public record CloseReceipt(long changeTiyn, long fd, long fs32, Optional<LocalDateTime> dateTime,
    Optional<KzTail> tail) {
  /** Answer data after ERR: 13 bytes (LEN 16, without the date-time). */
  static final int MINIMUM = 13;
  private static final int WITH_DATE = 18;

  /** @throws MalformedAnswerException when the answer is shorter than LEN 16 or its date is no date */
  public static CloseReceipt decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    long change = in.u40();
    long fd = in.u32();
    long fs32 = in.u32();
    Optional<LocalDateTime> dateTime = in.remaining() >= WITH_DATE - MINIMUM
        ? Optional.of(in.dateTime5()) : Optional.empty();
    Optional<KzTail> tail = dateTime.isPresent() ? KzTail.read(in) : Optional.empty();
    return new CloseReceipt(change, fd, fs32, dateTime, tail);
  }

  /**
   * The fiscal sign as a decimal string (§6.1): FS64 from the tail, else FS32; empty when neither
   * holds it ({@code FFFFFFFF} without a tail).
   */
  public Optional<String> fiscalSign() {
    return FiscalSigns.of(tail, fs32);
  }
}
