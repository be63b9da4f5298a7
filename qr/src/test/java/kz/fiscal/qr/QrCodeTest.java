package kz.fiscal.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrCodeTest {

  private static final String URL = "https://consumer.oofd.kz?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005";

  @ParameterizedTest
  @ValueSource(ints = {90, 100, 128, 200, 256, 300, 512, 1024})
  void pngAtEverySizeDecodesToExactlyTheUrl(int size) {
    BufferedImage image = QrImages.read(QrCode.png(URL, QrOptions.ofSize(size)));
    assertEquals(size, image.getWidth());
    assertEquals(size, image.getHeight());
    assertEquals(URL, QrImages.decode(image));
  }

  @ParameterizedTest
  @EnumSource(QrOptions.ErrorCorrection.class)
  void pngAtEveryErrorCorrectionLevelDecodesToExactlyTheUrl(QrOptions.ErrorCorrection level) {
    byte[] png = QrCode.png(URL, QrOptions.DEFAULT.withErrorCorrection(level));
    assertEquals(URL, QrImages.decode(QrImages.read(png)));
  }

  @Test
  void pngOfOnePixelPerModuleIsExactForAReaderOfPureCodes() {
    // ZXing's detector needs about two pixels per module in a picture; the pure-code reader reads the grid.
    BufferedImage image = QrImages.read(QrCode.png(URL, QrOptions.ofSize(45)));
    assertEquals(URL, QrImages.decodePure(image));
  }

  @Test
  void pngIsOneBitGrayscaleOfTheRequestedSide() {
    ByteBuffer png = ByteBuffer.wrap(QrCode.png(URL));
    byte[] signature = new byte[8];
    png.get(signature);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
    assertEquals(13, png.getInt());
    assertEquals(0x49484452, png.getInt());  // IHDR
    assertEquals(256, png.getInt());
    assertEquals(256, png.getInt());
    assertEquals(1, png.get());   // bit depth
    assertEquals(0, png.get());   // grayscale
  }

  @Test
  void modulesAreScaledByAWholeFactorAndCentredInsideTheQuietZone() {
    // The URL needs version 5 at level M: 37 modules + 2 × 4 quiet = 45; 256 / 45 = 5 px per module,
    // 256 - 225 = 31 px left over, 15 on the top-left, so the finder pattern starts at 15 + 4 × 5 = 35.
    BufferedImage image = QrImages.read(QrCode.png(URL));
    assertTrue(QrImages.black(image, 35, 35));
    assertTrue(QrImages.black(image, 39, 39));
    assertFalse(QrImages.black(image, 34, 35));
    assertFalse(QrImages.black(image, 35, 34));
    assertTrue(QrImages.black(image, 35 + 37 * 5 - 1, 35));
    assertFalse(QrImages.black(image, 35 + 37 * 5, 35));
    assertFalse(QrImages.black(image, 255, 255));
  }

  @Test
  void quietZoneCanBeDropped() {
    BufferedImage image = QrImages.read(QrCode.png(URL, QrOptions.ofSize(74).withQuietZone(0)));
    assertTrue(QrImages.black(image, 0, 0));  // 74 / 37 = 2 px per module, no margin left over
    assertTrue(QrImages.black(image, 73, 0));
  }

  @Test
  void nonLatinTextRoundTripsAsUtf8() {
    String text = "Чек №17 — ФИСКАЛДЫҚ ЧЕК";
    assertEquals(text, QrImages.decode(QrImages.read(QrCode.png(text))));
  }

  @Test
  void sizeSmallerThanTheCodeIsRejectedNamingTheMinimum() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QrCode.png(URL, QrOptions.ofSize(44)));
    assertEquals("QR code of 45 modules (quiet zone included) needs at least 45 px, size was 44", e.getMessage());
  }

  @Test
  void emptyTextIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QrCode.png(""));
    assertEquals("QR text must not be empty", e.getMessage());
  }

  @Test
  void textTooLongForAnyQrCodeIsRejected() {
    char[] text = new char[3000];
    Arrays.fill(text, 'x');
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QrCode.png(new String(text), QrOptions.DEFAULT.withErrorCorrection(QrOptions.ErrorCorrection.H)));
    assertEquals("QR text of 3000 characters does not fit a QR code at level H: Data too big", e.getMessage());
  }

  @Test
  void optionsOutOfRangeAreRejected() {
    assertEquals("QR size must be 1 to 4096 px, was 0",
        assertThrows(IllegalArgumentException.class, () -> QrOptions.ofSize(0)).getMessage());
    assertEquals("QR quiet zone must be 0 to 16 modules, was -1",
        assertThrows(IllegalArgumentException.class, () -> QrOptions.DEFAULT.withQuietZone(-1)).getMessage());
  }

  @Test
  void svgIsWellFormedXmlWithOnePathInModuleUnits() throws Exception {
    String svg = QrCode.svg(URL);
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Element root = document.getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("0 0 45 45", root.getAttribute("viewBox"));
    assertEquals("256", root.getAttribute("width"));
    assertEquals("crispEdges", root.getAttribute("shape-rendering"));
    assertEquals(1, document.getElementsByTagName("path").getLength());
  }

  @Test
  void svgPathDrawnModuleByModuleDecodesToExactlyTheUrl() {
    String svg = QrCode.svg(URL);
    int scale = 4;
    BufferedImage image = new BufferedImage(45 * scale, 45 * scale, BufferedImage.TYPE_BYTE_GRAY);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(java.awt.Color.BLACK);
    Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
    int runs = 0;
    while (run.find()) {
      assertEquals(run.group(3), run.group(4));
      g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
          Integer.parseInt(run.group(3)) * scale, scale);
      runs++;
    }
    g.dispose();
    assertTrue(runs > 37, "one run at least per row");
    assertEquals(URL, QrImages.decode(image));
  }
}
