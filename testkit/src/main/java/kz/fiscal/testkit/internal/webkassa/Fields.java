package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, validating access to one JSON object of a request; every mistake is a code 9 naming the field
 * by its path (e.g. {@code Positions[0].Price}). Amounts and counts must be JSON numbers, never strings.
 */
final class Fields {
  private final Map<String, Object> object;
  private final String path;

  Fields(Map<String, Object> object, String path) {
    this.object = object;
    this.path = path;
  }

  String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    return object.get(name) != null;
  }

  Optional<BigDecimal> optionalDecimal(String name) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    throw ProviderError.invalid(path(name), "must be a JSON number");
  }

  BigDecimal decimal(String name) {
    return optionalDecimal(name).orElseThrow(() -> ProviderError.invalid(path(name), "is required"));
  }

  /** An amount: at least zero, at most 2 decimals; absent means zero. */
  BigDecimal amount(String name) {
    BigDecimal value = optionalDecimal(name).orElse(BigDecimal.ZERO);
    requireScale(name, value, 2);
    if (value.signum() < 0) {
      throw ProviderError.invalid(path(name), "must not be negative, got " + value.toPlainString());
    }
    return value;
  }

  /** A required amount greater than zero with at most 2 decimals. */
  BigDecimal positiveAmount(String name) {
    BigDecimal value = decimal(name);
    requireScale(name, value, 2);
    if (value.signum() <= 0) {
      throw ProviderError.invalid(path(name), "must be greater than 0, got " + value.toPlainString());
    }
    return value;
  }

  void requireScale(String name, BigDecimal value, int decimals) {
    if (value.stripTrailingZeros().scale() > decimals) {
      throw ProviderError.invalid(path(name), "at most " + decimals + " decimals, got " + value.toPlainString());
    }
  }

  Optional<Integer> optionalInt(String name) {
    Optional<BigDecimal> value = optionalDecimal(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(value.get().intValueExact());
    } catch (ArithmeticException e) {
      throw ProviderError.invalid(path(name), "must be an integer, got " + value.get().toPlainString());
    }
  }

  int integer(String name) {
    return optionalInt(name).orElseThrow(() -> ProviderError.invalid(path(name), "is required"));
  }

  /** A required integer that is one of {@code allowed}. */
  int oneOf(String name, List<Integer> allowed) {
    int value = integer(name);
    if (!allowed.contains(value)) {
      throw ProviderError.invalid(path(name), "must be one of " + allowed + ", got " + value);
    }
    return value;
  }

  Optional<String> optionalString(String name, int maxLength) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw ProviderError.invalid(path(name), "must be a JSON string");
    }
    if (s.length() > maxLength) {
      throw ProviderError.invalid(path(name), "at most " + maxLength + " characters, got " + s.length());
    }
    return Optional.of(s);
  }

  String string(String name, int maxLength) {
    return optionalString(name, maxLength)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> ProviderError.invalid(path(name), "is required"));
  }

  Optional<Boolean> optionalBoolean(String name) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    throw ProviderError.invalid(path(name), "must be true or false");
  }

  /** The objects of an array field, each with its own path; absent means empty. */
  List<Fields> objects(String name) {
    List<Fields> objects = new ArrayList<>();
    List<?> elements = list(name);
    for (int i = 0; i < elements.size(); i++) {
      String at = path(name) + "[" + i + "]";
      if (!(elements.get(i) instanceof Map<?, ?> map)) {
        throw ProviderError.invalid(at, "must be a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      objects.add(new Fields(typed, at));
    }
    return objects;
  }

  /** The elements of an array field (which may hold nulls); absent means empty. */
  List<?> list(String name) {
    Object value = object.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw ProviderError.invalid(path(name), "must be a JSON array");
  }

  /** The nested object field, or empty when absent. */
  Optional<Fields> optionalObject(String name) {
    Object value = object.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      return Optional.of(new Fields(typed, path(name)));
    }
    throw ProviderError.invalid(path(name), "must be a JSON object");
  }
}
