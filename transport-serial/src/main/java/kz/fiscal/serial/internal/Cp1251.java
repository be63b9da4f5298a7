package kz.fiscal.serial.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Device text (docs/serial-shtrih.md §2.1, §6.8): CP1251, with the Kazakh letters CP1251 lacks transliterated (Ә→А,
 * Ғ→Г, Қ→К, Ң→Н, Ө→О, Ұ→У, Ү→У, Һ→Х, lower case likewise; І/і are kept) and any other unmappable
 * character replaced by {@code ?}. Stateless and thread-safe.
 */
final class Cp1251 {
  static final Charset CHARSET = Charset.forName("windows-1251");
  private static final String KAZAKH = "ӘәҒғҚқҢңӨөҰұҮүҺһ";
  private static final String PLAIN = "АаГгКкНнОоУуУуХх";

  private Cp1251() {}

  /** {@code text} transliterated for the device. */
  static String transliterate(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int k = KAZAKH.indexOf(c);
      out.append(k >= 0 ? PLAIN.charAt(k) : c);
    }
    return out.toString();
  }

  /** The CP1251 bytes of {@code text} after transliteration, cut to at most {@code max} bytes. */
  static byte[] encode(String text, int max) {
    CharsetEncoder encoder = CHARSET.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(new byte[] {'?'});
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(transliterate(text)));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out.length > max ? Arrays.copyOf(out, max) : out;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("REPLACE never throws", e);
    }
  }

  /** The text in {@code bytes} up to the first {@code 00}. */
  static String decode(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, CHARSET);
  }
}
