package kz.fiscal.testkit.shtrih;

import static kz.fiscal.testkit.shtrih.Bodies.ADMIN;
import static kz.fiscal.testkit.shtrih.Bodies.CANCEL;
import static kz.fiscal.testkit.shtrih.Bodies.FULL_STATUS;
import static kz.fiscal.testkit.shtrih.Bodies.OPEN_SHIFT;
import static kz.fiscal.testkit.shtrih.Bodies.STATUS;
import static kz.fiscal.testkit.shtrih.Bodies.STORAGE;
import static kz.fiscal.testkit.shtrih.Bodies.SUBTOTAL;
import static kz.fiscal.testkit.shtrih.Bodies.X_REPORT;
import static kz.fiscal.testkit.shtrih.Bodies.Z_REPORT;
import static kz.fiscal.testkit.shtrih.Bodies.cash45;
import static kz.fiscal.testkit.shtrih.Bodies.find;
import static kz.fiscal.testkit.shtrih.Bodies.line;
import static kz.fiscal.testkit.shtrih.Bodies.zeros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.RegistrarDocument.Type;
import kz.fiscal.testkit.RegistrarState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar's answers to the spec's examples of §3, byte for byte, and what each command commits. */
class VirtualRegistrarCommandTest {
  static final String SALE_EXAMPLE = "02 3C 80 01 00 00 00 D0 07 00 00 00 98 3A 00 00 00 01 01 00 00 00 D2 EE E2 E0 F0"
      + zeros(35) + " 06";
  static final String FF45_EXAMPLE = "02 76 FF 45 1E 00 00 00 50 C3 00 00 00" + zeros(76) + " FF".repeat(30) + " 01 40";
  static final String FF45_ANSWER = "02 20 FF 45 00 20 4E 00 00 00 07 00 00 00 FF FF FF FF 1A 01 0F 0A 1E 4B 01 87 12"
      + " EA 4E B9 00 00 00 00 31";
  private static final LocalDateTime AT_1030 = LocalDateTime.of(2026, 1, 15, 10, 30);

  private final HostBytes host = new HostBytes(Bodies.registrarAt1030());

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void openShiftAnswersTheSpecExampleAndStoresAShiftOpenReport() throws Exception {
    assertEquals("02 03 E0 00 01 E2", host.command("02 05 E0 01 00 00 00 E4"));

    assertEquals("02 10 10 00 01 92 02 02 00 00 99 D8 00 00 00 00 00 00 D2", host.command("02 05 10 01 00 00 00 14"));
    RegistrarDocument report = host.registrar.documents().get(1);
    assertEquals(2, report.fd());
    assertEquals(Type.SHIFT_OPEN, report.type());
    assertEquals(1, report.shift());
    assertEquals(AT_1030, report.dateTime());
    RegistrarState state = host.registrar.state();
    assertEquals(2, state.modeByte());
    assertEquals(1, state.shiftNumber());
    assertEquals(Optional.of(Bodies.AT_1030), state.shiftOpenedAt());
    assertEquals(2, state.docRunning());
  }

  @Test
  void checkOfTheSpecExamplesIsFiscalDocumentSevenWithTheSpecSign() throws Exception {
    openShiftAndSell(4);

    assertEquals("02 03 80 00 01 82", host.command(SALE_EXAMPLE));
    assertEquals("02 08 89 00 01 30 75 00 00 00 C5", host.command(Bodies.frameOf(SUBTOTAL)));
    assertEquals(FF45_ANSWER, host.command(FF45_EXAMPLE));
    assertEquals("02 23 FF 0A 00 03 01 1A 01 0F 0A 1E 07 00 00 00 FF FF FF FF 01 30 75 00 00 00 4B 01 87 12 EA 4E B9"
        + " 00 00 00 00 55", host.command("02 0A FF 0A 1E 00 00 00 07 00 00 00 E6"));

    RegistrarDocument check = host.registrar.documents().get(6);
    assertEquals(new RegistrarDocument(7, Type.CHECK, AT_1030, 795892912775L, 0xFFFF_FFFFL, 1, 30000,
        List.of(new RegistrarDocument.Line(2000, 15000, 1, 1, "Товар", 30000)),
        List.of(50000L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), 20000, 0, Map.of(1, 4138L), 0x01,
        1, 5, 30, Optional.empty(), false), check);
  }

