/**
 * Test doubles and the conformance suite that let shops and driver authors test without a real cash
 * register: {@link kz.fiscal.testkit.RecordingFiscalDriver} with scripted faults and a ledger, and
 * {@link kz.fiscal.testkit.FiscalDriverContract}, the JUnit 5 suite every driver passes.
 */
package kz.fiscal.testkit;
