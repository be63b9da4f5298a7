package kz.fiscal.testkit.shtrih;

import static kz.fiscal.testkit.shtrih.Bodies.ADMIN;
import static kz.fiscal.testkit.shtrih.Bodies.CANCEL;
import static kz.fiscal.testkit.shtrih.Bodies.CASHIER;
import static kz.fiscal.testkit.shtrih.Bodies.OPEN_SHIFT;
import static kz.fiscal.testkit.shtrih.Bodies.STATUS;
import static kz.fiscal.testkit.shtrih.Bodies.SUBTOTAL;
import static kz.fiscal.testkit.shtrih.Bodies.X_REPORT;
import static kz.fiscal.testkit.shtrih.Bodies.Z_REPORT;
import static kz.fiscal.testkit.shtrih.Bodies.cash45;
import static kz.fiscal.testkit.shtrih.Bodies.close45;
import static kz.fiscal.testkit.shtrih.Bodies.close85;
import static kz.fiscal.testkit.shtrih.Bodies.find;
import static kz.fiscal.testkit.shtrih.Bodies.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import kz.fiscal.testkit.RegistrarState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every error of docs/serial-shtrih.md §7.2, in its order of precedence, with exact answers and no effect on the state. */
class VirtualRegistrarErrorTest {
  private static final long MAX = 9_999_999_999L;
  private static final String RETURN_BASIS = "FF F0 " + ADMIN + " 74 DB 1F DC 4A 00 00 00 19 09 0A 06 16 15"
      + " 30 31 30 31 30 30 30 31 32 33 34 35 30 75 00 00 00 00";

  private HostBytes host = new HostBytes(Bodies.registrarAt1030());

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void unknownCodesAreNotSupported() throws Exception {
    assertEquals("81 37", host.body("81 " + CASHIER));
    assertEquals("83 37", host.body("83 " + CASHIER));
    assertEquals("FF 7E 37", host.body("FF 7E " + ADMIN));
  }

  @Test
  void dataShorterThanTheCommandNeedsIsBadParameters() throws Exception {
    assertEquals("10 33", host.body("10 01 00 00"));
    assertEquals("80 33", host.body(line(0x80, 1000, 1, 1, 1).substring(0, 3 * 59)));
    assertEquals("FF 45 33", host.body(cash45(1).substring(0, 3 * 117)));
  }

  @Test
  void longerDataIsAccepted() throws Exception {
    assertEquals("E0 00 01", host.body(OPEN_SHIFT + " 77 77"));
  }

  @Test
  void unknownPasswordsAndMissingRightsAreWrongPassword() throws Exception {
    assertEquals("10 4F", host.body("10 1F 00 00 00"));
    assertEquals("10 4F", host.body("10 00 00 00 00"));
    assertEquals("40 4F", host.body("40 " + CASHIER));
    assertEquals("41 4F", host.body("41 1C 00 00 00"));
    assertEquals("FF 01 4F", host.body("FF 01 1D 00 00 00"));
    assertEquals("FF 0A 4F", host.body("FF 0A " + CASHIER + " 01 00 00 00"));
    assertEquals("40 00 1D", host.body("40 1D 00 00 00"));
  }

  @Test
  void passwordIsCheckedBeforeThePaper() throws Exception {
    host.registrar.paperOut();

    assertEquals("E0 4F", host.body("E0 1F 00 00 00"));
    assertEquals("E0 6B", host.body(OPEN_SHIFT));
  }

  @Test
  void passivePaperOutRefusesPrintingCommandsButNotReads() throws Exception {
    host.registrar.paperOut();

    assertEquals("10 00 01 10 02 04 01 00 99 D8 00 00 00 00 00 00", host.body(STATUS));
    assertEquals("E0 6B", host.body(OPEN_SHIFT));
    assertEquals("B0 6B", host.body(Bodies.CONTINUE));
    assertEquals("88 6B", host.body(CANCEL));
    host.registrar.paperLoaded();
    assertEquals("E0 00 01", host.body(OPEN_SHIFT));
  }

  @Test
  void paperOutDuringAPrintCommitsThenWaitsForPaperAndB0() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.registrar.paperOutDuringNextPrint();

    assertEquals("FF 45 00", host.body(cash45(100)).substring(0, 8));
    assertEquals(3, host.registrar.state().fdLast());
    assertEquals("10 00 01 10 02 02 02 00 99 D8 00 00 00 00 00 00", host.body(STATUS));
    assertEquals("80 6B", host.body(line(0x80, 1000, 100, 1, 1)));
    host.registrar.paperLoaded();
    assertEquals(3, host.registrar.state().submode());
    assertEquals("80 58", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("B0 00 01", host.body(Bodies.CONTINUE));
    assertEquals(0, host.registrar.state().submode());
    assertEquals("80 00 01", host.body(line(0x80, 1000, 100, 1, 1)));
  }

