package kz.fiscal.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How {@code FiscalClient} retries one fiscalization: exponential backoff from 500 ms doubling to a
 * 5 s cap, each wait scaled by a random jitter of 75-100 %, at most {@link #maxAttempts()} attempts
 * within an overall {@link #timeout()} that also bounds every driver call. A provider's retry hint
 * (HTTP 429 {@code Retry-After}) wins over the computed wait. Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxAttempts;
  private final Duration timeout;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder b) {
    initialBackoff = b.initialBackoff;
    maxBackoff = b.maxBackoff;
    maxAttempts = b.maxAttempts;
    timeout = b.timeout;
    sleeper = b.sleeper;
    jitter = b.jitter;
  }

  /** 500 ms doubling to 5 s, jitter 75-100 %, 6 attempts, 30 s overall, real sleeping. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry): {@code min(initial × 2^(retry−1),
   * max)} scaled by the jitter.
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1, was " + retry);
    }
    long base = initialBackoff.toMillis();
    long capped = maxBackoff.toMillis();
    int shift = Math.min(retry - 1, 62);
    // base << shift would overflow a long for long backoffs: compare against the cap shifted back instead
    long millis = base > (capped >> shift) ? capped : base << shift;
    double factor = 0.75 + 0.25 * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(Math.round(millis * factor));
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The most attempts (sends and lookups) one call makes. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The overall time one call may take, passed to the driver as its deadline. */
  public Duration timeout() {
    return timeout;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  /** Collects a policy; validates each value as it is set. */
  public static final class Builder {
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private int maxAttempts = 6;
    private Duration timeout = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** The first wait; must be positive. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    /** The longest wait; must be positive. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    /** At least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The overall time of one call; must be positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The random source of the jitter, values in [0, 1]; 0 waits 75 %, 1 waits 100 % of the backoff. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** @throws IllegalArgumentException if the max backoff is below the initial one */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff " + maxBackoff + " must be >= initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }

  /** Waits between attempts; injectable so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /** The real thing: {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }
}
