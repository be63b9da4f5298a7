package kz.fiscal.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.internal.InProcessRegisterLock;
import kz.fiscal.core.internal.JdbcRegisterLock;

/**
 * Who may talk to a register now: at most one holder per {@link RegisterId} at a time, so that the
 * requests of several threads, or of several processes sharing a database, reach one register one at a
 * time. A hold carries a fencing epoch that grows with every acquisition, and a lease after which
 * another holder may take the register over; a holder checks {@link Held#requireHeld} before each
 * request it sends. Implementations are thread-safe.
 */
public interface RegisterLock {

  /**
   * A register held by the caller. Close it to release the register; closing twice, or after the hold
   * was lost, does nothing.
   */
  interface Held extends AutoCloseable {
    /** The held register. */
    RegisterId register();

    /** The fencing epoch of this hold: larger than that of every earlier hold of the register. */
    long epoch();

    /**
     * Proves that this hold still stands, with at least {@code margin} of its lease left (and may
     * extend the lease). Call it before each request sent to the register.
     *
     * @throws DeliveryFailedException if the hold was lost or released, its lease has less than
     *     {@code margin} left, or the proof could not be made (nothing may be sent then)
     */
    void requireHeld(Duration margin) throws DeliveryFailedException;

    /** Releases the register; never throws (a release that fails leaves the lease to run out). */
    @Override
    void close();
  }

  /**
   * Holds {@code register}, waiting for the holder before at most until {@code deadline}.
   *
   * @throws DeliveryFailedException if the register stayed held by another until the deadline, the
   *     thread was interrupted, or the lock's store failed: nothing was sent
   */
  Held acquire(RegisterId register, Instant deadline) throws DeliveryFailedException;

  /**
   * How long a hold lasts without {@link Held#requireHeld} before another holder may take the register
   * over; {@link #UNBOUNDED} when holds are never taken over (in-process).
   */
  Duration lease();

  /** The lease of a lock whose holds are never taken over. */
  Duration UNBOUNDED = Duration.ofSeconds(Long.MAX_VALUE);

  /** A lock among the threads of this process only: share one instance per set of registers. */
  static RegisterLock inProcess() {
    return new InProcessRegisterLock();
  }

  /**
   * A lock shared by every process using {@code dataSource} (PostgreSQL for several processes; the
   * journal's database): one row per register in {@code fiscal_register_lock}, created if absent, with
   * the holder, its lease on the database's clock and a fencing epoch that grows on every acquisition.
   * A process that stops (crash, pause) loses the register once {@code lease} has passed. Threads of
   * this process queue in memory before they poll the database.
   *
   * @param node names this process in the lock's rows (for people reading them); must be non-blank
   * @param lease at least 1 second; make it at least three times a driver's call timeout
   * @throws IllegalArgumentException if {@code node} is blank or {@code lease} shorter than 1 second
   */
  static RegisterLock jdbc(DataSource dataSource, String node, Duration lease) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (Objects.requireNonNull(node, "node").isBlank()) {
      throw new IllegalArgumentException("node must not be blank");
    }
    if (Objects.requireNonNull(lease, "lease").compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("lease must be at least 1 s, was " + lease);
    }
    return new JdbcRegisterLock(dataSource, node, lease);
  }
}
