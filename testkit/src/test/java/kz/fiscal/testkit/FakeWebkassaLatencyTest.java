package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every answer waits the configured latency before it is written. Only lower bounds are asserted: a
 * slow machine makes an answer later, never earlier.
 */
class FakeWebkassaLatencyTest {
  private static final Duration LATENCY = Duration.ofMillis(150);
  private final FakeWebkassa fake = FakeWebkassa.builder().clock(Clock.fixed(WebkassaCalls.START, ZoneOffset.UTC))
      .latency(LATENCY).start();
  private final WebkassaCalls calls = new WebkassaCalls(fake, Duration.ofSeconds(5));

  @AfterEach
  void close() {
    fake.close();
  }

  private static long millisOf(IoCall call) throws IOException {
    long start = System.nanoTime();
    call.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private interface IoCall {
    void run() throws IOException;
  }

  @Test
  void aLoginAndACheckEachWaitTheLatency() throws IOException {
    assertTrue(millisOf(calls::authorize) >= LATENCY.toMillis());
    assertTrue(millisOf(() -> calls.sell("order-1", "100.00", "13.79")) >= LATENCY.toMillis());
    assertEquals(1, fake.checkCount("order-1"));
  }

  @Test
  void faultedAnswersWaitTheLatencyToo() throws IOException {
    calls.authorize();
    fake.failNext(WebkassaFault.TOO_MANY_REQUESTS);
    fake.failNext(WebkassaFault.DROP_AFTER_COMMIT);

    assertTrue(millisOf(() -> assertEquals(429, calls.send(WebkassaCalls.CHECK, fake.apiKey(),
        calls.body(WebkassaCalls.sale("order-1", WebkassaCalls.item("1", "100.00", "13.79"),
            WebkassaCalls.cash("100.00")))).status())) >= LATENCY.toMillis());
    assertTrue(millisOf(() -> assertThrows(IOException.class, () -> calls.sell("order-1", "100.00", "13.79")))
        >= LATENCY.toMillis());
    assertEquals(1, fake.checkCount("order-1"), "committed before the wait, then dropped");
  }

  @Test
  void aNegativeLatencyIsRefused() {
    FakeWebkassa.Builder builder = FakeWebkassa.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.latency(Duration.ofMillis(-1)));
  }
}
