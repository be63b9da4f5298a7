package kz.fiscal.core;

/**
 * What one {@code FiscalClient.recover()} pass did.
 *
 * @param examined pending records taken over and worked
 * @param fiscalized of those, now fiscalized (found by lookup or sent)
 * @param failed of those, rejected by the register (or refused unsent: a VAT rate left force)
 * @param stillPending of those, still requested or in doubt (the register or lookup still failing)
 * @param needPerson of those, found to collide with another receipt's check under their key: left in
 *     doubt for a person, and never taken over again
 * @param unreadable records the journal could not read (each logged with its key), skipped
 * @param notHere records left alone: bound to a register this client does not drive, or sent before
 *     registers were recorded while this client drives several ({@code backlog()} lists them)
 * @param deferred records of a register that kept failing in this pass, left for the next one
 */
public record RecoveryReport(int examined, int fiscalized, int failed, int stillPending, int needPerson,
    int unreadable, int notHere, int deferred) {

  /** A pass that met no collision, no unreadable record, nothing it could not work and no failing register. */
  public RecoveryReport(int examined, int fiscalized, int failed, int stillPending) {
    this(examined, fiscalized, failed, stillPending, 0, 0, 0, 0);
  }
}
