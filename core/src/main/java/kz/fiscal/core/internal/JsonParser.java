package kz.fiscal.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict recursive-descent reader of one JSON text (RFC 8259) into a tree: objects become
 * {@link Map}s in document order, arrays {@link List}s, strings {@link String}s, numbers {@link Num}s
 * (their text, validated but not converted), {@code true}/{@code false} {@link Boolean}s and
 * {@code null} Java {@code null}.
 *
 * <p>Everything else throws {@link IllegalArgumentException} naming the position: texts longer than
 * {@link #MAX_LENGTH} characters, nesting deeper than {@link #MAX_DEPTH}, duplicate member names,
 * raw control characters in strings, bad escapes, leading zeros and trailing content. A lone surrogate
 * escape (backslash-u D800) is read as that char, so any Java string round-trips. Not thread-safe; one
 * parser per text (use {@link #parse(String)}).
 */
final class JsonParser {
  /** The longest text read: 4 MiB characters, far above any receipt, far below a heap problem. */
  static final int MAX_LENGTH = 4 << 20;
  /** The deepest nesting of objects and arrays read. */
  static final int MAX_DEPTH = 32;

  /** A JSON number, kept as its text. */
  record Num(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException if the text is not one well-formed JSON value within the limits
   */
  static Object parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "JSON text is too long: " + text.length() + " characters, at most " + MAX_LENGTH + " are read");
    }
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected " + parser.describe() + " after the value");
    }
    return value;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw error("unexpected end of text, expected a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected " + describe() + ", expected a value");
      }
    };
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name, found " + describe());
      }
      int at = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value();
      if (members.containsKey(name)) {
        pos = at;
        throw error("duplicate member '" + name + "'");
      }
      members.put(name, value);
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == '}') {
        depth--;
        return members;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}', found " + describe());
      }
    }
  }

  private List<Object> array() {
    enter();
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return elements;
    }
    while (true) {
      skipWhitespace();
      elements.add(value());
      skipWhitespace();
      char c = peek();
      pos++;
      if (c == ']') {
        depth--;
        return elements;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']', found " + describe());
      }
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    pos++;
  }

  private String string() {
    pos++; // the opening quote
    int n = text.length();
    int start = pos;
    StringBuilder b = null;
    while (pos < n) {
      char c = text.charAt(pos);
      if (c == '"') {
        String s = b == null ? text.substring(start, pos) : b.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("control character U+" + hex(c) + " in a string must be escaped");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (b == null) {
        b = new StringBuilder(pos - start + 16);
      }
      b.append(text, start, pos);
      pos++;
      b.append(escaped());
      start = pos;
    }
    throw error("unterminated string");
  }

  private char escaped() {
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw error("invalid escape '\\" + c + "'");
      }
    };
  }

  /** The char that four hex digits after backslash-u stand for; a lone surrogate is returned as it is. */
  private char unicodeEscape() {
    int code = 0;
    for (int i = 0; i < 4; i++, pos++) {
      int digit = pos < text.length() ? hexDigit(text.charAt(pos)) : -1;
      if (digit < 0) {
        throw error("expected 4 hex digits after \\u");
      }
      code = code << 4 | digit;
    }
    return (char) code;
  }

  private Num number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (!digits()) {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!digits()) {
        throw error("expected a digit after the decimal point");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        throw error("expected a digit in the exponent");
      }
    }
    return new Num(text.substring(start, pos));
  }

  /** Skips ASCII digits; whether there was one. */
  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describe() + ", expected a value");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "', found " + describe());
    }
    pos++;
  }

  /** The current char, or U+FFFF at the end (never valid where a structural char is expected). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uFFFF';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private String describe() {
    char c = peek();
    return pos >= text.length() ? "end of text" : c >= 0x20 && c < 0x7F ? "'" + c + "'" : "U+" + hex(c);
  }

  /** The value of an ASCII hex digit, -1 for anything else (Character.digit would take any script's digits). */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("Malformed JSON at position " + pos + ": " + problem);
  }
}
