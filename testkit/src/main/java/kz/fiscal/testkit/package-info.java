/**
 * Test doubles and the conformance suite that let shops and driver authors test without a real cash
 * register: {@link kz.fiscal.testkit.RecordingFiscalDriver} with scripted faults and a ledger,
 * {@link kz.fiscal.testkit.FiscalDriverContract}, the JUnit 5 suite every driver passes, and
 * {@link kz.fiscal.testkit.FakeWebkassa}, an in-process Webkassa speaking the provider's JSON with a ledger
 * and injectable faults. {@code kz.fiscal.testkit.internal…} is not API.
 */
package kz.fiscal.testkit;
