package kz.fiscal.testkit.shtrih;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.fiscal.testkit.VirtualRegistrar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar's link behaviour of docs/serial-shtrih.md §1.4, byte by byte. */
class VirtualRegistrarLinkTest {
  static final String STATUS = "02 05 10 01 00 00 00 14";
  static final String STATUS_ANSWER = "02 10 10 00 01 92 02 04 00 00 99 D8 00 00 00 00 00 00 D4";

  private HostBytes host = new HostBytes();

  @AfterEach
  void close() {
    host.close();
  }

  @Test
  void idleRegistrarAnswersEnqWithNak() throws Exception {
    assertEquals("15", host.exchange("05", 1));
  }

  @Test
  void intactFrameIsAckedAndAnsweredWithoutWaitingForEnq() throws Exception {
    assertEquals("06 " + STATUS_ANSWER, host.exchange(STATUS, 20));
    host.send("06");

    assertEquals("H→D 02 05 10 01 00 00 00 14\nD→H 06\nD→H " + STATUS_ANSWER + "\nH→D 06", host.traceAfter(4));
    assertEquals(List.of(0x10), host.registrar.executedCommands());
  }

  @Test
  void frameWithAWrongLrcIsNakedAndNotExecuted() throws Exception {
    assertEquals("15", host.exchange("02 05 10 01 00 00 00 15", 1));
    assertEquals(List.of(), host.registrar.executedCommands());
  }

  @Test
  void frameWithLenZeroIsNaked() throws Exception {
    assertEquals("15", host.exchange("02 00", 1));
  }

  @Test
  void frameThatStopsAfterItsLenIsNakedOnceTheByteTimeoutPasses() throws Exception {
    host.close();
    host = new HostBytes(VirtualRegistrar.builder().receiveByteTimeout(Duration.ofMillis(20)));

    assertEquals("15", host.exchange("02 05 10 01", 1));
  }

  @Test
  void frameThatStopsBeforeItsLenIsDroppedSilently() throws Exception {
    host.close();
    host = new HostBytes(VirtualRegistrar.builder().receiveByteTimeout(Duration.ofMillis(20)));
    host.send("02");
    host.traceAfter(1);

    assertEquals("15", host.exchange("05", 1));
    assertEquals("H→D 02\nH→D 05\nD→H 15", host.traceAfter(3));
  }

  @Test
  void nakedAnswerIsHeldAndSentAgainAfterAckOnEnq() throws Exception {
    host.exchange(STATUS, 20);
    host.send("15");

    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
    assertEquals(List.of(0x10), host.registrar.executedCommands());
  }

  @Test
  void confirmedAnswerIsDroppedAndEnqThenFindsTheRegistrarIdle() throws Exception {
    host.exchange(STATUS, 20);
    host.send("06");

    assertEquals("15", host.exchange("05", 1));
  }

  @Test
  void answerLeftUnconfirmedIsHeldForTheNextEnq() throws Exception {
    host.close();
    host = new HostBytes(VirtualRegistrar.builder().confirmTimeout(Duration.ofMillis(10)));
    host.exchange(STATUS, 20);

    assertEquals("06 " + STATUS_ANSWER, host.exchange("05", 20));
  }

  @Test
  void acceptedFrameDiscardsTheHeldAnswer() throws Exception {
    host.exchange(STATUS, 20);
    host.send("15");

    assertEquals("06 02 02 81 37 B4", host.exchange("02 02 81 00 83", 6));
    host.send("06");
    assertEquals("15", host.exchange("05", 1));
  }

  @Test
  void unknownCommandsAreAckedAndAnsweredNotSupported() throws Exception {
    assertEquals("06 02 02 81 37 B4", host.exchange("02 02 81 00 83", 6));
    host.send("06");
    assertEquals("06 02 03 FF 7E 37 B5", host.exchange("02 06 FF 7E 1E 00 00 00 99", 7));
  }

  @Test
  void shortStatusWithAnUnknownPasswordIsRefused() throws Exception {
    assertEquals("06 02 02 10 4F 5D", host.exchange("02 05 10 1F 00 00 00 0A", 6));
  }

  @Test
  void pacedRegistrarStillSendsIntactFrames() throws Exception {
    host.close();
    host = new HostBytes(VirtualRegistrar.builder().lineSpeed(115_200));

    assertEquals("06 " + STATUS_ANSWER, host.exchange(STATUS, 20));
  }

  @Test
  void frameLogIsStampedWithTheRegistrarsClock() throws Exception {
    Instant start = Instant.parse("2026-01-15T05:30:00Z");
    host.close();
    host = new HostBytes(VirtualRegistrar.builder().clock(Clock.fixed(start, ZoneOffset.UTC)));
    host.registrar.clock().advance(Duration.ofHours(24));

    host.exchange("05", 1);

    assertEquals(start.plus(Duration.ofHours(24)), host.registrar.frameLog().get(0).at());
    assertNotEquals(ZoneOffset.UTC, host.registrar.clock().getZone());
  }
}
