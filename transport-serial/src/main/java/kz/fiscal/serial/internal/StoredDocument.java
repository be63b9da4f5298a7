package kz.fiscal.serial.internal;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The answer to FF0A (docs/serial-shtrih.md §3.14): one fiscal document from storage. Immutable.
 *
 * @param type the document type
 * @param ofdReceipt whether the OFD acknowledged it (0 when made offline)
 * @param fs32 the 4-byte fiscal sign; {@code FFFFFFFF} when the full sign does not fit
 * @param operation for a check: 1 sale, 2 sale return, 3 purchase, 4 purchase return
 * @param totalTiyn for a check: the amount payable
 * @param shiftNumber for a shift report: the shift
 * @param tail the KZ tail, when present with a known version
 */
public record StoredDocument(Type type, boolean ofdReceipt, LocalDateTime dateTime, long fd, long fs32,
    OptionalInt operation, OptionalLong totalTiyn, OptionalInt shiftNumber, Optional<KzTail> tail) {
  /** Document types of FF0A. */
  public enum Type { REGISTRATION, SHIFT_OPEN, CHECK, STRICT_REPORTING_FORM, SHIFT_CLOSE, OTHER }

  /** Answer data after ERR before the type-specific part: 15 bytes (LEN 18). */
  static final int MINIMUM = 15;

  /**
   * @throws MalformedAnswerException when the common part, or the type-specific part of a check or a
   *     shift report, is missing, or the date is no date
   */
  public static StoredDocument decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    int typeCode = in.u8();
    Type type = typeCode >= 1 && typeCode <= 5 ? Type.values()[typeCode - 1] : Type.OTHER;
    boolean ofd = in.u8() == 1;
    LocalDateTime dateTime = in.dateTime5();
    long fd = in.u32();
    long fs32 = in.u32();
    OptionalInt operation = OptionalInt.empty();
    OptionalLong total = OptionalLong.empty();
    OptionalInt shift = OptionalInt.empty();
    switch (type) {
      case CHECK -> {
        operation = OptionalInt.of(in.u8());
        total = OptionalLong.of(in.u40());
      }
      case SHIFT_OPEN, SHIFT_CLOSE -> shift = OptionalInt.of(in.u16());
      case REGISTRATION -> { }
      default -> {
        // the type-specific length is unknown: no tail can be found after it
        return new StoredDocument(type, ofd, dateTime, fd, fs32, operation, total, shift, Optional.empty());
      }
    }
    return new StoredDocument(type, ofd, dateTime, fd, fs32, operation, total, shift, KzTail.read(in));
  }

  /** The fiscal sign as a decimal string: FS64 from the tail, else a usable FS32 (§6.1). */
  public Optional<String> fiscalSign() {
    return FiscalSigns.of(tail, fs32);
  }
}
