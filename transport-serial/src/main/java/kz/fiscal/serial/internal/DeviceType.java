package kz.fiscal.serial.internal;

/**
 * The answer to 0xFC (docs/serial-shtrih.md §3.11): what the device says it is. Immutable.
 *
 * @param type 0 = cash register
 * @param subtype 0 = fiscal registrar
 * @param model 1 = "SHTRIH-FR-F (Kazakhstan)" in vendor tables
 * @param language 0 Russian, 1 English, 3 Kazakh, …
 * @param name the device name, CP1251
 */
public record DeviceType(int type, int subtype, int protocol, int protocolSubversion, int model, int language,
    String name) {
  /** Answer data after ERR before the name: 6 bytes. */
  static final int MINIMUM = 6;

  /** @throws MalformedAnswerException when the answer is shorter than LEN 8 */
  public static DeviceType decode(Answer answer) {
    DataReader in = DataReader.of(answer, MINIMUM);
    return new DeviceType(in.u8(), in.u8(), in.u8(), in.u8(), in.u8(), in.u8(), in.textToEnd());
  }
}
