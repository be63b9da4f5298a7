package kz.fiscal.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

  @Test
  void readsEveryKindOfValueInDocumentOrder() {
    Object value = JsonParser.parse(
        " {\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0410\\u00e9\",\"n\":-12.5e+3,\"z\":0,\"t\":true,\"f\":false,"
            + "\"null\":null,\"a\":[1,[],{}],\"o\":{\"k\":\"\"}}\r\n\t");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "a\"b\\c/d\b\f\n\r\tАé");
    expected.put("n", new JsonParser.Num("-12.5e+3"));
    expected.put("z", new JsonParser.Num("0"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("null", null);
    expected.put("a", List.of(new JsonParser.Num("1"), List.of(), Map.of()));
    expected.put("o", Map.of("k", ""));
    assertEquals(expected, value);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(((Map<?, ?>) value).keySet()));
  }

  @Test
  void loneSurrogateEscapesAreReadAsThoseChars() {
    assertEquals("\uD800x\uDFFF", JsonParser.parse("\"\\ud800x\\uDFFF\""));
    assertEquals("😀", JsonParser.parse("\"\\ud83d\\ude00\""));
  }

  @Test
  void rawNonAsciiTextIsReadAsIs() {
    assertEquals("«ёҚқҒ» 😀 \u2028", JsonParser.parse("\"«ёҚқҒ» 😀 \u2028\""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``|0|unexpected end of text, expected a value",
      "`   `|3|unexpected end of text, expected a value",
      "{|1|expected a member name, found end of text",
      "{\"a\"|4|expected ':', found end of text",
      "{\"a\":1,}|7|expected a member name, found '}'",
      "{\"a\":1 \"b\":2}|7|expected ',' or '}', found '\"'",
      "{'a':1}|1|expected a member name, found '''",
      "{\"a\":1,\"a\":2}|7|duplicate member 'a'",
      "[1,]|3|unexpected ']', expected a value",
      "[1 2]|3|expected ',' or ']', found '2'",
      "01|1|unexpected '1' after the value",
      "-|1|expected a digit",
      "1.|2|expected a digit after the decimal point",
      ".5|0|unexpected '.', expected a value",
      "1e|2|expected a digit in the exponent",
      "+1|0|unexpected '+', expected a value",
      "tru|0|unexpected 't', expected a value",
      "nul|0|unexpected 'n', expected a value",
      "NaN|0|unexpected 'N', expected a value",
      "\"abc|4|unterminated string",
      "\"a\\|3|unterminated string",
      "\"\\x\"|2|invalid escape '\\x'",
      "\"\\u12\"|5|expected 4 hex digits after \\u",
      "\"\\u12g4\"|5|expected 4 hex digits after \\u",
      "{}x|2|unexpected 'x' after the value",
      "{}{}|2|unexpected '{' after the value",
  })
  void malformedTextIsRefusedNamingThePosition(String text, int position, String problem) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(text));
    assertEquals("Malformed JSON at position " + position + ": " + problem, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"a\nb\"", "\"a\u0000b\"", "\"\u001f\"", "\uFEFF{}", "{}\u00a0", "\"\\u١٢٣٤\"", "[\"\\uＡＢＣＤ\"]"})
  void controlCharactersInStringsAndForeignWhitespaceOrDigitsAreRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(text));
  }

  @Test
  void nestingUpToTheLimitIsReadAndDeeperIsRefusedWithoutOverflowingTheStack() {
    int max = JsonParser.MAX_DEPTH;
    assertEquals(List.of(), unwrap(JsonParser.parse("[".repeat(max) + "]".repeat(max)), max - 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonParser.parse("[".repeat(max + 1) + "]".repeat(max + 1)));
    assertEquals("Malformed JSON at position " + max + ": nesting deeper than " + max, e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("[".repeat(1_000_000)));
    assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("{\"a\":".repeat(100_000)));
  }

  @Test
  void textsLongerThanTheLimitAreRefusedBeforeReading() {
    String tooLong = " ".repeat(JsonParser.MAX_LENGTH - 2) + "{}" + " ";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(tooLong));
    assertTrue(e.getMessage().startsWith("JSON text is too long: 4194305 characters"), e.getMessage());
    assertEquals(Map.of(), JsonParser.parse(tooLong.substring(1)));
  }

  @Test
  void nullIsJavaNull() {
    assertNull(JsonParser.parse("null"));
  }

  private static Object unwrap(Object value, int levels) {
    for (int i = 0; i < levels; i++) {
      value = ((List<?>) value).get(0);
    }
    return value;
  }
}
