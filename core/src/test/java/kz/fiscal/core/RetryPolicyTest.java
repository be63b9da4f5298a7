package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import kz.fiscal.core.RetryPolicy.Sleeper;

class RetryPolicyTest {

  @Test
  void backoffDoublesFrom500MillisecondsToA5SecondCapAtFullJitter() {
    RetryPolicy policy = RetryPolicy.builder().jitter(() -> 1.0).build();

    assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), backoffs(policy, 7));
  }

  @Test
  void backoffAtTheLowestJitterIsThreeQuartersOfTheFullWait() {
    RetryPolicy policy = RetryPolicy.builder().jitter(() -> 0.0).build();

    assertEquals(List.of(375L, 750L, 1500L, 3000L, 3750L, 3750L, 3750L), backoffs(policy, 7));
  }

  @Test
  void backoffAtHalfJitterIsSevenEighthsOfTheFullWait() {
    RetryPolicy policy = RetryPolicy.builder().jitter(() -> 0.5).build();

    assertEquals(List.of(438L, 875L, 1750L, 3500L, 4375L), backoffs(policy, 5));
  }

  @Test
  void randomJitterAlwaysWaitsBetween75And100PercentOfTheFullWait() {
    Random random = new Random(20260301L);
    RetryPolicy seeded = RetryPolicy.builder().jitter(random::nextDouble).build();
    long[] full = {500, 1000, 2000, 4000, 5000, 5000};

    for (int round = 0; round < 2000; round++) {
      for (int retry = 1; retry <= full.length; retry++) {
        long wait = seeded.backoff(retry).toMillis();
        long max = full[retry - 1];
        assertTrue(wait >= max * 3 / 4 && wait <= max, "retry " + retry + " waited " + wait + " ms");
      }
    }
  }

  @Test
  void theDefaultJitterStaysWithinItsBoundsAndVaries() {
    RetryPolicy policy = RetryPolicy.defaults();
    java.util.Set<Long> seen = new java.util.HashSet<>();

    for (int i = 0; i < 1000; i++) {
      long wait = policy.backoff(4).toMillis();
      assertTrue(wait >= 3000 && wait <= 4000, "waited " + wait + " ms");
      seen.add(wait);
    }
    assertTrue(seen.size() > 100, "only " + seen.size() + " distinct waits in 1000");
  }

  @Test
  void jitterOutsideZeroToOneIsClampedToTheBounds() {
    assertEquals(Duration.ofMillis(1500), RetryPolicy.builder().jitter(() -> -3.0).build().backoff(3));
    assertEquals(Duration.ofMillis(2000), RetryPolicy.builder().jitter(() -> 7.0).build().backoff(3));
  }

  @Test
  void aVeryLateRetryWaitsTheCapWithoutOverflowing() {
    RetryPolicy policy = RetryPolicy.builder().jitter(() -> 1.0).build();

    for (int retry : new int[] {31, 32, 33, 63, 64, 1000, Integer.MAX_VALUE}) {
      assertEquals(Duration.ofSeconds(5), policy.backoff(retry), "retry " + retry);
    }
  }

  @Test
  void aLongBackoffIsCappedInsteadOfOverflowing() {
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofDays(200))
        .maxBackoff(Duration.ofDays(400))
        .jitter(() -> 1.0)
        .build();

    for (int retry : new int[] {2, 3, 30, 31, 32, 64, Integer.MAX_VALUE}) {
      assertEquals(Duration.ofDays(400), policy.backoff(retry), "retry " + retry);
    }
    assertEquals(Duration.ofDays(200), policy.backoff(1));
  }

  @Test
  void customBackoffsFollowTheSameRule() {
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(700))
        .jitter(() -> 1.0)
        .build();

    assertEquals(List.of(100L, 200L, 400L, 700L, 700L), backoffs(policy, 5));
  }

  @Test
  void equalInitialAndMaxBackoffWaitTheSameEveryTime() {
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(1))
        .jitter(() -> 1.0)
        .build();

    assertEquals(List.of(1000L, 1000L, 1000L), backoffs(policy, 3));
  }

  @Test
  void retryNumbersStartAtOne() {
    assertMessage("retry must be >= 1, was 0", () -> RetryPolicy.defaults().backoff(0));
    assertMessage("retry must be >= 1, was -1", () -> RetryPolicy.defaults().backoff(-1));
  }

  @Test
  void defaultsAreThoseOfTheArchitecture() {
    RetryPolicy defaults = RetryPolicy.defaults();

    assertEquals(Duration.ofMillis(500), defaults.initialBackoff());
    assertEquals(Duration.ofSeconds(5), defaults.maxBackoff());
    assertEquals(6, defaults.maxAttempts());
    assertEquals(Duration.ofSeconds(30), defaults.timeout());
    assertSame(Sleeper.SYSTEM, defaults.sleeper());
    assertSame(defaults, RetryPolicy.defaults());
  }

  @Test
  void anUnchangedBuilderBuildsTheDefaults() {
    RetryPolicy built = RetryPolicy.builder().build();

    assertEquals(Duration.ofMillis(500), built.initialBackoff());
    assertEquals(Duration.ofSeconds(5), built.maxBackoff());
    assertEquals(6, built.maxAttempts());
    assertEquals(Duration.ofSeconds(30), built.timeout());
    assertSame(Sleeper.SYSTEM, built.sleeper());
  }

  @Test
  void builderKeepsWhatItWasGiven() {
    Sleeper sleeper = duration -> {};
    RetryPolicy policy = RetryPolicy.builder()
        .initialBackoff(Duration.ofMillis(50))
        .maxBackoff(Duration.ofMillis(400))
        .maxAttempts(1)
        .timeout(Duration.ofSeconds(3))
        .sleeper(sleeper)
        .build();

    assertEquals(Duration.ofMillis(50), policy.initialBackoff());
    assertEquals(Duration.ofMillis(400), policy.maxBackoff());
    assertEquals(1, policy.maxAttempts());
    assertEquals(Duration.ofSeconds(3), policy.timeout());
    assertSame(sleeper, policy.sleeper());
  }

  @Test
  void maxAttemptsBelowOneFailsFastNamingTheField() {
    assertMessage("maxAttempts must be >= 1, was 0", () -> RetryPolicy.builder().maxAttempts(0));
    assertMessage("maxAttempts must be >= 1, was -5", () -> RetryPolicy.builder().maxAttempts(-5));
  }

  @Test
  void zeroOrNegativeDurationsFailFastNamingTheField() {
    assertMessage("initialBackoff must be positive, was PT0S", () -> RetryPolicy.builder().initialBackoff(Duration.ZERO));
    assertMessage("initialBackoff must be positive, was PT-0.5S",
        () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-500)));
    assertMessage("maxBackoff must be positive, was PT0S", () -> RetryPolicy.builder().maxBackoff(Duration.ZERO));
    assertMessage("maxBackoff must be positive, was PT-5S", () -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-5)));
    assertMessage("timeout must be positive, was PT0S", () -> RetryPolicy.builder().timeout(Duration.ZERO));
    assertMessage("timeout must be positive, was PT-30S", () -> RetryPolicy.builder().timeout(Duration.ofSeconds(-30)));
  }

  @Test
  void missingValuesFailFastNamingTheField() {
    assertEquals("initialBackoff",
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().initialBackoff(null)).getMessage());
    assertEquals("maxBackoff",
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().maxBackoff(null)).getMessage());
    assertEquals("timeout",
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().timeout(null)).getMessage());
    assertEquals("sleeper",
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().sleeper(null)).getMessage());
    assertEquals("jitter",
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().jitter((DoubleSupplier) null)).getMessage());
  }

  @Test
  void aMaxBackoffBelowTheInitialOneFailsAtBuild() {
    assertMessage("maxBackoff PT0.1S must be >= initialBackoff PT0.5S",
        () -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(100)).build());
    assertMessage("maxBackoff PT5S must be >= initialBackoff PT10S",
        () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10)).build());
  }

  @Test
  void theSystemSleeperReallyWaits() throws InterruptedException {
    long start = System.nanoTime();

    Sleeper.SYSTEM.sleep(Duration.ofMillis(20));

    long waited = (System.nanoTime() - start) / 1_000_000;
    assertTrue(waited >= 20, "waited " + waited + " ms");
  }

  private static List<Long> backoffs(RetryPolicy policy, int retries) {
    List<Long> millis = new ArrayList<>();
    for (int retry = 1; retry <= retries; retry++) {
      millis.add(policy.backoff(retry).toMillis());
    }
    return millis;
  }

  private static void assertMessage(String message, Executable executable) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, executable).getMessage());
  }
}
