/**
 * The receipt journal: the durable record of every fiscalization and its transitions, written before
 * the SDK acts, and the audit trail for inspections. {@link kz.fiscal.core.journal.ReceiptJournal} is the
 * SPI; {@link kz.fiscal.core.journal.InMemoryReceiptJournal} serves tests.
 */
package kz.fiscal.core.journal;
