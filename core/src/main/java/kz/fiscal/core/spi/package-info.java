/**
 * The driver SPI: what a cash-register transport implements ({@link kz.fiscal.core.spi.FiscalDriver},
 * optionally {@link kz.fiscal.core.spi.CashOperations} and {@link kz.fiscal.core.spi.CheckHistory}).
 * Integrators who write a driver run the testkit's {@code FiscalDriverContract} against it.
 */
package kz.fiscal.core.spi;
