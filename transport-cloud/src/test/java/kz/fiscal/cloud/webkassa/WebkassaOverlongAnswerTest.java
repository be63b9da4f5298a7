package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry.RecordedError;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider answer with fields longer than any real one still becomes a {@code FISCALIZED} record in
 * an H2 journal: the check exists, so the fields are dropped and noted rather than failing the write.
 */
class WebkassaOverlongAnswerTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-long");

  @TempDir
  Path directory;
  private final MockWebServer server = new MockWebServer();
  private JdbcConnectionPool pool;

  @AfterEach
  void stop() {
    server.close();
    if (pool != null) {
      pool.dispose();
    }
  }

  @Test
  void aCheckWithA40CharacterRnmAndA200KbUrlIsFiscalizedWithTheFieldsDroppedAndNoted() throws Exception {
    String rnm = "6".repeat(40);
    String url = "http://consumer.oofd.kz?i=923956785162&f=" + "x".repeat(200 * 1024);
    server.start();
    server.enqueue(new MockResponse.Builder().body("{\"Data\":{\"Token\":\"t\"}}").build());
    server.enqueue(new MockResponse.Builder().body("{\"Data\":{\"CheckNumber\":\"923956785162\","
        + "\"DateTime\":\"30.11.2026 15:04:07\",\"OfflineMode\":false,\"CheckOrderNumber\":3,\"ShiftNumber\":12,"
        + "\"TicketUrl\":\"" + url + "\",\"Cashbox\":{\"UniqueNumber\":\"SWK00033717\",\"RegistrationNumber\":\""
        + rnm + "\",\"IdentityNumber\":\"WK0000123456\",\"Ofd\":{\"Name\":\"АО «Казахтелеком»\","
        + "\"Host\":\"consumer.oofd.kz\",\"Code\":1}}}}").build());
    pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("journal") + ";WRITE_DELAY=0", "sa", "");
    ReceiptJournal journal = JdbcReceiptJournal.open(pool);
    try (WebkassaDriver driver = WebkassaDriver.builder().baseUrl(server.url("/").toString()).apiKey("k")
            .login("cashier").password("pw").cashbox("SWK00033717").okHttpClient(new OkHttpClient()).build();
        FiscalClient client = FiscalClient.builder().driver(driver).journal(journal)
            .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build()) {

      FiscalResult result = client.fiscalize(KEY, Receipts.sale("500.00"));

      assertEquals(Optional.of("923956785162"), result.fiscalSign());
      assertEquals(Optional.empty(), result.verificationUrl());
      assertEquals("", result.rnm());
      assertEquals(ReceiptStatus.FISCALIZED, client.status(KEY).orElseThrow().status());
      assertEquals(Optional.of(result), client.status(KEY).orElseThrow().result());
      List<JournalEntry> history = client.history(KEY);
      RecordedError note = history.get(history.size() - 1).error().orElseThrow();
      assertEquals(RecordedError.Kind.DATA_DROPPED, note.kind());
      assertTrue(note.message().contains("rnm of 40 characters") && note.message().contains("verificationUrl"),
          note.message());
    }
  }
}
