package kz.fiscal.testkit.shtrih;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import kz.fiscal.testkit.VirtualRegistrar;

/**
 * A host written byte by byte, as the spec's traces are, on in-memory pipes to a VirtualRegistrar; the
 * testkit knows no driver, so its own tests speak the bytes themselves.
 */
final class HostBytes implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private final PipedOutputStream toDevice = new PipedOutputStream();
  private final PipedInputStream fromDevice = new PipedInputStream(4096);
  final VirtualRegistrar registrar;

  HostBytes(VirtualRegistrar.Builder builder) {
    try {
      PipedInputStream deviceIn = new PipedInputStream(toDevice, 4096);
      PipedOutputStream deviceOut = new PipedOutputStream(fromDevice);
      registrar = builder.start(deviceIn, deviceOut);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HostBytes() {
    this(VirtualRegistrar.builder());
  }

  /** Writes {@code hex} to the registrar. */
  HostBytes send(String hex) throws IOException {
    toDevice.write(HexFormat.of().parseHex(hex.replace(" ", "")));
    toDevice.flush();
    return this;
  }

  /** The next {@code n} bytes from the registrar, in hex; fails when they do not come within 2 s. */
  String receive(int n) throws IOException, InterruptedException {
    for (int i = 0; i < 400 && fromDevice.available() < n; i++) {
      Thread.sleep(5);
    }
    if (fromDevice.available() < n) {
      throw new AssertionError("expected " + n + " bytes, got " + HEX.formatHex(fromDevice.readNBytes(fromDevice.available()))
          + "; trace:\n" + registrar.trace());
    }
    return HEX.formatHex(fromDevice.readNBytes(n));
  }

  /** Sends {@code request} and returns the registrar's reply of {@code n} bytes. */
  String exchange(String request, int n) throws IOException, InterruptedException {
    send(request);
    return receive(n);
  }

  /** Waits until the registrar has logged {@code entries} units, then returns its trace. */
  String traceAfter(int entries) throws InterruptedException {
    for (int i = 0; i < 400 && registrar.frameLog().size() < entries; i++) {
      Thread.sleep(5);
    }
    return registrar.trace();
  }

  @Override
  public void close() {
    registrar.close();
  }
}
