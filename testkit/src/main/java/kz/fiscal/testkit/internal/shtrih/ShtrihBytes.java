package kz.fiscal.testkit.internal.shtrih;

import java.util.HexFormat;

/**
 * The device's own reading of the Shtrih-M frame format (docs/serial-shtrih.md §1.2, §1.3), written apart from any
 * driver so that the virtual registrar checks a driver independently.
 */
public final class ShtrihBytes {
  public static final int STX = 0x02;
  public static final int ENQ = 0x05;
  public static final int ACK = 0x06;
  public static final int NAK = 0x15;

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

  private ShtrihBytes() {}

  /** The LRC of a frame with this body: LEN xor every body byte. */
  public static int checksum(byte[] body) {
    int x = body.length;
    for (byte b : body) {
      x ^= b & 0xFF;
    }
    return x & 0xFF;
  }

  /** The frame carrying {@code body} (1…255 bytes). */
  public static byte[] wrap(byte[] body) {
    byte[] out = new byte[body.length + 3];
    out[0] = STX;
    out[1] = (byte) body.length;
    System.arraycopy(body, 0, out, 2, body.length);
    out[out.length - 1] = (byte) checksum(body);
    return out;
  }

  /** The code a body starts with: {@code 0xFFxx} when it starts with {@code FF} and has a second byte. */
  public static int commandOf(byte[] body) {
    int first = body[0] & 0xFF;
    return first == 0xFF && body.length > 1 ? 0xFF00 | (body[1] & 0xFF) : first;
  }

  /** How many bytes the code of {@code command} takes. */
  public static int codeLength(int command) {
    return command > 0xFF ? 2 : 1;
  }

  /** The error answer {@code CMD code} to the request {@code body}. */
  public static byte[] errorAnswer(byte[] body, int code) {
    int size = codeLength(commandOf(body));
    byte[] answer = new byte[size + 1];
    System.arraycopy(body, 0, answer, 0, size);
    answer[size] = (byte) code;
    return answer;
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
