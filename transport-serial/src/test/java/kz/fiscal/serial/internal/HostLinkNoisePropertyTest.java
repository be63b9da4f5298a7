package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.RegistrarLine.STATUS;
import static kz.fiscal.serial.internal.RegistrarLine.STATUS_ANSWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import kz.fiscal.serial.InMemoryLinkPair;
import kz.fiscal.serial.internal.LinkOutcome.Kind;
import kz.fiscal.testkit.VirtualRegistrar;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random line noise between frames: the host never takes noise for an answer, never writes the frame
 * twice, and never waits past its own bounds.
 */
class HostLinkNoisePropertyTest {
  /** Probe, send, wait, recover and drain with the scaled timeouts, with room for a busy machine. */
  private static final Duration BOUND = Links.FAST.busyMax().plus(Duration.ofSeconds(3));

  /**
   * Noise bytes the device's line adds before each of its transmissions: anything but the four control
   * bytes, which frames alone may carry (docs/serial-shtrih.md §1.2), as a noisy line or the registrar's NOISE knob sends.
   */
  @Provide
  Arbitrary<List<byte[]>> noiseBeforeEachWrite() {
    Arbitrary<Byte> nonControl = Arbitraries.bytes().filter(b -> b != 0x02 && b != 0x05 && b != 0x06 && b != 0x15);
    return nonControl.array(byte[].class).ofMaxSize(12).list().ofMaxSize(6);
  }

  @Property(tries = 60)
  void noiseBetweenFramesIsNeverTakenForAnAnswer(@ForAll @Size(max = 40) byte[] leftOnTheLine,
      @ForAll("noiseBeforeEachWrite") List<byte[]> noise) throws Exception {
    try (RegistrarLine line = new RegistrarLine(Links.FAST, VirtualRegistrar.builder(),
        out -> new NoisyLine(out, noise))) {
      line.pair.deviceOutput().write(leftOnTheLine);

      LinkOutcome outcome = assertTimeoutPreemptively(BOUND, () -> line.host.transact(STATUS));

      assertEquals(Optional.of(STATUS_ANSWER), outcome.answer(), outcome.detail());
      assertEquals(1, line.framesReceived(STATUS));
      assertEquals(List.of(), outcome.stale());
    }
  }

  @Property(tries = 10)
  void aLineThatOnlyBabblesIsNotSentWithinTheHostsBounds(@ForAll long seed) throws Exception {
    try (InMemoryLinkPair pair = InMemoryLinkPair.open()) {
      Thread babbler = new Thread(() -> babble(pair.deviceOutput(), new Random(seed)));
      babbler.setDaemon(true);
      babbler.start();

      LinkOutcome outcome = assertTimeoutPreemptively(BOUND, () -> Links.host(pair).transact(STATUS));

      assertEquals(Kind.NOT_SENT, outcome.kind(), outcome.detail());
    }
  }

  private static void babble(OutputStream out, Random random) {
    byte[] chunk = new byte[16];
    try {
      while (true) {
        for (int i = 0; i < chunk.length; i++) {
          int b = random.nextInt(256);
          chunk[i] = (byte) (b == 0x02 || b == 0x06 || b == 0x15 ? 0xFF : b);
        }
        out.write(chunk);
        Thread.sleep(1);
      }
    } catch (IOException | InterruptedException e) {
      // the line was closed: the babbling ends
    }
  }

  /** The device's line with noise inserted before each of its first writes. */
  private static final class NoisyLine extends FilterOutputStream {
    private final ArrayDeque<byte[]> noise;

    NoisyLine(OutputStream out, List<byte[]> noise) {
      super(out);
      this.noise = new ArrayDeque<>(noise);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      byte[] junk = noise.poll();
      if (junk != null && junk.length > 0) {
        out.write(junk);
      }
      out.write(b, off, len);
    }
  }
}
