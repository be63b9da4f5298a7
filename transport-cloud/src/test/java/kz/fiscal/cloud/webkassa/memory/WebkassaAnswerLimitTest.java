package kz.fiscal.cloud.webkassa.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kz.fiscal.cloud.webkassa.Receipts;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.testkit.ForkedJvm;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Provider answers are read only up to a limit, counted after gzip decompression. */
class WebkassaAnswerLimitTest {
  private final HugeAnswerServer server;
  @TempDir
  Path dir;

  WebkassaAnswerLimitTest() throws Exception {
    server = new HugeAnswerServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private WebkassaDriver driver(long limit) {
    return WebkassaDriver.builder().baseUrl(server.baseUrl()).apiKey("key").login("login").password("password")
        .cashbox("SWK00000001").answerLimits(limit, limit).build();
  }

  @Test
  void anAnswerLongerThanTheLimitIsAnUnknownOutcomeNamingTheLimit() {
    try (WebkassaDriver driver = driver(4096)) {
      OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("long-4097"), Receipts.sale("100.00"), Receipts.deadline()));

      assertEquals("The provider's answer to /api/v4/check is longer than 4096 bytes; it was not read", e.getMessage());
    }
  }

  @Test
  void aGzippedAnswerIsMeasuredAfterDecompression() throws Exception {
    assertTrue(HugeAnswerServer.zeros(100_000).length < 4096);
    try (WebkassaDriver driver = driver(4096)) {
      OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("gzip-100000"), Receipts.sale("100.00"), Receipts.deadline()));

      assertEquals("The provider's answer to /api/v4/check is longer than 4096 bytes; it was not read", e.getMessage());
    }
  }

  @Test
  void anAnswerWithinTheLimitIsReadAsBefore() {
    try (WebkassaDriver driver = driver(4096)) {
      OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
          () -> driver.register(IdempotencyKey.of("long-4096"), Receipts.sale("100.00"), Receipts.deadline()));

      assertTrue(e.getMessage().contains("is unreadable"), e.getMessage()); // an unterminated JSON, read whole
    }
  }

  /**
   * In a child JVM with the launcher's small heap (-Xmx128m, stricter than 256 MB), a 50 MB answer, an
   * endless one and a gzip bomb of 512 MB zeros are each an unknown outcome, not an OutOfMemoryError.
   */
  @Test
  @Timeout(60)
  void hugeEndlessAndBombAnswersLeaveASmallHeapStanding() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "huge-answers", HugeAnswerWorker.class,
        List.of(WebkassaDriver.class, OkHttpClient.class, Moshi.class, kotlin.Unit.class, okio.Buffer.class),
        server.baseUrl(), "long-50000000", "endless", "gzip-536870912");

    assertEquals(0, child.exitCode(Duration.ofSeconds(50)), child::stderr);
    assertEquals(List.of("long-50000000 OutcomeUnknownException", "endless OutcomeUnknownException",
        "gzip-536870912 OutcomeUnknownException", "done"), child.lines(), child::stderr);
  }
}
