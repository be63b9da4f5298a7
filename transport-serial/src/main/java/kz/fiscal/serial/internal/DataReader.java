package kz.fiscal.serial.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * Reads an answer's data field by field (docs/serial-shtrih.md §2.1), from the byte after ERR. A field that runs past
 * the end, or a date that is no date, is a {@link MalformedAnswerException}; bytes after the last field
 * a decoder knows are ignored (§1.3 rule 4). Not thread-safe.
 */
final class DataReader {
  private final int command;
  private final byte[] data;
  private int at;

  private DataReader(int command, byte[] data) {
    this.command = command;
    this.data = data;
  }

  /**
   * A reader over a successful answer's data that holds at least {@code minimum} bytes.
   *
   * @throws MalformedAnswerException when the answer is shorter
   * @throws IllegalArgumentException when the answer is an error answer (a caller's mistake)
   */
  static DataReader of(Answer answer, int minimum) {
    if (!answer.ok()) {
      throw new IllegalArgumentException("an error answer has no data to decode: " + answer);
    }
    byte[] data = answer.data();
    if (data.length < minimum) {
      throw new MalformedAnswerException(answer.command(),
          "answer data of " + data.length + " bytes, at least " + minimum + " expected: " + FrameCodec.hex(data));
    }
    return new DataReader(answer.command(), data);
  }

  /** Bytes left after the fields read so far. */
  int remaining() {
    return data.length - at;
  }

  /** The unsigned little-endian integer in the next {@code size} bytes (1…8; 8 may exceed Long.MAX_VALUE). */
  long unsigned(int size) {
    require(size);
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (data[at + i] & 0xFFL) << (8 * i);
    }
    at += size;
    return value;
  }

  int u8() {
    return (int) unsigned(1);
  }

  int u16() {
    return (int) unsigned(2);
  }

  long u32() {
    return unsigned(4);
  }

  /** A 5-byte amount or quantity. */
  long u40() {
    return unsigned(5);
  }

  byte[] bytes(int size) {
    require(size);
    byte[] out = Arrays.copyOfRange(data, at, at + size);
    at += size;
    return out;
  }

  String ascii(int size) {
    return new String(bytes(size), StandardCharsets.US_ASCII);
  }

  /** CP1251 text to the end of the data, up to the first {@code 00}. */
  String textToEnd() {
    return Cp1251.decode(bytes(remaining()));
  }

  /** Classic date DD MM YY. */
  LocalDate date() {
    byte[] b = bytes(3);
    return valid(() -> LocalDate.of(2000 + (b[2] & 0xFF), b[1] & 0xFF, b[0] & 0xFF));
  }

  /** Classic time hh mm ss. */
  LocalTime time() {
    byte[] b = bytes(3);
    return valid(() -> LocalTime.of(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF));
  }

  /** DateTime5: YY MM DD hh mm. */
  LocalDateTime dateTime5() {
    byte[] b = bytes(5);
    return valid(() -> LocalDateTime.of(2000 + (b[0] & 0xFF), b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF, b[4] & 0xFF));
  }

  private <T> T valid(java.util.function.Supplier<T> value) {
    try {
      return value.get();
    } catch (DateTimeException e) {
      throw new MalformedAnswerException(command, "not a date or time: " + e.getMessage());
    }
  }

  private void require(int size) {
    if (size > remaining()) {
      throw new MalformedAnswerException(command, "a field of " + size + " bytes at offset " + at
          + " runs past the end of " + data.length + " bytes");
    }
  }
}
