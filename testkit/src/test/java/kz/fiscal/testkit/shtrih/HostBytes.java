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

  /** The frame {@code STX LEN body LRC} around {@code bodyHex}, in hex. */
  static String frame(String bodyHex) {
    byte[] body = HexFormat.of().parseHex(bodyHex.replace(" ", ""));
    int lrc = body.length;
    for (byte b : body) {
      lrc ^= b & 0xFF;
    }
    return HEX.formatHex(new byte[] {0x02, (byte) body.length}) + " " + HEX.formatHex(body) + " "
        + HEX.formatHex(new byte[] {(byte) lrc});
  }

  /**
   * Sends the frame {@code requestHex}, expects the ACK, reads the whole answer frame (delimited by its
   * LEN), confirms it with ACK and returns it in hex.
   */
  String command(String requestHex) throws IOException, InterruptedException {
    String ack = exchange(requestHex, 1);
    if (!ack.equals("06")) {
      throw new AssertionError("expected ACK, got " + ack + "; trace:\n" + registrar.trace());
    }
    String head = receive(2);
    int len = Integer.parseInt(head.substring(3), 16);
    String rest = receive(len + 1);
    send("06");
    return head + " " + rest;
  }

  /** {@link #command} with the request given as its body (CMD DATA); returns the answer's body. */
  String body(String requestBodyHex) throws IOException, InterruptedException {
    String answer = command(frame(requestBodyHex));
    return answer.substring(6, answer.length() - 3);
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
