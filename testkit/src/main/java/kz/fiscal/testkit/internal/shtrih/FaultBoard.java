package kz.fiscal.testkit.internal.shtrih;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kz.fiscal.testkit.RegistrarFault;

/** The armed faults and their trigger counts. Thread-safe: tests arm while the device runs. */
public final class FaultBoard {
  private static final class Armed {
    final RegistrarFault fault;
    int seen;
    int fired;

    Armed(RegistrarFault fault) {
      this.fault = fault;
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  public synchronized void arm(RegistrarFault fault) {
    armed.add(new Armed(fault));
  }

  public synchronized void clear() {
    armed.clear();
  }

  /**
   * Counts an intact frame with {@code command} against every armed fault and returns those that fire
   * on it, by kind (the first armed one wins when two of a kind fire together). Spent faults disarm.
   */
  synchronized Map<RegistrarFault.Kind, RegistrarFault> fire(int command) {
    Map<RegistrarFault.Kind, RegistrarFault> firing = new EnumMap<>(RegistrarFault.Kind.class);
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (a.fault.command().isPresent() && a.fault.command().getAsInt() != command) {
        continue;
      }
      if (++a.seen < a.fault.occurrence()) {
        continue;
      }
      firing.putIfAbsent(a.fault.kind(), a.fault);
      if (++a.fired == a.fault.times()) {
        it.remove();
      }
    }
    return firing;
  }
}
