package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.HostLinkTraceTest.hex;
import static kz.fiscal.serial.internal.RegistrarLine.STATUS;
import static kz.fiscal.serial.internal.RegistrarLine.STATUS_ANSWER;
import static kz.fiscal.serial.internal.RegistrarLine.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import kz.fiscal.serial.internal.LinkOutcome.Kind;
import kz.fiscal.testkit.RegistrarFault;
import kz.fiscal.testkit.VirtualRegistrar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every link fault of docs/serial-shtrih.md §7.5, suffered by the VirtualRegistrar, against the host's state machine. */
class HostLinkFaultTest {
  private RegistrarLine line = new RegistrarLine();

  @AfterEach
  void closeLine() {
    line.close();
  }

  private LinkOutcome status() {
    return line.host.transact(STATUS);
  }

  private void assertAnsweredOnce(LinkOutcome outcome) {
    assertEquals(Optional.of(STATUS_ANSWER), outcome.answer(), outcome.detail());
    assertEquals(List.of(0x10), line.registrar.executedCommands());
    assertEquals(1, line.framesReceived(STATUS));
  }

  @Test
  void idleRegistrarAnswersShortStatusInTheShapeOfTraceA() throws Exception {
    LinkOutcome outcome = status();

    assertEquals(Optional.of(STATUS_ANSWER), outcome.answer());
    assertEquals(List.of("H→D 05", "D→H 15", "H→D 02 05 10 01 00 00 00 14", "D→H 06",
        "D→H 02 10 10 00 01 92 02 04 00 00 99 D8 00 00 00 00 00 00 D4", "H→D 06"), line.traceAfter(6));
  }

  @Test
  void frameNakedTwiceIsWrittenAThirdTimeAndAnswered() {
    line.registrar.arm(RegistrarFault.nakFrame().on(0x10).times(2));

    LinkOutcome outcome = status();

    assertEquals(Optional.of(STATUS_ANSWER), outcome.answer());
    assertEquals(3, line.framesReceived(STATUS));
    assertEquals(List.of(0x10), line.registrar.executedCommands());
  }

  @Test
  void frameNakedThreeTimesIsNotAcceptedAndNeverRan() {
    line.registrar.arm(RegistrarFault.nakFrame().times(3));

    assertEquals(Kind.NOT_ACCEPTED, status().kind());
    assertEquals(List.of(), line.registrar.executedCommands());
  }

  @Test
  void frameLostOnTheLineToAnIdleDeviceIsNotAckedIdle() {
    line.registrar.arm(RegistrarFault.ignoreFrame());

    assertEquals(Kind.NOT_ACKED_IDLE, status().kind());
    assertEquals(List.of(), line.registrar.executedCommands());
  }

  @Test
  void lostAckIsRecoveredByEnqWithoutWritingTheFrameAgain() {
    line.registrar.arm(RegistrarFault.dropAck());

    assertAnsweredOnce(status());
  }

  @Test
  void heldAnswerIsFetchedByEnqAfterLostAnswer() {
    line.registrar.arm(RegistrarFault.dropAnswer());

    assertAnsweredOnce(status());
  }

  @Test
  void answerLostToAPowerLossAfterTheCommitIsUnknown() {
    line.registrar.arm(RegistrarFault.loseAnswer(true));

    assertEquals(Kind.UNKNOWN, status().kind());
    assertEquals(List.of(0x10), line.registrar.executedCommands());
  }

  @Test
  void answerLostToAPowerLossBeforeTheCommitIsUnknownToo() {
    line.registrar.arm(RegistrarFault.loseAnswer(false));

    assertEquals(Kind.UNKNOWN, status().kind());
    assertEquals(List.of(), line.registrar.executedCommands());
  }

  @Test
  void answerWithACorruptedLrcIsNakedAndTheIntactOneFetchedByEnq() throws Exception {
    line.registrar.arm(RegistrarFault.corruptLrc());

    assertAnsweredOnce(status());
    List<String> trace = line.traceAfter(10);
    assertEquals(List.of("D→H 02 10 10 00 01 92 02 04 00 00 99 D8 00 00 00 00 00 00 2B", "H→D 15", "H→D 05",
        "D→H 06", "D→H 02 10 10 00 01 92 02 04 00 00 99 D8 00 00 00 00 00 00 D4", "H→D 06"),
        trace.subList(4, 10));
  }

