package kz.fiscal.serial.internal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The byte rules of the Shtrih-M link layer (docs/serial-shtrih.md §1.2, §1.3): control bytes, LRC, and whole frames
 * to and from bytes. Stateless. Frames are not byte-stuffed: a frame is delimited by LEN alone.
 */
public final class FrameCodec {
  /** First byte of a frame. */
  public static final int STX = 0x02;
  /** Host to device: "report your state" (and "send the held answer again"). */
  public static final int ENQ = 0x05;
  /** Frame arrived intact; to ENQ: "an answer is held or coming". */
  public static final int ACK = 0x06;
  /** Frame damaged; to ENQ: "idle, nothing held". */
  public static final int NAK = 0x15;

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private FrameCodec() {}

  /** XOR of LEN and every body byte (STX excluded). */
  public static int lrc(byte[] body) {
    int lrc = body.length;
    for (byte b : body) {
      lrc ^= b & 0xFF;
    }
    return lrc & 0xFF;
  }

  /**
   * {@code STX LEN body LRC}.
   *
   * @throws IllegalArgumentException when the body is empty or longer than 255 bytes
   */
  public static byte[] frame(byte[] body) {
    if (body.length == 0 || body.length > Frame.MAX_LEN) {
      throw new IllegalArgumentException("LEN must be 1…255, got " + body.length);
    }
    byte[] wire = new byte[body.length + 3];
    wire[0] = STX;
    wire[1] = (byte) body.length;
    System.arraycopy(body, 0, wire, 2, body.length);
    wire[wire.length - 1] = (byte) lrc(body);
    return wire;
  }

  /**
   * The frame in {@code wire}, which must be exactly one frame.
   *
   * @throws IllegalArgumentException when STX, LEN, the length or the LRC is wrong
   */
  public static Frame decode(byte[] wire) {
    if (wire.length < 4 || (wire[0] & 0xFF) != STX) {
      throw new IllegalArgumentException("not a frame: " + hex(wire));
    }
    int len = wire[1] & 0xFF;
    if (len == 0 || wire.length != len + 3) {
      throw new IllegalArgumentException("LEN " + len + " does not match " + wire.length + " bytes: " + hex(wire));
    }
    byte[] body = Arrays.copyOfRange(wire, 2, 2 + len);
    int lrc = wire[wire.length - 1] & 0xFF;
    if (lrc != lrc(body)) {
      throw new IllegalArgumentException(String.format("LRC %02X, expected %02X: %s", lrc, lrc(body), hex(wire)));
    }
    return Frame.ofBody(body);
  }

  /** Upper-case hex, bytes separated by spaces, as in the traces of docs/serial-shtrih.md §1.7. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
