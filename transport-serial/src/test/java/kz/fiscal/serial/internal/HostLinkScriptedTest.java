package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.HostLinkTraceTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import kz.fiscal.serial.InMemoryLinkPair;
import kz.fiscal.serial.internal.LinkOutcome.Kind;
import org.junit.jupiter.api.Test;

/** Host paths of docs/serial-shtrih.md §1.5 that need a device misbehaving in ways no fault knob describes. */
class HostLinkScriptedTest {
  private static final String STATUS = "02 05 10 01 00 00 00 14";
  private static final String STATUS_ANSWER = "02 03 10 00 01 12";

  private final InMemoryLinkPair pair = InMemoryLinkPair.open();
  private final HostLink host = Links.host(pair);

  @Test
  void threeDamagedAnswersAreUnknown() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06
        D→H 02 03 10 00 01 13
        H→D 15
        H→D 05
        D→H 06 02 03 10 00 01 13
        H→D 15
        H→D 05
        D→H 06 02 00
        H→D 15
        """.formatted(STATUS));

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Kind.UNKNOWN, outcome.kind());
  }

  @Test
  void foreignAnswerIsKeptAsStaleAndTheHostRecoversByEnq() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06
        D→H 02 03 80 00 01 82
        H→D 06
        H→D 05
        D→H 06
        D→H %s
        H→D 06
        """.formatted(STATUS, STATUS_ANSWER));

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Optional.of(new Answer(0x10, 0, hex("01"))), outcome.answer());
    assertEquals(List.of(new Frame(0x80, hex("00 01"))), outcome.stale());
  }

  @Test
  void heldAnswerDrainedByTheProbeIsStaleAndADuplicateOfTheLastAnswerIsDropped() throws Exception {
    ScriptedDevice first = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06 %s
        H→D 06
        """.formatted(STATUS, STATUS_ANSWER));
    host.transact(Links.frame(STATUS));
    first.assertPlayedExactly();

    ScriptedDevice second = ScriptedDevice.play(pair, """
        H→D 05
        D→H 06 %s
        H→D 06
        H→D 05
        D→H 06 02 03 80 00 01 82
        H→D 06
        H→D 05
        D→H 15
        H→D %s
        D→H 06 %s
        H→D 06
        """.formatted(STATUS_ANSWER, STATUS, STATUS_ANSWER));
    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    second.assertPlayedExactly();
    assertEquals(Kind.ANSWER, outcome.kind());
    assertEquals(List.of(new Frame(0x80, hex("00 01"))), outcome.stale());
  }

  @Test
  void probeThatDrainsThreeHeldAnswersIsNotSent() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 06 02 03 80 00 01 82
        H→D 06
        H→D 05
        D→H 06 02 03 82 00 01 80
        H→D 06
        H→D 05
        D→H 06 02 03 88 00 01 8A
        H→D 06
        """);

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Kind.NOT_SENT, outcome.kind());
    assertEquals(3, outcome.stale().size());
  }

  @Test
  void answerArrivingInsteadOfTheAckIsRead() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H %s
        H→D 06
        """.formatted(STATUS, STATUS_ANSWER));

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Optional.of(new Answer(0x10, 0, hex("01"))), outcome.answer());
  }

  @Test
  void garbageBeforeTheProbeIsFlushedAndNoiseBeforeControlBytesSkipped() throws Exception {
    pair.deviceOutput().write(hex("02 03 10 00 01 12 06 FF"));
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H FF 00 15
        H→D %s
        D→H FF 06
        D→H 33 FF %s
        H→D 06
        """.formatted(STATUS, STATUS_ANSWER));

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Optional.of(new Answer(0x10, 0, hex("01"))), outcome.answer());
  }

  @Test
  void oldFirmwareAnswerToATwoByteCommandCarriesItsError() throws Exception {
    Frame storageStatus = new Frame(0xFF01, hex("1E 00 00 00"));
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06 02 02 FF 37 CA
        H→D 06
        """.formatted(FrameCodec.hex(storageStatus.encode())));

    LinkOutcome outcome = host.transact(storageStatus);

    device.assertPlayedExactly();
    assertEquals(Optional.of(new Answer(0xFF01, 0x37, new byte[0])), outcome.answer());
  }

  @Test
  void answerWithoutAnErrorByteIsAckedAndUnknown() throws Exception {
    ScriptedDevice device = ScriptedDevice.play(pair, """
        H→D 05
        D→H 15
        H→D %s
        D→H 06 02 01 10 11
        H→D 06
        """.formatted(STATUS));

    LinkOutcome outcome = host.transact(Links.frame(STATUS));

    device.assertPlayedExactly();
    assertEquals(Kind.UNKNOWN, outcome.kind());
  }

  @Test
  void unpluggedLineBeforeTheProbeIsNotSentAndNeverThrows() {
    pair.close();

    assertEquals(Kind.NOT_SENT, host.transact(Links.frame(STATUS)).kind());
  }
}
