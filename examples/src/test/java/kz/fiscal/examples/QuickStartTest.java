package kz.fiscal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kz.fiscal.core.KzTime;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start runs as written, against the in-process Webkassa: no network, no account. */
class QuickStartTest {
  @TempDir
  Path dir;

  @Test
  void theQuickStartMakesOneCheckThroughALostAnswerAndARepeatedKeyAndRefusesTheMistakenReceipt()
      throws Exception {
    LocalDate today = KzTime.now(Clock.systemUTC()).toLocalDate();
    String out;
    List<WebkassaCheck> checks;
    try (FakeWebkassa webkassa = FakeWebkassa.start()) {
      out = captured(() -> QuickStart.run(webkassa, dir));
      checks = webkassa.checks();
    }

    assertEquals(1, checks.size(), out);
    String sign = checks.get(0).fiscalSign();
    List<String> lines = out.lines().toList();
    assertEquals(List.of("  order-1042:sale: REQUESTED", "  order-1042:sale: SENT", "  order-1042:sale: IN_DOUBT",
        "  order-1042:sale: FISCALIZED",
        "Fiscal sign " + sign, "Same check: true, checks for the order: 1"), lines.subList(0, 6));
    assertTrue(lines.get(6).startsWith("QR: http://consumer.oofd.kz?i=" + sign + "&f="), lines.get(6));
    assertTrue(out.contains("ФИСКАЛЬНЫЙ ЧЕК"), out);
    assertEquals(List.of(
        "Refused: VAT_RATE_NOT_IN_FORCE at items[0].vat: TWELVE is not in force on " + today
            + "; allowed: [NO_VAT, ZERO, FIVE, TEN, SIXTEEN]",
        "Refused: UNDERPAID at payments: paid 100.00 is less than the total 3000.00"),
        lines.stream().filter(line -> line.startsWith("Refused: ")).toList());
    assertTrue(Files.size(dir.resolve("qr.png")) > 0);
    assertTrue(Files.readString(dir.resolve("e-check.html")).contains(sign));
  }

  interface Body {
    void run() throws Exception;
  }

  static String captured(Body body) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
