package kz.fiscal.core.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes compact JSON (no whitespace) into a growing char buffer: objects, arrays, strings, integers
 * and booleans, separators placed automatically. Strings are escaped so that the text is valid UTF-16
 * with no control character: quotes, backslashes, control characters and lone surrogates become
 * escapes, every other character (Cyrillic, emoji as surrogate pairs) is written as-is. The caller is
 * responsible for well-formed nesting. Not thread-safe; one writer per text.
 */
final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private char[] buf;
  private int pos;
  /** Whether the next member or element needs a comma before it. */
  private boolean comma;

  JsonWriter(int capacity) {
    buf = new char[capacity];
  }

  JsonWriter beginObject() {
    separate();
    put('{');
    comma = false;
    return this;
  }

  JsonWriter endObject() {
    put('}');
    comma = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    put('[');
    comma = false;
    return this;
  }

  JsonWriter endArray() {
    put(']');
    comma = true;
    return this;
  }

  /** Writes a member name, which must need no escaping (the codec's names are ASCII letters); its value must follow. */
  JsonWriter name(String name) {
    separate();
    put('"');
    put(name);
    put('"');
    put(':');
    comma = false;
    return this;
  }

  JsonWriter value(String value) {
    separate();
    quote(value);
    comma = true;
    return this;
  }

  JsonWriter value(long value) {
    separate();
    put(Long.toString(value));
    comma = true;
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    put(value ? "true" : "false");
    comma = true;
    return this;
  }

  JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  /** Writes an enum constant by its name. */
  JsonWriter member(String name, Enum<?> value) {
    return verbatim(name, value.name());
  }

  /**
   * Writes a string that needs no escaping without looking at it: digits, decimals, enum names. The
   * caller vouches for the text; anything else must go through {@link #member(String, String)}.
   */
  JsonWriter verbatim(String name, String safe) {
    name(name);
    put('"');
    put(safe);
    put('"');
    comma = true;
    return this;
  }

  JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  JsonWriter member(String name, boolean value) {
    return name(name).value(value);
  }

  /** Writes the member when the value is present, nothing when it is absent. */
  JsonWriter member(String name, Optional<String> value) {
    return value.isPresent() ? name(name).value(value.get()) : this;
  }

  /**
   * Writes a time as ISO-8601 with its own offset, seconds always present and the fraction only when
   * non-zero, e.g. {@code 2026-03-01T09:30:00+05:00} or {@code 2026-03-01T09:30:00.5-03:30}.
   */
  JsonWriter member(String name, OffsetDateTime time) {
    return verbatim(name, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
  }

  int length() {
    return pos;
  }

  @Override
  public String toString() {
    return new String(buf, 0, pos);
  }

  private void separate() {
    if (comma) {
      put(',');
    }
  }

  private void put(char c) {
    ensure(1);
    buf[pos++] = c;
  }

  private void put(String s) {
    put(s, 0, s.length());
  }

  private void put(String s, int from, int to) {
    ensure(to - from);
    s.getChars(from, to, buf, pos);
    pos += to - from;
  }

  private void ensure(int more) {
    if (buf.length - pos < more) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  private void quote(String text) {
    put('"');
    int n = text.length();
    int i = 0;
    while (i < n && plain(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      put(text); // the usual case: one bulk copy
      put('"');
      return;
    }
    put(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (plain(c)) {
        put(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        put(c); // a well-formed pair is written as-is
        put(text.charAt(++i));
      } else {
        escape(c); // quotes, backslashes, control characters and lone surrogates
      }
    }
    put('"');
  }

  /** Whether {@code c} is written as-is without looking at its neighbours. */
  private static boolean plain(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
  }

  private void escape(char c) {
    switch (c) {
      case '"' -> put("\\\"");
      case '\\' -> put("\\\\");
      case '\n' -> put("\\n");
      case '\r' -> put("\\r");
      case '\t' -> put("\\t");
      case '\b' -> put("\\b");
      case '\f' -> put("\\f");
      default -> {
        put("\\u");
        put(HEX[c >> 12]);
        put(HEX[(c >> 8) & 0xF]);
        put(HEX[(c >> 4) & 0xF]);
        put(HEX[c & 0xF]);
      }
    }
  }
}
