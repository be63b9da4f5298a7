package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.HostLinkTraceTest.hex;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import kz.fiscal.serial.InMemoryLinkPair;
import kz.fiscal.testkit.VirtualRegistrar;

/** A host link and the testkit's VirtualRegistrar on the two ends of one in-memory line. */
final class RegistrarLine implements AutoCloseable {
  static final Frame STATUS = new Frame(0x10, hex("01 00 00 00"));
  /** Short status of a registrar in its power-on state: operator 1, flags 0292, mode 4. */
  static final Answer STATUS_ANSWER = new Answer(0x10, 0x00, hex("01 92 02 04 00 00 99 D8 00 00 00 00 00 00"));

  final InMemoryLinkPair pair = InMemoryLinkPair.open();
  final VirtualRegistrar registrar;
  final HostLink host;

  RegistrarLine(LinkSettings settings, VirtualRegistrar.Builder device) {
    this(settings, device, Function.identity());
  }

  RegistrarLine(LinkSettings settings, VirtualRegistrar.Builder device, Function<OutputStream, OutputStream> wire) {
    registrar = device.start(pair.deviceInput(), wire.apply(pair.deviceOutput()));
    host = Links.host(pair, settings);
  }

  RegistrarLine() {
    this(Links.FAST, VirtualRegistrar.builder());
  }

  /** How many times the host wrote {@code frame}, as the registrar received it. */
  long framesReceived(Frame frame) {
    String sent = "H→D " + FrameCodec.hex(frame.encode());
    return registrar.frameLog().stream().filter(e -> e.toString().equals(sent)).count();
  }

  /** The registrar's trace once it has handled at least {@code entries} units (it runs on its own thread). */
  List<String> traceAfter(int entries) throws InterruptedException {
    for (int i = 0; i < 500 && registrar.frameLog().size() < entries; i++) {
      Thread.sleep(5);
    }
    return List.of(registrar.trace().split("\n"));
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Override
  public void close() {
    registrar.close();
    pair.close();
  }
}
