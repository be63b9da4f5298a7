/** The serial fiscal-registrar transport: the {@code SerialLink} SPI and (later) {@code ShtrihDriver}. */
module kz.fiscal.serial {
  requires transitive kz.fiscal.core;

  exports kz.fiscal.serial;
}
