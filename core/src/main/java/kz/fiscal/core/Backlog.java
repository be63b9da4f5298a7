package kz.fiscal.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptQuery;
import kz.fiscal.core.journal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptStatus;

/**
 * What waits, for operations: per register, oldest first, the records still to send, those in doubt
 * and those that need a person; and the records no register of the client can take. Immutable.
 *
 * @param registers what waits at each register of the client, in the order configured
 * @param unrouted never-sent records not yet bound to a register (the next send routes them)
 * @param unroutable records this client cannot work: sent before registers were recorded while it
 *     drives several, or bound to a register it does not drive — a person must say where they belong
 */
public record Backlog(Map<RegisterId, Waiting> registers, List<ReceiptRecord> unrouted,
    List<ReceiptRecord> unroutable) {

  /**
   * What waits at one register, each list oldest first.
   *
   * @param pending requested or sent, not yet fiscalized
   * @param inDoubt in doubt, to be resolved by lookup
   * @param needPerson in doubt over a key collision: only a person can settle them
   */
  public record Waiting(List<ReceiptRecord> pending, List<ReceiptRecord> inDoubt, List<ReceiptRecord> needPerson) {
    public Waiting {
      pending = List.copyOf(pending);
      inDoubt = List.copyOf(inDoubt);
      needPerson = List.copyOf(needPerson);
    }

    /** Whether nothing waits. */
    public boolean isEmpty() {
      return pending.isEmpty() && inDoubt.isEmpty() && needPerson.isEmpty();
    }
  }

  public Backlog {
    registers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registers));
    unrouted = List.copyOf(unrouted);
    unroutable = List.copyOf(unroutable);
  }

  /** Whether nothing waits anywhere. */
  public boolean isEmpty() {
    return unrouted.isEmpty() && unroutable.isEmpty() && registers.values().stream().allMatch(Waiting::isEmpty);
  }

  /** Reads the journal's pending records into a backlog for {@code ids}, at most {@code limit} per list. */
  static Backlog read(ReceiptJournal journal, Collection<RegisterId> ids, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    Map<RegisterId, List<List<ReceiptRecord>>> lists = new LinkedHashMap<>();
    ids.forEach(id -> lists.put(id, List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
    List<ReceiptRecord> unrouted = new ArrayList<>();
    List<ReceiptRecord> unroutable = new ArrayList<>();
    for (ReceiptStatus status : List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT)) {
      journal.forEach(ReceiptQuery.byStatus(status), record -> {
        Optional<RegisterId> home = record.register().isPresent() ? record.register()
            : ids.size() == 1 && !Registers.neverSent(record) ? Optional.of(ids.iterator().next()) : Optional.empty();
        if (home.isEmpty()) {
          add(Registers.neverSent(record) ? unrouted : unroutable, record, limit);
        } else if (!lists.containsKey(home.get())) {
          add(unroutable, record, limit);
        } else {
          int kind = record.needsPerson() ? 2 : status == ReceiptStatus.IN_DOUBT ? 1 : 0;
          add(lists.get(home.get()).get(kind), record, limit);
        }
      });
    }
    Map<RegisterId, Waiting> registers = new LinkedHashMap<>();
    lists.forEach((id, l) -> registers.put(id, new Waiting(oldestFirst(l.get(0)), oldestFirst(l.get(1)), oldestFirst(l.get(2)))));
    return new Backlog(registers, oldestFirst(unrouted), oldestFirst(unroutable));
  }

  private static void add(List<ReceiptRecord> list, ReceiptRecord record, int limit) {
    if (list.size() < limit) {
      list.add(Objects.requireNonNull(record));
    }
  }

  private static List<ReceiptRecord> oldestFirst(List<ReceiptRecord> records) {
    records.sort(Comparator.comparing(ReceiptRecord::createdAt));
    return records;
  }
}
