/**
 * The model, validation, VAT math and driver SPI of the kz.fiscal SDK; depends on the JDK alone.
 */
module kz.fiscal.core {
  requires transitive java.sql;

  exports kz.fiscal.core;
  exports kz.fiscal.core.spi;
  exports kz.fiscal.core.journal;
}