  @Test
  void truncatedAnswerIsNakedAfterTheByteTimeoutAndFetchedAgain() throws Exception {
    line.registrar.arm(RegistrarFault.truncateAnswer(5));

    assertAnsweredOnce(status());
    assertEquals("D→H 02 10 10 00 01", line.traceAfter(5).get(4));
  }

  @Test
  void gapShorterThanTheByteTimeoutIsReadAsOneAnswer() throws Exception {
    line.close();
    line = new RegistrarLine(Links.FAST.withLineTimeouts(ms(300), ms(300)), VirtualRegistrar.builder());
    line.registrar.arm(RegistrarFault.gapInAnswer(6, ms(10)));

    assertAnsweredOnce(status());
    assertEquals(List.of("D→H 02 10 10 00 01 92", "D→H 02 04 00 00 99 D8 00 00 00 00 00 00 D4", "H→D 06"),
        line.traceAfter(7).subList(4, 7));
  }

  @Test
  void gapLongerThanTheByteTimeoutIsNakedAndTheAnswerFetchedAgain() throws Exception {
    line.registrar.arm(RegistrarFault.gapInAnswer(6, ms(150)));

    assertAnsweredOnce(status());
    assertTrue(line.traceAfter(7).contains("H→D 15"), line.registrar.trace());
  }

  @Test
  void busyDeviceIsPolledByEnqAndTheFrameIsNeverWrittenAgain() throws Exception {
    line.registrar.arm(RegistrarFault.busy(ms(500)));

    assertAnsweredOnce(status());
    assertEquals(List.of("H→D 05", "D→H 06"), line.traceAfter(6).subList(4, 6));
  }

  @Test
  void deviceBusyLongerThanTBusyMaxIsUnknown() {
    line.close();
    line = new RegistrarLine(Links.FAST.withAnswerTimeouts(ms(100), ms(300)), VirtualRegistrar.builder());
    line.registrar.arm(RegistrarFault.busy(Duration.ofSeconds(30)));

    assertEquals(Kind.UNKNOWN, status().kind());
    assertEquals(1, line.framesReceived(STATUS));
  }

  @Test
  void deviceThatFallsSilentAtTheFrameIsUnknownThenNotSent() {
    line.registrar.arm(RegistrarFault.silent(Duration.ZERO));

    assertEquals(Kind.UNKNOWN, status().kind());
    assertEquals(Kind.NOT_SENT, status().kind());
    assertEquals(List.of(), line.registrar.executedCommands());
  }

  @Test
  void answerHeldThroughASilenceIsDrainedByTheNextProbeAsStale() {
    line.registrar.arm(RegistrarFault.silent(Duration.ZERO).afterExecute());
    assertEquals(Kind.UNKNOWN, status().kind());
    line.registrar.clearFaults();

    LinkOutcome next = line.host.transact(new Frame(0x81, hex("01 00 00 00")));

    assertEquals(Optional.of(new Answer(0x81, 0x37, new byte[0])), next.answer());
    assertEquals(List.of(new Frame(0x10, hex("00 01 92 02 04 00 00 99 D8 00 00 00 00 00 00"))), next.stale());
  }

  @Test
  void noiseBeforeTheReplyIsDiscarded() {
    line.registrar.arm(RegistrarFault.noise(32));

    assertAnsweredOnce(status());
  }

  @Test
  void rebootWhileTheDeviceIsBusyLosesTheAnswer() throws Exception {
    line.registrar.arm(RegistrarFault.busy(Duration.ofSeconds(30)));
    CompletableFuture<LinkOutcome> outcome = CompletableFuture.supplyAsync(this::status);
    line.traceAfter(4);

    line.registrar.reboot();

    assertEquals(Kind.UNKNOWN, outcome.get().kind());
  }

  @Test
  void replyDelayShorterThanTCtlIsWaitedFor() {
    line.close();
    line = new RegistrarLine(Links.FAST, VirtualRegistrar.builder().replyDelay(ms(20)));

    assertAnsweredOnce(status());
  }

  @Test
  void unknownTwoByteCommandIsAnsweredNotSupported() {
    LinkOutcome outcome = line.host.transact(new Frame(0xFF7E, hex("1E 00 00 00")));

    assertEquals(Optional.of(new Answer(0xFF7E, 0x37, new byte[0])), outcome.answer());
  }
}
