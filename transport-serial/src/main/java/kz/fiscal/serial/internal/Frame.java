package kz.fiscal.serial.internal;

import java.util.Arrays;

/**
 * One frame of the Shtrih-M link (docs/serial-shtrih.md §1.3): a command code and its data; on the wire
 * {@code STX LEN CMD DATA LRC}. Immutable; arrays are copied in and out. A two-byte code {@code FFxx}
 * is held as the int {@code 0xFFxx}; one-byte codes are {@code 0x00…0xFE}.
 *
 * @param command the command code: {@code 0x00…0xFE}, or {@code 0xFF00…0xFFFF} for two-byte codes
 * @param data the bytes after the code (for an answer: ERR first)
 */
public record Frame(int command, byte[] data) {
  /** The largest LEN: CMD and DATA together are at most 255 bytes. */
  public static final int MAX_LEN = 255;

  /**
   * @throws IllegalArgumentException when the code is out of range or the frame would exceed LEN 255
   */
  public Frame {
    if (command < 0 || command > 0xFFFF || (command > 0xFE && command < 0xFF00)) {
      throw new IllegalArgumentException("not a command code: 0x" + Integer.toHexString(command));
    }
    data = data.clone();
    if (commandSize(command) + data.length > MAX_LEN) {
      throw new IllegalArgumentException("a frame carries at most 255 bytes of CMD and DATA, got "
          + (commandSize(command) + data.length));
    }
  }

  /**
   * Reads a frame body (the LEN bytes between LEN and LRC): a leading {@code FF} with a byte after it
   * is a two-byte code.
   *
   * @throws IllegalArgumentException when {@code body} is empty or longer than 255 bytes
   */
  public static Frame ofBody(byte[] body) {
    if (body.length == 0) {
      throw new IllegalArgumentException("a frame body has at least the command byte");
    }
    int first = body[0] & 0xFF;
    if (first == 0xFF && body.length >= 2) {
      return new Frame(0xFF00 | (body[1] & 0xFF), Arrays.copyOfRange(body, 2, body.length));
    }
    return new Frame(first, Arrays.copyOfRange(body, 1, body.length));
  }

  /** 1 for one-byte codes, 2 for {@code FFxx}. */
  public static int commandSize(int command) {
    return command >= 0xFF00 ? 2 : 1;
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** CMD followed by DATA: what LEN counts and LRC covers. */
  public byte[] body() {
    int size = commandSize(command);
    byte[] body = new byte[size + data.length];
    if (size == 2) {
      body[0] = (byte) 0xFF;
    }
    body[size - 1] = (byte) command;
    System.arraycopy(data, 0, body, size, data.length);
    return body;
  }

  /** The whole frame as sent: {@code STX LEN CMD DATA LRC}. */
  public byte[] encode() {
    return FrameCodec.frame(body());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && f.command == command && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * command + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("Frame[%s %s]", commandName(command), FrameCodec.hex(data));
  }

  static String commandName(int command) {
    return command >= 0xFF00 ? String.format("%04X", command) : String.format("%02X", command);
  }
}
