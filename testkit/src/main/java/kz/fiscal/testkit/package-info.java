/**
 * Test doubles and the conformance suite that let shops and driver authors test without a real cash
 * register: {@link kz.fiscal.testkit.RecordingFiscalDriver} with scripted faults and a ledger,
 * {@link kz.fiscal.testkit.FiscalDriverContract}, the JUnit 5 suite every driver passes,
 * {@link kz.fiscal.testkit.FakeWebkassa}, an in-process Webkassa speaking the provider's JSON with a ledger
 * and injectable faults, and {@link kz.fiscal.testkit.VirtualRegistrar}, the device side of a Shtrih-M
 * registrar's serial link over plain JDK streams with the link faults of {@link
 * kz.fiscal.testkit.RegistrarFault}. {@code kz.fiscal.testkit.internal…} is not API.
 */
package kz.fiscal.testkit;
