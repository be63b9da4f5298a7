package kz.fiscal.testkit.shtrih;

import static kz.fiscal.testkit.shtrih.VirtualRegistrarLinkTest.STATUS;
import static kz.fiscal.testkit.shtrih.VirtualRegistrarLinkTest.STATUS_ANSWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import kz.fiscal.testkit.RegistrarFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each link fault of docs/serial-shtrih.md §7.5 changes the bytes on the line as its knob says. */
class VirtualRegistrarFaultTest {
  private static final String CORRUPT_ANSWER = STATUS_ANSWER.substring(0, STATUS_ANSWER.length() - 2) + "2B";

  private final HostBytes host = new HostBytes();

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void nakFrameRepliesNakAndDoesNotExecute() throws Exception {
    host.registrar.arm(RegistrarFault.nakFrame());

    assertEquals("15", host.exchange(STATUS, 1));
    assertEquals(List.of(), host.registrar.executedCommands());
  }

  @Test
  void ignoreFrameConsumesItWithoutAReply() throws Exception {
    host.registrar.arm(RegistrarFault.ignoreFrame());
    host.send(STATUS);

    assertEquals("15", host.exchange("05", 1));
    assertEquals(List.of(), host.registrar.executedCommands());
  }

  @Test
  void dropAckExecutesAndHoldsTheAnswerUntilEnq() throws Exception {
    host.registrar.arm(RegistrarFault.dropAck());
    host.send(STATUS);

    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
    assertEquals("H→D " + STATUS + "\nH→D 05\nD→H 06\nD→H " + STATUS_ANSWER, host.traceAfter(4));
  }

  @Test
  void dropAnswerAcksAndHoldsTheAnswerUntilEnq() throws Exception {
    host.registrar.arm(RegistrarFault.dropAnswer());

    assertEquals("06", host.exchange(STATUS, 1));
    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
  }

  @Test
  void loseAnswerCommitsThenPowerCyclesSoEnqFindsNothing() throws Exception {
    host.registrar.arm(RegistrarFault.loseAnswer(true));

    assertEquals("06", host.exchange(STATUS, 1));
    assertEquals("15", host.exchange("05", 1));
    assertEquals(List.of(0x10), host.registrar.executedCommands());
  }

  @Test
  void loseAnswerWithoutCommitHasNoEffect() throws Exception {
    host.registrar.arm(RegistrarFault.loseAnswer(false));

    assertEquals("06", host.exchange(STATUS, 1));
    assertEquals("15", host.exchange("05", 1));
    assertEquals(List.of(), host.registrar.executedCommands());
  }

  @Test
  void corruptLrcSendsTheLrcXorFfOnceAndTheIntactAnswerAfterNakAndEnq() throws Exception {
    host.registrar.arm(RegistrarFault.corruptLrc());

    assertEquals("06 " + CORRUPT_ANSWER, host.exchange(STATUS, 20));
    host.send("15");
    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
  }

  @Test
  void truncateAnswerStopsAfterItsBytesAndHoldsTheWholeAnswer() throws Exception {
    host.registrar.arm(RegistrarFault.truncateAnswer(4));

    assertEquals("06 02 10 10 00", host.exchange(STATUS, 5));
    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
  }

  @Test
  void gapInAnswerSplitsTheTransmissionWhereItSays() throws Exception {
    host.registrar.arm(RegistrarFault.gapInAnswer(3, Duration.ofMillis(5)));

    assertEquals("06 " + STATUS_ANSWER, host.exchange(STATUS, 20));
    assertEquals("D→H 02 10 10", host.traceAfter(4).split("\n")[2]);
  }

  @Test
  void busyRegistrarAnswersEnqWithAckUntilItsAnswerIsReady() throws Exception {
    host.registrar.arm(RegistrarFault.busy(Duration.ofMillis(300)));

    assertEquals("06", host.exchange(STATUS, 1));
    assertEquals("06", host.exchange("05", 1));
    assertEquals(STATUS_ANSWER, host.receive(19));
  }

  @Test
  void silentRegistrarIgnoresEverythingUntilCleared() throws Exception {
    host.registrar.arm(RegistrarFault.silent(Duration.ZERO));
    host.send(STATUS).send("05 05");
    host.traceAfter(3);

    host.registrar.clearFaults();

    assertEquals("15", host.exchange("05", 1));
    assertEquals(List.of(), host.registrar.executedCommands());
  }

  @Test
  void noiseComesBeforeTheNextReplyAndHoldsNoControlByte() throws Exception {
    host.registrar.arm(RegistrarFault.noise(24));

    byte[] noise = HexFormat.ofDelimiter(" ").parseHex(host.exchange(STATUS, 24));

    assertEquals("06 " + STATUS_ANSWER, host.receive(20));
    for (byte b : noise) {
      assertTrue(b != 0x02 && b != 0x05 && b != 0x06 && b != 0x15, "control byte in the noise");
    }
  }

  @Test
  void rebootLosesTheHeldAnswer() throws Exception {
    host.registrar.arm(RegistrarFault.dropAnswer());
    host.exchange(STATUS, 1);

    host.registrar.reboot();

    assertEquals("15", host.exchange("05", 1));
  }

  @Test
  void triggerFiresFromItsOccurrenceForItsTimesOnItsCommandOnly() throws Exception {
    host.registrar.arm(RegistrarFault.nakFrame().on(0x10).occurrence(2).times(2));

    List<String> replies = new java.util.ArrayList<>();
    replies.add(host.exchange(STATUS, 20));
    host.send("06");
    replies.add(host.exchange("02 02 81 00 83", 6));
    host.send("06");
    replies.add(host.exchange(STATUS, 1));
    replies.add(host.exchange(STATUS, 1));
    replies.add(host.exchange(STATUS, 20));

    assertEquals(List.of("06 " + STATUS_ANSWER, "06 02 02 81 37 B4", "15", "15", "06 " + STATUS_ANSWER), replies);
  }

  @Test
  void faultsRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> RegistrarFault.nakFrame().times(0));
    assertThrows(IllegalArgumentException.class, () -> RegistrarFault.nakFrame().occurrence(0));
    assertThrows(IllegalArgumentException.class, () -> RegistrarFault.noise(-1));
    assertThrows(IllegalStateException.class, () -> RegistrarFault.busy(Duration.ZERO).afterExecute());
  }
}
