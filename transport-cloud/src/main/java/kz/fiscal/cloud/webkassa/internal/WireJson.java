package kz.fiscal.cloud.webkassa.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes {@link Wire} shapes. Amounts and counts are exact: written as JSON numbers in plain
 * notation and read from the number's own digits, never through {@code double}. Thread-safe.
 */
public final class WireJson {
  /** {@code /check} requests, written by hand ({@link CheckRequestAdapter}); read by the record adapter. */
  private static final JsonAdapter.Factory CHECK_REQUEST = new JsonAdapter.Factory() {
    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
      if (type != Wire.CheckRequest.class || !annotations.isEmpty()) {
        return null;
      }
      return new CheckRequestAdapter(moshi.nextAdapter(this, type, annotations));
    }
  };
  private final Moshi moshi = new Moshi.Builder()
      .add(BigDecimal.class, new ExactDecimalAdapter().nullSafe())
      .add(Wire.PaymentCode.class, new CodedEnumAdapter<>(Wire.PaymentCode.class, Wire.PaymentCode.UNKNOWN).nullSafe())
      .add(Wire.OperationCode.class,
          new CodedEnumAdapter<>(Wire.OperationCode.class, Wire.OperationCode.UNKNOWN).nullSafe())
      .add(CHECK_REQUEST)
      .build();
  private final Map<Class<?>, JsonAdapter<Wire.Envelope<?>>> envelopes = new ConcurrentHashMap<>();

  /** The request's JSON. */
  public String write(Object request) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(request.getClass());
    return adapter.toJson(request);
  }

  /**
   * Reads an answer whose {@code Data} has type {@code dataType}.
   *
   * @throws IOException if the body is not JSON of that shape
   */
  @SuppressWarnings("unchecked")
  public <D> Wire.Envelope<D> read(String body, Class<D> dataType) throws IOException {
    JsonAdapter<Wire.Envelope<?>> adapter = envelopes.computeIfAbsent(dataType, type -> {
      Type envelope = Types.newParameterizedTypeWithOwner(Wire.class, Wire.Envelope.class, type);
      return moshi.adapter(envelope);
    });
    try {
      Wire.Envelope<?> envelope = adapter.fromJson(body);
      if (envelope == null) {
        throw new IOException("The answer is JSON null");
      }
      return (Wire.Envelope<D>) envelope;
    } catch (JsonDataException | NumberFormatException e) {
      throw new IOException("The answer does not have the expected shape: " + e.getMessage(), e);
    }
  }

  /** {@code value} as a JSON number is written: without an exponent ({@code 1E+3} as {@code 1000}). */
  static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /** Exact decimals: the provider's digits in, plain notation out. */
  private static final class ExactDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(plain(value));
    }
  }

  /** Numbered enums; an unknown number reads as {@code fallback} rather than failing the whole answer. */
  private static final class CodedEnumAdapter<E extends Enum<E> & Wire.Coded> extends JsonAdapter<E> {
    private final E[] constants;
    private final E fallback;

    CodedEnumAdapter(Class<E> type, E fallback) {
      this.constants = type.getEnumConstants();
      this.fallback = fallback;
    }

    @Override
    public E fromJson(JsonReader reader) throws IOException {
      int code = reader.nextInt();
      for (E constant : constants) {
        if (constant.code() == code && constant != fallback) {
          return constant;
        }
      }
      return fallback;
    }

    @Override
    public void toJson(JsonWriter writer, E value) throws IOException {
      writer.value(value.code());
    }
  }
}
