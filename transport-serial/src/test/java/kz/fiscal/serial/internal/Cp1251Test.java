package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Device text of docs/serial-shtrih.md §2.1 and §6.8. */
class Cp1251Test {
  @Test
  void kazakhLettersAreTransliteratedAndIKept() {
    assertEquals("АаГгКкНнОоУуУуХх Іі", Cp1251.transliterate("ӘәҒғҚқҢңӨөҰұҮүҺһ Іі"));
  }

  @Test
  void encodingUsesCp1251AndMarksUnmappableCharactersWithAQuestionMark() {
    assertEquals("D2 EE E2 E0 F0 20 CA B2 B3 3F 3F", FrameCodec.hex(Cp1251.encode("Товар ҚІі中😀", 40)));
  }

  @Test
  void encodingCutsToTheFieldSize() {
    assertEquals(40, Cp1251.encode("Ө".repeat(41), 40).length);
  }

  @Test
  void decodingStopsAtTheFirstZero() {
    assertEquals("Товар", Cp1251.decode(SpecBytes.hex("D2 EE E2 E0 F0 00 41")));
  }
}
