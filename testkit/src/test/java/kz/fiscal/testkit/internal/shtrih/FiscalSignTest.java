package kz.fiscal.testkit.internal.shtrih;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The deterministic fiscal sign of docs/serial-shtrih.md §7.3 against its test vector. */
class FiscalSignTest {
  private static final byte[] KEY = "virtual-registrar-ofd-key".getBytes(StandardCharsets.US_ASCII);
  private static final LocalDateTime AT = LocalDateTime.of(2026, 1, 15, 10, 30);

  @Test
  void specVectorGivesTwelveDigits() {
    assertEquals(795892912775L, FiscalSign.fs64(KEY, 12, 12345678, 7, 3, AT, 1, 30000));
  }

  @Test
  void specVectorWithNineDigitsFitsFs32() {
    long fs64 = FiscalSign.fs64(KEY, 9, 12345678, 7, 3, AT, 1, 30000);

    assertEquals(292912775L, fs64);
    assertEquals(292912775L, FiscalSign.fs32(fs64));
  }

  @Test
  void signAboveFfffffffeHasNoFs32() {
    assertEquals(0xFFFF_FFFFL, FiscalSign.fs32(795892912775L));
    assertEquals(0xFFFF_FFFEL, FiscalSign.fs32(0xFFFF_FFFEL));
    assertEquals(0xFFFF_FFFFL, FiscalSign.fs32(0xFFFF_FFFFL));
  }

  @Test
  void nineteenDigitsStayNineteenDigitsAsAnUnsignedValue() {
    long fs64 = FiscalSign.fs64(KEY, 19, 12345678, 7, 3, AT, 1, 30000);

    assertEquals(19, Long.toUnsignedString(fs64).length());
  }
}
