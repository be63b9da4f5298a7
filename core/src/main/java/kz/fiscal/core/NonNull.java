package kz.fiscal.core;

import java.util.List;
import java.util.Objects;

/** Null checks whose {@link NullPointerException} names the parameter and, in a list, the element. */
final class NonNull {
  private NonNull() {}

  /**
   * An unmodifiable copy of {@code list}.
   *
   * @throws NullPointerException naming {@code name} when the list is null, or {@code name[i]} for a null element
   */
  static <T> List<T> copyOf(List<T> list, String name) {
    Objects.requireNonNull(list, name);
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
    }
    return List.copyOf(list);
  }
}
