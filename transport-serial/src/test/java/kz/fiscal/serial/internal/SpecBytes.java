package kz.fiscal.serial.internal;

import java.util.HexFormat;

/** The spec's hex notation, with its "followed by n × 00" shorthand written out. */
final class SpecBytes {
  private SpecBytes() {}

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** {@code n} copies of the byte {@code b}, as spaced hex. */
  static String times(int n, String b) {
    return (" " + b).repeat(n);
  }

  /** The answer to a request with {@code command} carried by the frame {@code wire}. */
  static Answer answer(int command, String wire) {
    return Answer.to(command, FrameCodec.decode(hex(wire)).body()).orElseThrow();
  }

  static String wire(Frame frame) {
    return FrameCodec.hex(frame.encode());
  }
}
