package kz.fiscal.core;

/**
 * What one {@code FiscalClient.recover()} pass did.
 *
 * @param examined pending records taken over
 * @param fiscalized of those, now fiscalized (found by lookup or sent)
 * @param failed of those, rejected by the register
 * @param stillPending of those, still requested or in doubt (the register or lookup still failing)
 */
public record RecoveryReport(int examined, int fiscalized, int failed, int stillPending) {}
