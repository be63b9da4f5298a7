package kz.fiscal.testkit.internal.shtrih;

/**
 * The command layer the link layer ships with: short status (0x10, spec §3.1) of a registrar in its
 * power-on state (§7.1: shift closed, paper present), and {@code CMD 37} ("not supported") for every
 * other code. The fiscal commands come with the registrar's fiscal state. Stateless.
 */
public final class LinkCommands implements Commands {
  private static final int SHORT_STATUS = 0x10;
  private static final int NOT_SUPPORTED = 0x37;
  private static final int WRONG_PASSWORD = 0x4F;
  private static final int BAD_PARAMETERS = 0x33;

  @Override
  public byte[] execute(byte[] request) {
    int command = ShtrihBytes.commandOf(request);
    if (command != SHORT_STATUS) {
      return error(request, command, NOT_SUPPORTED);
    }
    if (request.length < 5) {
      return error(request, command, BAD_PARAMETERS);
    }
    long password = (request[1] & 0xFFL) | (request[2] & 0xFFL) << 8 | (request[3] & 0xFFL) << 16
        | (request[4] & 0xFFL) << 24;
    if (password < 1 || password > 30) {
      return error(request, command, WRONG_PASSWORD);
    }
    // ERR, operator, flags 0292 (LE), mode 4, submode 0, ops 0, battery 99, supply D8, FM 0, EJ 0, ops-hi 0, reserved x3
    return new byte[] {0x10, 0x00, (byte) password, (byte) 0x92, 0x02, 0x04, 0x00, 0x00, (byte) 0x99, (byte) 0xD8,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
  }

  private static byte[] error(byte[] request, int command, int code) {
    int size = ShtrihBytes.codeLength(command);
    byte[] answer = new byte[size + 1];
    System.arraycopy(request, 0, answer, 0, size);
    answer[size] = (byte) code;
    return answer;
  }
}
