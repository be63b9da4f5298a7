package kz.fiscal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Optional;
import kz.fiscal.core.Rounding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

  @Test
  void separatorsAreAutomaticAndNothingElseIsAdded() {
    JsonWriter w = new JsonWriter(1);
    w.beginObject().member("a", 1).member("b", true).member("c", Optional.empty()).member("d", Optional.of("x"))
        .member("e", Rounding.TOTAL_ONLY).verbatim("f", "1.50")
        .name("g").beginArray().value("p").beginArray().endArray().beginObject().endObject().value(-7).endArray()
        .name("h").beginObject().member("i", false).endObject()
        .endObject();
    assertEquals("{\"a\":1,\"b\":true,\"d\":\"x\",\"e\":\"TOTAL_ONLY\",\"f\":\"1.50\",\"g\":[\"p\",[],{},-7],"
        + "\"h\":{\"i\":false}}", w.toString());
    assertEquals(w.toString().length(), w.length());
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscapedInTheirShortForms() {
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\u007fk/\"",
        string("a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj\u007fk/"));
  }

  @Test
  void nonAsciiTextAndSurrogatePairsAreWrittenAsIs() {
    assertEquals("\"«ёҚқҒ» Әә Үү Ұұ Һһ Іі Өө Ңң 😀🇰🇿 \u2028\uFEFF\"", string("«ёҚқҒ» Әә Үү Ұұ Һһ Іі Өө Ңң 😀🇰🇿 \u2028\uFEFF"));
  }

  @Test
  void loneSurrogatesAreEscapedSoTheTextIsValidUnicode() {
    assertEquals("\"\\ud800\"", string("\uD800"));
    assertEquals("\"\\udc00x\"", string("\uDC00x"));
    assertEquals("\"x\\ud83d\"", string("x\uD83D"));
    assertEquals("\"\\ude00\\ud83d\"", string("\uDE00\uD83D"));
    assertEquals("\"😀\\ud83d\"", string("😀\uD83D"));
  }

  @ParameterizedTest
  @CsvSource({
      "2026-03-01T09:30+05:00, 2026-03-01T09:30:00+05:00",
      "2026-03-01T04:30:00Z, 2026-03-01T04:30:00Z",
      "2026-03-01T09:30:07.5-03:30, 2026-03-01T09:30:07.5-03:30",
      "2026-03-01T09:30:07.000000001+05:45, 2026-03-01T09:30:07.000000001+05:45",
      "2026-03-01T09:30:07.120+14:00, 2026-03-01T09:30:07.12+14:00",
      "2026-03-01T09:30:07+05:30:15, 2026-03-01T09:30:07+05:30:15",
      "1970-01-01T00:00-18:00, 1970-01-01T00:00:00-18:00",
      "0999-12-31T23:59:59.999999999+18:00, 0999-12-31T23:59:59.999999999+18:00",
      "+10000-01-01T00:00Z, +10000-01-01T00:00:00Z",
  })
  void timesKeepTheirOffsetAndAlwaysShowSeconds(String time, String written) {
    JsonWriter w = new JsonWriter(8);
    w.beginObject().member("t", OffsetDateTime.parse(time)).endObject();
    assertEquals("{\"t\":\"" + written + "\"}", w.toString());
    assertEquals(OffsetDateTime.parse(time), OffsetDateTime.parse(written));
  }

  private static String string(String text) {
    return new JsonWriter(4).value(text).toString();
  }
}