  @Test
  void storageStatusAndFullStatusMatchTheSpecExamples() throws Exception {
    for (int i = 0; i < 3; i++) {
      host.body(OPEN_SHIFT);
      host.body(Z_REPORT);
    }
    host.body(OPEN_SHIFT);
    for (int i = 0; i < 4; i++) {
      host.body(X_REPORT);
    }
    host.registrar.clock().advance(Duration.ofSeconds(65));

    assertEquals("02 30 11 00 01 45 31 01 00 01 01 19 01 0C 00 92 02 02 00 00 45 31 01 00 01 01 19 0F 01 1A 0A 1F 05"
        + " 67 4E 61 BC 00 03 00 CC 07 01 0E 4D E2 CD 18 23 00 D1", host.command(Bodies.frameOf(FULL_STATUS)));
    assertEquals(8, host.registrar.state().fdLast());
  }

  @Test
  void storageStatusOfTheSpecAfterCheckSeven() throws Exception {
    openShiftAndSell(5);
    host.registrar.clock().advance(Duration.ofSeconds(65));

    assertEquals("02 21 FF 01 00 03 00 00 01 00 1A 01 0F 0A 1F 30 30 30 30 30 30 30 30 31 32 33 34 35 36 37 38 07 00 00"
        + " 00 D3", host.command("02 06 FF 01 1E 00 00 00 E6"));
  }

