package kz.fiscal.testkit.internal.webkassa;

import java.util.HashMap;
import java.util.Map;

/** Counts the requests in flight per cashbox and remembers the most ever at once. Thread-safe. */
final class InFlight {
  private final Map<String, Integer> now = new HashMap<>();
  private final Map<String, Integer> max = new HashMap<>();

  synchronized void begin(String cashbox) {
    int count = now.merge(cashbox, 1, Integer::sum);
    max.merge(cashbox, count, Math::max);
  }

  synchronized void end(String cashbox) {
    now.merge(cashbox, -1, Integer::sum);
  }

  synchronized int max(String cashbox) {
    return max.getOrDefault(cashbox, 0);
  }
}
