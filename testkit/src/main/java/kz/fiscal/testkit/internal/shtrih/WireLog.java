package kz.fiscal.testkit.internal.shtrih;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kz.fiscal.testkit.VirtualRegistrar.Direction;
import kz.fiscal.testkit.VirtualRegistrar.WireEntry;

/**
 * Every byte in and out, in the order the device handled it, grouped as the device saw it: one entry
 * per control byte, per frame (or broken-off frame) received, and per transmission. Thread-safe.
 */
public final class WireLog {
  private final Clock clock;
  private final List<WireEntry> entries = new ArrayList<>();

  public WireLog(Clock clock) {
    this.clock = clock;
  }

  synchronized void add(Direction direction, byte[] bytes) {
    entries.add(new WireEntry(clock.instant(), direction, bytes));
  }

  public synchronized List<WireEntry> entries() {
    return List.copyOf(entries);
  }
}
