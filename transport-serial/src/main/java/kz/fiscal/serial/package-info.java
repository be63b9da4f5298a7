/**
 * The serial fiscal-registrar transport. {@link kz.fiscal.serial.SerialLink} is the small SPI the
 * Shtrih-M link layer runs over (write bytes, read with a deadline, close), and
 * {@link kz.fiscal.serial.InMemoryLinkPair} connects a host-side link to a device that speaks plain JDK
 * streams, such as the testkit's {@code VirtualRegistrar}. The frame codec, the host's ENQ/ACK/NAK
 * state machine, the typed command encoders and answer decoders, and the error classification live in
 * {@code kz.fiscal.serial.internal}, which is not API.
 */
package kz.fiscal.serial;
