package kz.fiscal.serial.internal;

import java.util.OptionalInt;

/**
 * Decoders of the short answers of docs/serial-shtrih.md §3: the operator byte of E0, 80, 82, 88, 40, 41, B0, and the
 * operator-plus-amount of 89 (subtotal) and 85 (change). Stateless.
 */
public final class Answers {
  private Answers() {}

  /**
   * An operator and an amount in tiyn: the subtotal of 0x89 or the change of 0x85.
   *
   * @param operator the operator number matching the password
   */
  public record OperatorAmount(int operator, long tiyn) {
    /** @throws MalformedAnswerException when the answer is shorter than LEN 8 */
    public static OperatorAmount decode(Answer answer) {
      DataReader in = DataReader.of(answer, 6);
      return new OperatorAmount(in.u8(), in.u40());
    }
  }

  /**
   * The operator number of a LEN 3 answer (80, 82, 88, 40, 41, B0).
   *
   * @throws MalformedAnswerException when the operator byte is missing
   */
  public static int operator(Answer answer) {
    return DataReader.of(answer, 1).u8();
  }

  /**
   * The operator of an E0 answer, which real devices may omit (LEN 2, docs/serial-shtrih.md §3.3, §10 item 2).
   *
   * @return empty for the LEN 2 form
   */
  public static OptionalInt openShift(Answer answer) {
    DataReader in = DataReader.of(answer, 0);
    return in.remaining() == 0 ? OptionalInt.empty() : OptionalInt.of(in.u8());
  }
}
