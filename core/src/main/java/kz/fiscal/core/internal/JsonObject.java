package kz.fiscal.core.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed, strict access to the members of one parsed JSON object, every failure an
 * {@link IllegalArgumentException} that names the member's path (e.g. {@code receipt.items[2].vat}).
 * A {@code null} member counts as absent. {@link #finish} refuses members nobody read. Not
 * thread-safe.
 */
final class JsonObject {
  /** The most characters of a decimal read (and written): 10,000 digits parse in well under a millisecond. */
  static final int MAX_DECIMAL = 10_000;

  private final String path;
  /** The members not read yet. */
  private final Map<String, Object> members;

  private JsonObject(String path, Map<String, Object> members) {
    this.path = path;
    this.members = members;
  }

  /** The object {@code json} holds, its members' paths starting with {@code root}. */
  static JsonObject parse(String json, String root) {
    return of(root, JsonParser.parse(Objects.requireNonNull(json, "json")));
  }

  String string(String name) {
    return cast(name, required(name), String.class, "a string");
  }

  /** A string member converted by {@code parse}, whose refusals are reported under the member's path. */
  <T> T string(String name, Function<String, T> parse) {
    return convert(name, string(name), parse);
  }

  Optional<String> optionalString(String name) {
    Object value = optional(name);
    return value == null ? Optional.empty() : Optional.of(cast(name, value, String.class, "a string"));
  }

  <T> Optional<T> optionalString(String name, Function<String, T> parse) {
    Optional<String> text = optionalString(name);
    return text.isEmpty() ? Optional.empty() : Optional.of(convert(name, text.get(), parse));
  }

  boolean bool(String name) {
    return cast(name, required(name), Boolean.class, "true or false");
  }

  /** An integer member within {@code [min, max]}, written as a JSON number without fraction or exponent. */
  long integer(String name, long min, long max) {
    String text = cast(name, required(name), JsonParser.Num.class, "an integer").text();
    long value;
    try {
      if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0 || text.length() > 20) {
        throw new NumberFormatException();
      }
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(name, "expected an integer, was " + shorten(text));
    }
    if (value < min || value > max) {
      throw error(name, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /**
   * A decimal written as a string of ASCII digits with an optional fraction ({@code "1250.50"}), no sign
   * or exponent, converted by {@code parse} (whose refusals are reported under this member's path). Up
   * to {@link #MAX_DECIMAL} digits are read: the journal reads back every amount it wrote.
   */
  <T> T decimal(String name, Function<BigDecimal, T> parse) {
    String text = string(name);
    int dot = text.indexOf('.');
    boolean plain = !text.isEmpty() && text.length() <= MAX_DECIMAL && dot != 0 && dot != text.length() - 1;
    for (int i = 0; plain && i < text.length(); i++) {
      char c = text.charAt(i);
      plain = (c >= '0' && c <= '9') || i == dot;
    }
    if (!plain) {
      throw error(name, "expected a plain decimal such as \"1250.50\", was \"" + shorten(text) + '"');
    }
    return convert(name, text, t -> parse.apply(new BigDecimal(t)));
  }

  /** An enum constant written by its name, one of {@code constants} (the enum's {@code values()}). */
  <E extends Enum<E>> E enumeration(String name, E[] constants) {
    String text = string(name);
    for (E constant : constants) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw error(name, "unknown " + constants[0].getDeclaringClass().getSimpleName() + " '" + shorten(text)
        + "', expected one of " + Arrays.toString(constants));
  }

  /** A time written as ISO-8601 with its offset; the offset is kept. */
  OffsetDateTime time(String name) {
    return string(name, JsonObject::parseTime);
  }

  Optional<OffsetDateTime> optionalTime(String name) {
    return optionalString(name, JsonObject::parseTime);
  }

  JsonObject object(String name) {
    return of(path + '.' + name, required(name));
  }

  Optional<JsonObject> optionalObject(String name) {
    Object value = optional(name);
    return value == null ? Optional.empty() : Optional.of(of(path + '.' + name, value));
  }

  /** The objects of an array member, each passed to {@code read}. */
  <T> List<T> objects(String name, Function<JsonObject, T> read) {
    List<?> elements = cast(name, required(name), List.class, "an array");
    List<T> values = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      values.add(read.apply(of(path + '.' + name + '[' + i + ']', elements.get(i))));
    }
    return values;
  }

  List<String> strings(String name) {
    List<?> elements = cast(name, required(name), List.class, "an array");
    List<String> values = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      values.add(cast(name + '[' + i + ']', elements.get(i), String.class, "a string"));
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * Checks that every member was read, then builds the value; a refusal by the value's constructor is
   * reported under this object's path.
   */
  <T> T finish(Supplier<T> build) {
    if (!members.isEmpty()) {
      throw error(members.keySet().iterator().next(), "unknown member");
    }
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  IllegalArgumentException error(String name, String problem) {
    return new IllegalArgumentException(path + '.' + name + ": " + problem);
  }

  private static JsonObject of(String path, Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(path + ": expected an object, was " + kind(value));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> members = (Map<String, Object>) value;
    return new JsonObject(path, members);
  }

  private Object required(String name) {
    boolean present = members.containsKey(name);
    Object value = members.remove(name);
    if (value == null) {
      throw error(name, present ? "must not be null" : "missing");
    }
    return value;
  }

  private Object optional(String name) {
    return members.remove(name);
  }

  private <T> T cast(String name, Object value, Class<T> type, String expected) {
    if (!type.isInstance(value)) {
      throw error(name, "expected " + expected + ", was " + kind(value));
    }
    return type.cast(value);
  }

  private <T> T convert(String name, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IllegalArgumentException(path + '.' + name + ": " + e.getMessage(), e);
    }
  }

  private static OffsetDateTime parseTime(String text) {
    if (text.length() > 64) {
      throw new IllegalArgumentException("expected an ISO-8601 date-time with offset, was \"" + shorten(text) + '"');
    }
    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String kind(Object value) {
    if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof JsonParser.Num) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return "null";
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
