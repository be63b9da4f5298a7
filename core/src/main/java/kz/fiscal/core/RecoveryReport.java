package kz.fiscal.core;

/**
 * What one {@code FiscalClient.recover()} pass did.
 *
 * @param examined pending records taken over
 * @param fiscalized of those, now fiscalized (found by lookup or sent)
 * @param failed of those, rejected by the register
 * @param stillPending of those, still requested or in doubt (the register or lookup still failing)
 * @param needPerson of those, found to collide with another receipt's check under their key: left in
 *     doubt for a person, and never taken over again
 * @param unreadable records the journal could not read (each logged with its key), skipped
 */
public record RecoveryReport(int examined, int fiscalized, int failed, int stillPending, int needPerson,
    int unreadable) {

  /** A pass that met no collision and no unreadable record. */
  public RecoveryReport(int examined, int fiscalized, int failed, int stillPending) {
    this(examined, fiscalized, failed, stillPending, 0, 0);
  }
}