  @Test
  void printingKeepsSubmodeFiveForItsPrintTime() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().printTime(0xE0, Duration.ofSeconds(5)));
    host.body(OPEN_SHIFT);

    assertEquals(5, host.registrar.state().submode());
    assertEquals("80 50", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("89 55", host.body(SUBTOTAL));
    host.registrar.clock().advance(Duration.ofSeconds(5));
    assertEquals("80 00 01", host.body(line(0x80, 1000, 100, 1, 1)));
  }

  @Test
  void shiftCommandsFollowTheShift() throws Exception {
    assertEquals("80 3D", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("41 3D", host.body(Z_REPORT));
    host.body(OPEN_SHIFT);
    assertEquals("E0 15", host.body(OPEN_SHIFT));
    host.body(line(0x80, 1000, 100, 1, 1));
    assertEquals("E0 4A", host.body(OPEN_SHIFT));
    assertEquals("40 4A", host.body(X_REPORT));
    assertEquals("41 4A", host.body(Z_REPORT));
  }

  @Test
  void shiftNotOpenCodeIsConfigurable() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().shiftNotOpenCode(0x16));

    assertEquals("82 16", host.body(line(0x82, 1000, 100, 1, 1)));
  }

  @Test
  void afterTwentyFourHoursSalesAreRefusedButAnOpenCheckMayClose() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.registrar.clock().advance(Duration.ofHours(24));

    assertEquals(0x08, host.registrar.state().modeByte());
    assertEquals("80 00 01", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("FF 45 00", host.body(cash45(200)).substring(0, 8));
    assertEquals(3, host.registrar.state().modeByte());
    assertEquals("11 00 01", host.body("11 " + CASHIER).substring(0, 8));
    assertEquals("80 4E", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("41 00 1E", host.body(Z_REPORT));
    assertEquals(4, host.registrar.state().modeByte());
  }

  @Test
  void checkTypeAndOwnerAreEnforced() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("82 49", host.body(line(0x82, 1000, 100, 1, 1)));
    assertEquals("80 59", host.body(line(0x80, "02 00 00 00", 1000, 100, 1, "01 00 00 00")));
    assertEquals("88 59", host.body("88 02 00 00 00"));
    assertEquals("85 59", host.body(close85(100, 0).replaceFirst("^85 01", "85 02")));
    assertEquals("FF F0 49", host.body(RETURN_BASIS));
  }

  @Test
  void commandsThatNeedACheckRefuseWithoutOne() throws Exception {
    host.body(OPEN_SHIFT);

    assertEquals("89 55", host.body(SUBTOTAL));
    assertEquals("85 55", host.body(close85(100, 0)));
    assertEquals("FF 45 55", host.body(cash45(100)));
    assertEquals("88 55", host.body(CANCEL));
    assertEquals("FF F0 55", host.body(RETURN_BASIS));
  }

  @Test
  void returnBasisWithAnRnmOfOtherThanTwelveDigitsIsBadParameters() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x82, 1000, 100, 1, 1));

    assertEquals("FF F0 33", host.body(RETURN_BASIS.replace("30 31 30 31", "30 31 30 41")));
  }

  @Test
  void lineParametersAreCheckedInTheSpecsOrder() throws Exception {
    host.body(OPEN_SHIFT);

    assertEquals("80 33", host.body(line(0x80, 0, 100, 1, 1)));
    assertEquals("80 62", host.body(line(0x80, MAX + 1, MAX + 1, 17, 5)));
    assertEquals("80 61", host.body(line(0x80, 1000, MAX + 1, 17, 5)));
    assertEquals("80 63", host.body(line(0x80, 1000, 100, 17, 5)));
    assertEquals("80 33", host.body(line(0x80, 1000, 100, 16, 5)));
    assertEquals("80 33", host.body(line(0x80, CASHIER, 1000, 100, 1, "01 00 02 00")));
    assertEquals("80 60", host.body(line(0x80, MAX, MAX, 1, 1)));
    assertEquals("80 60", host.body(line(0x80, 10_000_000, 1_000_000_000, 1, 1)));
    assertEquals("80 00 01", host.body(line(0x80, 1000, MAX, 1, 1)));
    assertEquals("80 48", host.body(line(0x80, 1000, 1, 1, 1)));
    assertEquals(1, host.registrar.state().check().orElseThrow().lines().size());
  }

  @Test
  void lineSumThatRoundsAboveTheLargestAmountIsAMultiplicationOverflow() throws Exception {
    host.body(OPEN_SHIFT);

    assertEquals("80 60", host.body(line(0x80, 339_500, 29_455_081, 1, 1))); // product MAX · 1000 + 500
    assertEquals("80 00 01", host.body(line(0x80, 1000, MAX, 1, 1))); // product MAX · 1000: sum MAX
  }

  @Test
  void checkTakesMaxLinesAndNoMore() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().maxLines(2));
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.body(line(0x80, 1000, 100, 1, 1));

    assertEquals("80 94", host.body(line(0x80, 1000, 100, 1, 1)));
  }

  @Test
  void closeParametersAreCheckedInTheSpecsOrder() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 30000, 1, 1));
    String classic = close85(30000, 0);

    assertEquals("85 33", host.body(classic.replace(" 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
        + " 00 00 00 00 00 00", " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00 00")));
    assertEquals("85 41", host.body(close85(MAX + 1, 0)));
    assertEquals("85 42", host.body(close85(30000, MAX + 1)));
    assertEquals("FF 45 44", host.body(close45(30000, 0, 0, 0, 1, "").replaceFirst(
        "(FF 45 1E 00 00 00 (?:\\S\\S ){15})00 00 00 00 00", "$1FF FF FF FF FF")));
    assertEquals("FF 45 33", host.body(close45(30000, 0, 0, 0, 1, "").replaceFirst(
        "(FF 45 1E 00 00 00 (?:\\S\\S ){20})00", "$101")));
    assertEquals("FF 45 33", host.body(close45(30000, 0, 0, 100, 1, "")));
    assertEquals("FF 45 33", host.body(close45(30000, 0, 0, 0, 0, "")));
    assertEquals("FF 45 33", host.body(close45(30000, 0, 0, 0, 3, "")));
    assertEquals("FF 45 45", host.body(close45(29999, 0, 0, 0, 1, "")));
    assertEquals("FF 45 45", host.body(close45(29949, 0, 0, 50, 1, "")));
    assertEquals("FF 45 4D", host.body(close45(0, 20000, 10001, 0, 1, "")));
    assertEquals("FF 45 33", host.body(close45(30000, 0, 0, 0, 1, " 41".repeat(65))));
    assertEquals(1, host.registrar.state().fdLast() - 1);
    assertEquals("FF 45 00", host.body(close45(0, 20000, 9950, 50, 1, " 41".repeat(64))).substring(0, 8));
  }

  @Test
  void roundingAboveTheTotalAndAZeroTotalAreRefused() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 0, 1, 1));

    assertEquals("FF 45 8E", host.body(cash45(0)));
    host.body(line(0x80, 1000, 40, 1, 1));
    assertEquals("FF 45 33", host.body(close45(100, 0, 0, 41, 1, "")));
  }

  @Test
  void findDocumentOfZeroOrBeyondTheLastIsNoData() throws Exception {
    assertEquals("02 03 FF 0A 08 FE", host.command(HostBytes.frame(find(0))));
    assertEquals("FF 0A 08", host.body(find(2)));
  }

  @Test
  void failedCommandsChangeNothing() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    RegistrarState before = host.registrar.state();

    host.body(line(0x80, 1000, MAX + 1, 1, 1));
    host.body(cash45(1));
    host.body(OPEN_SHIFT);
    host.body(line(0x82, 1000, 100, 1, 1));

    assertEquals(before, host.registrar.state());
    assertEquals(2, host.registrar.documents().size());
  }

  @Test
  void forcedErrorAnswersWithoutExecuting() throws Exception {
    host.body(OPEN_SHIFT);
    host.registrar.arm(kz.fiscal.testkit.RegistrarFault.forceError(0x50).on(0x80).times(2));

    assertEquals("80 50", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("80 50", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals("80 00 01", host.body(line(0x80, 1000, 100, 1, 1)));
    assertEquals(1, host.registrar.state().check().orElseThrow().lines().size());
    assertEquals(java.util.List.of(0xE0, 0x80), host.registrar.executedCommands());
  }

  @Test
  void forcedErrorOnAFfCommandKeepsTheTwoByteCode() throws Exception {
    host.registrar.arm(kz.fiscal.testkit.RegistrarFault.forceError(0x03).on(0xFF01));

    assertEquals("FF 01 03", host.body(Bodies.STORAGE));
  }
}
