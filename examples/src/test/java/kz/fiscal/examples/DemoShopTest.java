package kz.fiscal.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's demo command keeps working: the demo runs to its end and shows what it promises. */
class DemoShopTest {

  @Test
  void theDemoFiscalizesOnceThroughALostAnswerAndPrintsTheECheck() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      DemoShop.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("Journal: [REQUESTED, SENT, IN_DOUBT, FISCALIZED]"), out);
    assertTrue(out.contains("checks on the register for this order: 1"), out);
    assertTrue(out.contains("ФИСКАЛЬНЫЙ ЧЕК"), out);
    assertTrue(out.contains("UNDERPAID at payments"), out);
    assertTrue(Files.size(DemoShop.DIR.resolve("qr.png")) > 0);
    assertTrue(Files.readString(DemoShop.DIR.resolve("e-check.html")).contains("ФИСКАЛЬНЫЙ ЧЕК"));
  }
}
