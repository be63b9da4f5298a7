package kz.fiscal.testkit.internal.shtrih;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDateTime;

/**
 * Builds a successful answer body: the request's CMD, ERR {@code 00}, then fields little-endian as docs/serial-shtrih.md
 * §2.1 lays them out. Not thread-safe.
 */
final class AnswerBody {
  static final Charset CP1251 = Charset.forName("windows-1251");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  AnswerBody(int command) {
    if (command > 0xFF) {
      out.write(0xFF);
    }
    out.write(command);
    out.write(0x00);
  }

  /** The low {@code size} bytes of {@code value}, least significant first. */
  AnswerBody le(long value, int size) {
    for (int i = 0; i < size; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  AnswerBody u8(int value) {
    return le(value, 1);
  }

  AnswerBody bytes(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  /** DateTime5: YY MM DD hh mm. */
  AnswerBody dateTime5(LocalDateTime t) {
    return bytes(new byte[] {(byte) (t.getYear() - 2000), (byte) t.getMonthValue(), (byte) t.getDayOfMonth(),
        (byte) t.getHour(), (byte) t.getMinute()});
  }

  /** The KZ tail of §3.12 [EXT]: marker, version 1, FS64, offline flag. */
  AnswerBody kzTail(long fs64, boolean offline) {
    return u8(0x4B).u8(0x01).le(fs64, 8).u8(offline ? 1 : 0);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
