package kz.fiscal.serial.internal;

/**
 * An answer with ERR {@code 00} that is shorter than its command's documented minimum (docs/serial-shtrih.md §1.3 rule
 * 5): it passed the LRC, so the link ACKed it, but its content is unusable. For fiscal-writing commands
 * the caller treats it as outcome UNKNOWN (§4.5).
 */
public final class MalformedAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int command;

  MalformedAnswerException(int command, String message) {
    super(Frame.commandName(command) + ": " + message);
    this.command = command;
  }

  /** The code of the command whose answer was malformed ({@code FFxx} as {@code 0xFFxx}). */
  public int command() {
    return command;
  }
}
