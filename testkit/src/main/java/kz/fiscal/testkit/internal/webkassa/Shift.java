package kz.fiscal.testkit.internal.webkassa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.testkit.WebkassaCheck;

/** One shift of a cashbox: its checks in order. Guarded by the provider's lock. */
final class Shift {
  /** A committed check with what the provider derived from it. */
  record Entry(WebkassaCheck check, CheckContent content, boolean cashboxOffline) {}

  final long number;
  final Instant openedAt;
  private Instant closedAt;
  final List<Entry> checks = new ArrayList<>();

  Shift(long number, Instant openedAt) {
    this.number = number;
    this.openedAt = openedAt;
  }

  boolean open() {
    return closedAt == null;
  }

  Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  void close(Instant at) {
    closedAt = at;
  }
}
