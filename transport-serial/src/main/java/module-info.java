/** The serial fiscal-registrar transport: {@code ShtrihDriver} and the {@code SerialLink} SPI. */
module kz.fiscal.serial {
  requires kz.fiscal.core;
}
