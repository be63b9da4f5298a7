package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One cash register's state: shifts (at most one open, at most 24 h), the cash drawer, the keys it has
 * used, blocking and offline mode. Not thread-safe: guarded by the provider's lock.
 */
final class Cashbox {
  static final Duration SHIFT_LIMIT = Duration.ofHours(24);
  static final Duration OFFLINE_LIMIT = Duration.ofHours(72);

  final Settings.Register register;
  final List<Shift> shifts = new ArrayList<>();
  private final Set<String> usedKeys = new HashSet<>();
  BigDecimal drawer = CheckRules.zero();
  boolean blocked;
  Optional<Instant> offlineSince = Optional.empty();

  Cashbox(Settings.Register register) {
    this.register = register;
  }

  Optional<Shift> openShift() {
    return lastShift().filter(Shift::open);
  }

  Optional<Shift> lastShift() {
    return shifts.isEmpty() ? Optional.empty() : Optional.of(shifts.get(shifts.size() - 1));
  }

  Optional<Shift> shift(long number) {
    return shifts.stream().filter(s -> s.number == number).findFirst();
  }

  /** Refuses with code 11 when the open shift is older than 24 h: only a Z-report clears it. */
  void requireShiftUsable(Instant now) {
    Optional<Shift> open = openShift();
    if (open.isPresent() && Duration.between(open.get().openedAt, now).compareTo(SHIFT_LIMIT) > 0) {
      throw new ProviderError(11, "Продолжительность смены превысила 24 часа");
    }
  }

  /** Refuses with code 18 when the register has been offline longer than 72 h. */
  void requireOfflineAllowed(Instant now) {
    if (offlineSince.isPresent() && Duration.between(offlineSince.get(), now).compareTo(OFFLINE_LIMIT) > 0) {
      throw new ProviderError(18, "Касса находится в автономном режиме более 72 часов");
    }
  }

  /** The open shift, opening the next one at {@code now} when none is open. */
  Shift shiftFor(Instant now) {
    return openShift().orElseGet(() -> {
      Shift next = new Shift(lastShift().map(s -> s.number + 1).orElse(1L), now);
      shifts.add(next);
      return next;
    });
  }

  /** Marks {@code key} used; the caller checked {@link #keyUsed} first, under the same lock. */
  void useKey(String key) {
    usedKeys.add(key);
  }

  boolean keyUsed(String key) {
    return usedKeys.contains(key);
  }

  Stream<Shift.Entry> entries() {
    return shifts.stream().flatMap(s -> s.checks.stream());
  }
}
