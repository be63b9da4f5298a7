package kz.fiscal.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.journal.JournalException;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.Pending;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;

/**
 * One {@code recover()} pass: walks the pending records page by page (a keyset cursor, so a large
 * backlog is read once), works each register's records in journal order on a thread of its own (one
 * talker per register), and leaves a register for the rest of the pass once it keeps failing. Not
 * thread-safe; one instance per pass.
 */
final class Recovery {
  private static final System.Logger LOG = System.getLogger(FiscalClient.class.getName());
  static final int PAGE = 100;
  /** Outcomes in a row that leave a register's record pending before the pass stops working it. */
  static final int FAILURES_BEFORE_GIVING_UP = 3;

  private final ClientContext context;
  private final ReceiptJournal journal;
  private final Registers registers;
  private final Set<RegisterId> givenUp = ConcurrentHashMap.newKeySet();
  private final AtomicInteger fiscalized = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger needPerson = new AtomicInteger();
  private final AtomicInteger unreadable = new AtomicInteger();
  private final AtomicInteger notHere = new AtomicInteger();
  private final AtomicInteger deferred = new AtomicInteger();

  Recovery(ClientContext context) {
    this.context = context;
    this.journal = context.journal;
    this.registers = context.registers;
  }

  RecoveryReport run() {
    long position = 0;
    while (true) {
      List<Pending> page = journal.recoverable(position, PAGE);
      if (page.isEmpty()) {
        break;
      }
      position = page.get(page.size() - 1).position();
      work(byRegister(page));
    }
    return new RecoveryReport(fiscalized.get() + failed.get() + pending.get() + needPerson.get(), fiscalized.get(),
        failed.get(), pending.get(), needPerson.get(), unreadable.get(), notHere.get(), deferred.get());
  }

  /** The page's records by the register each is worked at; those this client cannot work are counted. */
  private Map<RegisterId, List<Pending>> byRegister(List<Pending> page) {
    Map<RegisterId, List<Pending>> groups = new LinkedHashMap<>();
    for (Pending p : page) {
      Optional<RegisterId> register = p.register().isPresent() ? p.register().filter(registers.ids()::contains)
          : registers.ids().size() == 1 ? Optional.of(registers.ids().iterator().next()) : Optional.empty();
      if (register.isEmpty() && p.register().isEmpty()) {
        // Unbound with several registers: never sent (routed when worked) or old (a person's); the claim tells.
        groups.computeIfAbsent(null, r -> new ArrayList<>()).add(p);
      } else if (register.isEmpty()) {
        notHere.incrementAndGet();
      } else {
        groups.computeIfAbsent(register.get(), r -> new ArrayList<>()).add(p);
      }
    }
    return groups;
  }

  private void work(Map<RegisterId, List<Pending>> groups) {
    if (groups.isEmpty()) {
      return;
    }
    if (groups.size() == 1) {
      Map.Entry<RegisterId, List<Pending>> only = groups.entrySet().iterator().next();
      work(only.getKey(), only.getValue());
      return;
    }
    ExecutorService threads = Executors.newFixedThreadPool(groups.size(), runnable -> {
      Thread thread = new Thread(runnable, "fiscal-recovery");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      groups.forEach((register, records) -> running.add(threads.submit(() -> work(register, records))));
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Recovery failed unexpectedly", e.getCause());
    } finally {
      threads.shutdown();
    }
  }

  /** One register's records in order; {@code register} is null for unbound records routed one by one. */
  private void work(RegisterId register, List<Pending> records) {
    int failuresInARow = 0;
    for (Pending p : records) {
      if (register != null && givenUp.contains(register)) {
        deferred.incrementAndGet();
        continue;
      }
      Outcome outcome = work(p);
      failuresInARow = outcome == Outcome.STILL_PENDING ? failuresInARow + 1 : 0;
      if (register != null && failuresInARow >= FAILURES_BEFORE_GIVING_UP && givenUp.add(register)) {
        LOG.log(System.Logger.Level.WARNING, "Recovery leaves register {0} for this pass: {1} records in a row"
            + " are still pending", register, failuresInARow);
      }
    }
  }

  private enum Outcome { DONE, STILL_PENDING, SKIPPED }

  private Outcome work(Pending p) {
    String owner = context.newOwner();
    Optional<ReceiptRecord> claimed;
    try {
      claimed = journal.claim(p.key(), owner, context.lease);
    } catch (JournalException e) {
      // One unreadable record must not stop the recovery of every other paid order.
      LOG.log(System.Logger.Level.ERROR, "Recovery skips " + p.key().value() + ": " + e.getMessage(), e);
      unreadable.incrementAndGet();
      return Outcome.SKIPPED;
    }
    if (claimed.isEmpty()) {
      return Outcome.SKIPPED;
    }
    if (!claimed.get().status().isPending()) {
      context.release(p.key(), owner); // another worker finished it since the page was read
      return Outcome.SKIPPED;
    }
    if (registers.home(claimed.get()).isEmpty() && !Registers.neverSent(claimed.get())) {
      context.release(p.key(), owner);
      notHere.incrementAndGet();
      return Outcome.SKIPPED;
    }
    try {
      Fiscalization.claimed(context, claimed.get(), owner).run();
      fiscalized.incrementAndGet();
      return Outcome.DONE;
    } catch (ReceiptRejectedException | InvalidReceiptException e) {
      failed.incrementAndGet();
      return Outcome.DONE;
    } catch (OutcomeUnknownException e) {
      if (e.reason() == OutcomeUnknownException.Reason.KEY_COLLISION) {
        needPerson.incrementAndGet();
        return Outcome.DONE;
      }
      pending.incrementAndGet();
      return Outcome.STILL_PENDING;
    } catch (FiscalException e) {
      pending.incrementAndGet();
      return Outcome.STILL_PENDING;
    }
  }
}
