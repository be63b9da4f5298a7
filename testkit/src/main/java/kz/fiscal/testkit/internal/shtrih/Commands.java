package kz.fiscal.testkit.internal.shtrih;

/** The registrar's command layer: turns an accepted request body into an answer body. */
public interface Commands {
  /**
   * Executes {@code request} (CMD and DATA) and commits its effect.
   *
   * @return the answer body: the request's CMD, ERR, and data when ERR is {@code 00}
   */
  byte[] execute(byte[] request);

  /** The device lost power: whatever it had not committed is gone. */
  default void powerCycled() {}
}
