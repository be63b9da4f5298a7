package kz.fiscal.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;

/**
 * The fiscal signs that crash-test workers told their callers, key by key, collected from the
 * {@link #line ack lines} they printed, so that a test can hold the register's ledger against what the
 * shop believed: a key acknowledged with two different signs is a {@link #conflicts() conflict}. Not
 * thread-safe.
 *
 * <pre>{@code
 * // in the worker, after each result, flushed:
 * System.out.println(Acknowledgements.line(key, client.fiscalize(key, receipt)));
 * // in the test, after the worker ended or was killed:
 * acknowledgements.read(worker.lines());
 * assertEquals(List.of(), acknowledgements.conflicts());
 * }</pre>
 */
public final class Acknowledgements {
  private static final String ACK = "ack";
  /** Stands for a result without a fiscal sign (a device closed the check but could not report it). */
  private static final String NO_SIGN = "-";

  private final Map<IdempotencyKey, String> signs = new HashMap<>();
  private final List<String> conflicts = new ArrayList<>();

  /** The line a worker prints for a result it was given: {@code ack KEY SIGN}, {@code -} without a sign. */
  public static String line(IdempotencyKey key, FiscalResult result) {
    return ACK + " " + key.value() + " " + result.fiscalSign().orElse(NO_SIGN);
  }

  /**
   * Keeps every ack line among {@code lines} (other lines are ignored) and notes a conflict where a key
   * was acknowledged before with another sign.
   *
   * @return how many ack lines there were
   */
  public int read(List<String> lines) {
    int acks = 0;
    for (String line : lines) {
      String[] words = line.split(" ");
      if (words.length == 3 && words[0].equals(ACK)) {
        acks++;
        String earlier = signs.putIfAbsent(IdempotencyKey.of(words[1]), words[2]);
        if (earlier != null && !earlier.equals(words[2])) {
          conflicts.add(words[1] + " was acknowledged with fiscal sign " + earlier + ", now with " + words[2]);
        }
      }
    }
    return acks;
  }

  /** The sign first acknowledged for {@code key}; empty if never acknowledged or acknowledged without one. */
  public Optional<String> fiscalSign(IdempotencyKey key) {
    return Optional.ofNullable(signs.get(key)).filter(sign -> !sign.equals(NO_SIGN));
  }

  /** Whether any worker acknowledged {@code key}. */
  public boolean acknowledged(IdempotencyKey key) {
    return signs.containsKey(key);
  }

  /** Every key acknowledged with a sign other than its first, in the order read; empty when none. */
  public List<String> conflicts() {
    return List.copyOf(conflicts);
  }
}
