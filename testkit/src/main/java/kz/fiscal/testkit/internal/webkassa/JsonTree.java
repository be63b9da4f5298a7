package kz.fiscal.testkit.internal.webkassa;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/**
 * Reads JSON into plain Java values and writes them back, with Moshi's streaming reader and writer so
 * that numbers are never doubles: a number is read as its literal into a {@link BigDecimal}, objects
 * become insertion-ordered maps, arrays lists, {@code null} stays {@code null}. Stateless.
 */
public final class JsonTree {
  private JsonTree() {}

  /** The JSON object in {@code text}, or empty when the text is not exactly one JSON object. */
  public static Optional<Map<String, Object>> parseObject(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) read(reader);
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? Optional.of(object) : Optional.empty();
    } catch (IOException | JsonDataException | NumberFormatException e) {
      // JsonEncodingException (malformed text) is an IOException.
      return Optional.empty();
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.containsKey(name)) {
            throw new JsonEncodingException("duplicate name " + name);
          }
          object.put(name, read(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY -> {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      }
      case NUMBER -> {
        return new BigDecimal(reader.nextString());
      }
      case STRING -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new JsonEncodingException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /**
   * Writes {@code value} (maps, lists, strings, booleans, {@code null}, {@code Integer}, {@code Long}
   * and {@link BigDecimal}, the latter always as plain decimal text) as compact JSON.
   */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name((String) e.getKey());
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object element : list) {
        write(writer, element);
      }
      writer.endArray();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      // Moshi writes Number.toString(), which may be exponent notation for a BigDecimal.
      writer.value(new PlainDecimal(d));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** A decimal whose text is {@link BigDecimal#toPlainString()}, never exponent notation. */
  private static final class PlainDecimal extends Number {
    private static final long serialVersionUID = 1L;
    private final BigDecimal value;

    PlainDecimal(BigDecimal value) {
      this.value = value;
    }

    @Override
    public int intValue() {
      return value.intValue();
    }

    @Override
    public long longValue() {
      return value.longValue();
    }

    @Override
    public float floatValue() {
      return value.floatValue();
    }

    @Override
    public double doubleValue() {
      return value.doubleValue();
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }
}
