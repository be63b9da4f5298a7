package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.RegistrarLine.STATUS;
import static kz.fiscal.serial.internal.RegistrarLine.STATUS_ANSWER;
import static kz.fiscal.serial.internal.RegistrarLine.ms;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.fiscal.testkit.RegistrarFault;
import kz.fiscal.testkit.VirtualRegistrar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host link and the VirtualRegistrar on a real pty pair, both ends opened as plain files. */
class PtyLinkTest {
  private static final LinkSettings PTY = Links.FAST.withLineTimeouts(ms(300), ms(100))
      .withAnswerTimeouts(ms(300), ms(3000));

  @TempDir
  Path dir;

  @Test
  void heldAnswerIsFetchedByEnqOverAPtyPairAtLineSpeed() throws Exception {
    try (PtyPair pty = PtyPair.start(dir);
        VirtualRegistrar registrar = VirtualRegistrar.builder().lineSpeed(4800).start(pty.deviceEnd);
        StreamSerialLink link = StreamSerialLink.open(new FileInputStream(pty.hostEnd.toFile()),
            new FileOutputStream(pty.hostEnd.toFile()), Clock.systemUTC(), "pty-host")) {
      HostLink host = new HostLink(link, PTY, Clock.systemUTC());
      registrar.arm(RegistrarFault.dropAnswer().occurrence(2));

      List<Optional<Answer>> answers = List.of(host.transact(STATUS).answer(), host.transact(STATUS).answer());

      assertEquals(List.of(Optional.of(STATUS_ANSWER), Optional.of(STATUS_ANSWER)), answers);
      assertEquals(List.of(0x10, 0x10), registrar.executedCommands());
    }
  }
}
