package kz.fiscal.testkit.shtrih;

import static kz.fiscal.testkit.shtrih.Bodies.OPEN_SHIFT;
import static kz.fiscal.testkit.shtrih.Bodies.STORAGE;
import static kz.fiscal.testkit.shtrih.Bodies.cash45;
import static kz.fiscal.testkit.shtrih.Bodies.close85;
import static kz.fiscal.testkit.shtrih.Bodies.find;
import static kz.fiscal.testkit.shtrih.Bodies.le;
import static kz.fiscal.testkit.shtrih.Bodies.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.RegistrarFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fiscal knobs of docs/serial-shtrih.md §7.5, power cycles, and fiscal memory carried across registrars (§7.6). */
class VirtualRegistrarFiscalKnobTest {
  private HostBytes host = new HostBytes(Bodies.registrarAt1030());

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void offlineDocumentsAreFlaggedInTheTailFf0aAndFf01() throws Exception {
    host.registrar.ofdOffline(true);
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 30000, 1, 1));

    String answer = host.body(cash45(30000));

    RegistrarDocument check = host.registrar.documents().get(2);
    assertTrue(check.offline());
    assertEquals("FF 45 00 00 00 00 00 00 03 00 00 00 " + le(check.fs32(), 4) + " 1A 01 0F 0A 1E 4B 01 "
        + le(check.fiscalSign(), 8) + " 01", answer);
    assertEquals("FF 0A 00 03 00", host.body(find(3)).substring(0, 14));
    assertEquals("FF 01 00 03 00 00 01 08", host.body(STORAGE).substring(0, 23));
    host.registrar.ofdOffline(false);
    assertEquals("FF 01 00 03 00 00 01 00", host.body(STORAGE).substring(0, 23));
  }

  @Test
  void withoutFfCommandsEveryFfFrameGetsTheOldFirmwareFormAndTheClassicCloseStillWorks() throws Exception {
    host.registrar.fnCommandsUnsupported(true);
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 30000, 1, 1));

    assertEquals("02 02 FF 37 CA", host.command("02 06 FF 01 1E 00 00 00 E6"));
    assertEquals("FF 37", host.body(cash45(30000)));
    assertEquals("85 00 01 00 00 00 00 00", host.body(close85(30000, 0)));
    assertEquals(3, host.registrar.state().fdLast());
  }

  @Test
  void withoutTheKzTailFf45AndFf0aEndAfterTheirCommonPart() throws Exception {
    host.registrar.kzTail(false);
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 30000, 1, 1));

    String answer = host.command(HostBytes.frame(cash45(30000)));

    assertEquals("02 15 FF 45 00", answer.substring(0, 14));
    assertEquals("FF 0A 00 03 01 1A 01 0F 0A 1E 03 00 00 00 " + le(host.registrar.documents().get(2).fs32(), 4)
        + " 01 30 75 00 00 00", host.body(find(3)));
  }

  @Test
  void fiscalSignUsesTheConfiguredKeyAndDigits() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().fiscalSign("another-key", 9).serial(87654321));
    host.body(OPEN_SHIFT);

    long sign = host.registrar.documents().get(1).fiscalSign();

    assertEquals(9, Long.toString(sign).length());
    assertEquals(sign, host.registrar.documents().get(1).fs32());
    assertEquals("FF 01 00 03 00 00 01 00 1A 01 0F 0A 1E 30 30 30 30 30 30 30 30 38 37 36 35 34 33 32 31 02 00 00 00",
        host.body(STORAGE));
  }

  @Test
  void configuredTaxRatesAreUsedForVat() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().taxRate(4, 1000));
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 11000, 1, 4));
    host.body(cash45(11000));

    assertEquals(java.util.Map.of(4, 1000L), host.registrar.documents().get(2).vatByGroup());
  }

  @Test
  void rebootKeepsTheOpenCheckByDefault() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    host.registrar.reboot();

    assertEquals(0x08, host.registrar.state().modeByte());
    assertEquals(1, host.registrar.state().check().orElseThrow().lines().size());
  }

  @Test
  void rebootCancelsTheOpenCheckWhenConfigured() throws Exception {
    host.close();
    host = new HostBytes(Bodies.registrarAt1030().rebootCancelsCheck(true));
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));

    host.registrar.reboot();

    assertEquals(Optional.empty(), host.registrar.state().check());
    assertEquals(2, host.registrar.state().modeByte());
  }

  @Test
  void lostAnswerAfterCommitLeavesTheCheckClosedInFiscalMemory() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.registrar.arm(RegistrarFault.loseAnswer(true).on(0xFF45));

    assertEquals("06", host.exchange(HostBytes.frame(cash45(100)), 1));
    assertEquals("15", host.exchange("05", 1));
    assertEquals(3, host.registrar.state().fdLast());
    assertEquals(2, host.registrar.state().modeByte());
  }

  @Test
  void lostAnswerBeforeCommitLeavesTheCheckOpen() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x80, 1000, 100, 1, 1));
    host.registrar.arm(RegistrarFault.loseAnswer(false).on(0xFF45));

    assertEquals("06", host.exchange(HostBytes.frame(cash45(100)), 1));
    assertEquals("15", host.exchange("05", 1));
    assertEquals(2, host.registrar.state().fdLast());
    assertEquals(0x08, host.registrar.state().modeByte());
  }

  @Test
  void snapshotRestoredIntoANewRegistrarCarriesFiscalMemoryAndTheOpenCheck() throws Exception {
    host.body(OPEN_SHIFT);
    host.body(line(0x82, 1000, 30000, 1, 2));
    host.body("FF F0 1E 00 00 00 74 DB 1F DC 4A 00 00 00 19 09 0A 06 16 15 30 31 30 31 30 30 30 31 32 33 34 35 30 75"
        + " 00 00 00 00");
    host.body(cash45(30000));
    host.body(line(0x80, 2500, 1001, 3, 0));
    String snapshot = host.registrar.snapshot();
    String found = host.body(find(3));

    try (HostBytes next = new HostBytes(Bodies.registrarAt1030())) {
      next.registrar.restore(snapshot);

      assertEquals(host.registrar.documents(), next.registrar.documents());
      assertEquals(host.registrar.state(), next.registrar.state());
      assertEquals(found, next.body(find(3)));
      assertEquals(snapshot, next.registrar.snapshot());
      next.body(cash45(2503));
      assertEquals(4, next.registrar.state().fdLast());
    }
  }

  @Test
  void restoreRefusesWhatIsNotASnapshot() {
    assertThrows(IllegalArgumentException.class, () -> host.registrar.restore("[]"));
    assertThrows(IllegalArgumentException.class, () -> host.registrar.restore("{\"version\":2}"));
    assertThrows(IllegalArgumentException.class, () -> host.registrar.restore("{\"version\":1}"));
    assertEquals(1, host.registrar.state().fdLast());
  }

  @Test
  void builderRefusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().fiscalSign("k", 8));
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().fiscalSign("k", 20));
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().shiftNotOpenCode(0x33));
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().taxRate(5, 100));
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().maxLines(0));
    assertThrows(IllegalArgumentException.class, () -> Bodies.registrarAt1030().printTime(0xE0, Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> RegistrarFault.forceError(0));
  }
}
