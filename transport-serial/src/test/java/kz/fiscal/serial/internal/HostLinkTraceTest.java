package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kz.fiscal.serial.InMemoryLinkPair;
import kz.fiscal.serial.internal.LinkOutcome.Kind;
import org.junit.jupiter.api.Test;

/** The byte traces of docs/serial-shtrih.md §1.7, byte for byte in both directions. */
class HostLinkTraceTest {
  private static final String SALE_REQUEST = "02 3C 80 01 00 00 00 D0 07 00 00 00 98 3A 00 00 00 01 01 00 00 00"
      + " D2 EE E2 E0 F0" + " 00".repeat(35) + " 06";

  private final InMemoryLinkPair pair = InMemoryLinkPair.open();
  private final HostLink host = Links.host(pair);

  @Test
  void shortStatusOfAnIdleDeviceIsTraceA() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D 02 05 10 01 00 00 00 14
        D→H 06
        D→H 02 10 10 00 01 92 02 02 00 00 99 D8 00 00 00 00 00 00 D2
        H→D 06
        """);

    LinkOutcome outcome = host.transact(Links.frame("02 05 10 01 00 00 00 14"));

    device.assertPlayedExactly();
    assertEquals(new Answer(0x10, 0x00, hex("01 92 02 02 00 00 99 D8 00 00 00 00 00 00")),
        outcome.answer().orElseThrow());
  }

  @Test
  void answerWithCorruptedLrcIsNakedAndFetchedAgainByEnqAsTraceB() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06
        D→H 02 03 80 00 01 7D
        H→D 15
        H→D 05
        D→H 06
        D→H 02 03 80 00 01 82
        H→D 06
        """.formatted(SALE_REQUEST));

    LinkOutcome outcome = host.transact(Links.frame(SALE_REQUEST));

    device.assertPlayedExactly();
    assertEquals(new Answer(0x80, 0x00, hex("01")), outcome.answer().orElseThrow());
  }

  @Test
  void busyDeviceIsPolledByEnqAndTheZReportIsNeverResentAsTraceC() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D 02 05 41 1E 00 00 00 5A
        D→H 06
        H→D 05
        D→H 06
        D→H 02 03 41 00 1E 5C
        H→D 06
        """);

    LinkOutcome outcome = host.transact(Links.frame("02 05 41 1E 00 00 00 5A"));

    device.assertPlayedExactly();
    assertEquals(new Answer(0x41, 0x00, hex("1E")), outcome.answer().orElseThrow());
  }

  @Test
  void answerLostByARebootAfterACloseIsUnknownAsTraceD() throws Exception {
    Frame close = new Frame(0xFF45, new byte[116]);
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06
        H→D 05
        D→H 15
        """.formatted(FrameCodec.hex(close.encode())));

    LinkOutcome outcome = host.transact(close);

    device.assertPlayedExactly();
    assertEquals(Kind.UNKNOWN, outcome.kind());
    assertEquals("02 76 FF 45", FrameCodec.hex(close.encode()).substring(0, 11));
  }

  static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
