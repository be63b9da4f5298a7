package kz.fiscal.serial.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * A device's answer to one request (docs/serial-shtrih.md §1.3): the request's command code, the error byte
 * ({@code 0} = success) and the data after it. Immutable.
 *
 * @param command the code of the request it answers
 * @param error the ERR byte, {@code 0x00…0xFF}
 * @param data the answer data after ERR (empty for error answers)
 */
public record Answer(int command, int error, byte[] data) {
  public Answer {
    if (error < 0 || error > 0xFF) {
      throw new IllegalArgumentException("ERR is one byte, got " + error);
    }
    data = data.clone();
  }

  /**
   * Reads {@code body} as the answer to a request with code {@code requestCommand}. Empty when the body
   * does not start with the request's code (a foreign answer) or has no ERR byte after it. An
   * {@code FFxx} request answered with the two-byte old-firmware form {@code FF ERR} is accepted.
   */
  public static Optional<Answer> to(int requestCommand, byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    boolean twoByte = requestCommand >= 0xFF00;
    if (twoByte && body.length == 2 && (body[0] & 0xFF) == 0xFF) {
      return Optional.of(new Answer(requestCommand, body[1] & 0xFF, new byte[0]));
    }
    byte[] code = new Frame(requestCommand, new byte[0]).body();
    if (body.length <= code.length || !Arrays.equals(body, 0, code.length, code, 0, code.length)) {
      return Optional.empty();
    }
    return Optional.of(new Answer(requestCommand, body[code.length] & 0xFF,
        Arrays.copyOfRange(body, code.length + 1, body.length)));
  }

  /** Whether ERR is {@code 00}. */
  public boolean ok() {
    return error == 0;
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Answer a && a.command == command && a.error == error && Arrays.equals(a.data, data);
  }

  @Override
  public int hashCode() {
    return (31 * command + error) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("Answer[%s err %02X %s]", Frame.commandName(command), error, FrameCodec.hex(data));
  }
}