  @Test
  void storageStatusShowsTheOpenCheckWithItsData() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("FF 01 00 03 04 01 01 00 1A 01 0F 0A 1E 30 30 30 30 30 30 30 30 31 32 33 34 35 36 37 38 02 00 00 00",
        host.body(STORAGE));
  }

  @Test
  void shortStatusWithASaleCheckOfTwoLinesMatchesTheSpec() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("02 10 10 00 01 92 02 08 00 02 99 D8 00 00 00 00 00 00 DA", host.command(Bodies.frameOf(STATUS)));
  }

  @Test
  void classicCloseAnswersTheSpecChangeExample() throws Exception {
    host.body(OPEN_SHIFT);
    host.command(SALE_EXAMPLE);

    assertEquals("02 08 85 00 01 20 4E 00 00 00 E2", host.command("02 47 85 01 00 00 00 50 C3" + zeros(64) + " 50"));
    RegistrarDocument check = host.registrar.documents().get(2);
    assertEquals(List.of(50000L, 0L, 0L, 0L), check.paymentsTiyn());
    assertEquals(0, check.taxSystem());
    assertEquals(1, check.receiptNoInShift());
  }

  @Test
  void returnCheckWithItsBasisMatchesTheSpecExamples() throws Exception {
    host.body(OPEN_SHIFT);
    String returnLine = "02 3C 82 01 00 00 00 E8 03 00 00 00 98 3A 00 00 00 01 02 00 00 00 D2 EE E2 E0 F0" + zeros(35)
        + " 3B";

    assertEquals("02 03 82 00 01 80", host.command(returnLine));
    assertEquals("02 03 FF F0 00 0C", host.command("02 26 FF F0 1E 00 00 00 74 DB 1F DC 4A 00 00 00 19 09 0A 06 16 15"
        + " 30 31 30 31 30 30 30 31 32 33 34 35 30 75 00 00 00 00 4A"));
    assertEquals(0x28, host.registrar.state().modeByte());
    host.body(cash45(15000));

    RegistrarDocument check = host.registrar.documents().get(2);
    assertEquals(2, check.operation());
    assertEquals(Map.of(2, 1607L), check.vatByGroup());
    assertEquals(Optional.of(new RegistrarDocument.ReturnBasis(321520655220L, LocalDateTime.of(2025, 9, 10, 6, 22, 21),
        "010100012345", 30000, false)), check.returnBasis());
    assertEquals("FF 0A 00 03 01 1A 01 0F 0A 1E 03 00 00 00" + fs32(check) + " 02 98 3A 00 00 00 4B 01"
        + Bodies.le(check.fiscalSign(), 8).replaceFirst("^", " ") + " 00", host.body(find(3)));
  }

  @Test
  void cancelDiscardsTheCheckWithoutAFiscalDocument() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("02 03 88 00 01 8A", host.command("02 05 88 01 00 00 00 8C"));
    assertEquals(Optional.empty(), host.registrar.state().check());
    assertEquals(2, host.registrar.state().fdLast());
    assertEquals(3, host.registrar.state().docRunning());
  }

  @Test
  void reportsAnswerTheSpecExamples() throws Exception {
    host.body(OPEN_SHIFT);

    assertEquals("02 03 40 00 1E 5D", host.command("02 05 40 1E 00 00 00 5B"));
    assertEquals("02 03 41 00 1E 5C", host.command("02 05 41 1E 00 00 00 5A"));
    RegistrarState state = host.registrar.state();
    assertEquals(4, state.modeByte());
    assertEquals(1, state.lastClosedShift());
    assertEquals(Optional.empty(), state.shiftOpenedAt());
    assertEquals(3, state.fdLast());
    assertEquals(4, state.docRunning());
    assertEquals("FF 0A 00 05 01 1A 01 0F 0A 1E 03 00 00 00" + fs32(host.registrar.documents().get(2)) + " 01 00 4B 01 "
        + Bodies.le(host.registrar.documents().get(2).fiscalSign(), 8) + " 00", host.body(find(3)));
  }

  @Test
  void deviceTypeAnswersTheSpecExample() throws Exception {
    assertEquals("02 19 FC 00 00 00 01 03 01 00 56 49 52 54 55 41 4C 20 53 48 54 52 49 48 20 4B 5A AA",
        host.command("02 01 FC FD"));
  }

  @Test
  void continuePrintingOutsidePaperOutIsANoOp() throws Exception {
    assertEquals("02 03 B0 00 01 B2", host.command("02 05 B0 01 00 00 00 B4"));
    assertEquals(1, host.registrar.state().docRunning());
  }

  @Test
  void registrationReportIsDocumentOne() throws Exception {
    RegistrarDocument registration = host.registrar.documents().get(0);

    assertEquals(Type.REGISTRATION, registration.type());
    assertEquals("FF 0A 00 01 01 1A 01 0F 0A 1E 01 00 00 00" + fs32(registration) + " 4B 01 "
        + Bodies.le(registration.fiscalSign(), 8) + " 00", host.body(find(1)));
  }

  @Test
  void checkTotalIsPayableAfterRoundingAndChangeComesFromCash() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1500, 1033, 0, 0)); // 15.495 → 15.50 tenge
    host.body(line(0x80, 1000, 20000, 2, 4));

    assertEquals("FF 45 00 20 4E 00 00 00", host.body(Bodies.close45(31500, 10000, 0, 50, 0x02, " 41 42")).substring(0, 23));

    RegistrarDocument check = host.registrar.documents().get(2);
    assertEquals(21500, check.totalTiyn());
    assertEquals(20000, check.changeTiyn());
    assertEquals(50, check.roundingTiyn());
    assertEquals(Map.of(4, 952L), check.vatByGroup());
    assertEquals(0x02, check.taxSystem());
    assertEquals(List.of(1550L, 20000L), check.lines().stream().map(RegistrarDocument.Line::sumTiyn).toList());
  }

  @Test
  void docRunningWrapsFrom9999ToZero() throws Exception {
    host.registrar.restore(host.registrar.snapshot().replace("\"docRunning\":1", "\"docRunning\":9999"));

    host.body(X_REPORT);

    assertEquals(0, host.registrar.state().docRunning());
  }

  @Test
  void administratorMayAddToACashiersCheck() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("80 00 1E", host.body(line(0x80, ADMIN, 1000, 100, 1, "01 00 00 00")));
    assertEquals("88 00 01", host.body(CANCEL));
  }

  /** Opens the shift (FD 2) and closes {@code checks} checks of 1.00 tenge (FD 3 onwards). */
  private void openShiftAndSell(int checks) throws Exception {
    host.body(OPEN_SHIFT);
    for (int i = 0; i < checks; i++) {
      host.body(line(0x80, 1000, 100, 1, 1));
      host.body(cash45(100));
    }
  }

  private static String fs32(RegistrarDocument d) {
    return " " + Bodies.le(d.fs32(), 4);
  }
}
