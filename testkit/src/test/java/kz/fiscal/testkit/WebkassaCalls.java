package kz.fiscal.testkit;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A plain OkHttp client speaking raw Webkassa JSON to a {@link FakeWebkassa}, for the fake's own tests:
 * no driver is involved. Bodies are written as text so that the wire format under test is visible.
 */
final class WebkassaCalls {
  static final Instant START = Instant.parse("2026-03-02T04:00:00Z"); // 09:00:00 in Kazakhstan
  static final String CHECK = "/api/v4/check";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  final FakeWebkassa fake;
  final OkHttpClient http;
  String token;

  WebkassaCalls(FakeWebkassa fake) {
    this(fake, Duration.ofSeconds(10));
  }

  WebkassaCalls(FakeWebkassa fake, Duration readTimeout) {
    this.fake = fake;
    this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(readTimeout).build();
  }

  static FakeWebkassa startFake() {
    return FakeWebkassa.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).start();
  }

  record Answer(int status, String body) {
    Map<String, Object> json() {
      return new WebkassaRequest("", "", body).json();
    }
  }

  Answer send(String path, String apiKey, String body) throws IOException {
    Request request = new Request.Builder().url(fake.baseUrl() + path).header("x-api-key", apiKey)
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      return new Answer(response.code(), response.body().string());
    }
  }

  Map<String, Object> post(String path, String body) throws IOException {
    Answer answer = send(path, fake.apiKey(), body);
    if (answer.status() != 200) {
      throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  String authorize() throws IOException {
    Map<String, Object> answer = post("/api/v4/Authorize",
        "{\"Login\":\"" + fake.login() + "\",\"Password\":\"" + fake.password() + "\"}");
    token = (String) data(answer).get("Token");
    return token;
  }

  /** Posts {@code fields} with the current token (authorizing first if needed) and the default cashbox. */
  Map<String, Object> call(String path, String fields) throws IOException {
    return post(path, body(fields));
  }

  String body(String fields) throws IOException {
    return body(fake.cashboxNumber(), fields);
  }

  /** {@code fields} with the current token (authorizing first if needed) and {@code cashbox}. */
  String body(String cashbox, String fields) throws IOException {
    if (token == null) {
      authorize();
    }
    return "{\"Token\":\"" + token + "\",\"CashboxUniqueNumber\":\"" + cashbox + "\""
        + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  /** Sends {@code count} X-reports of {@code cashbox} from as many threads at once; their HTTP statuses. */
  List<Integer> xReportsAtOnce(int count, String cashbox) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        answers.add(pool.submit(() -> send("/api/v4/XReport", fake.apiKey(), body(cashbox, "")).status()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      return statuses;
    } finally {
      pool.shutdown();
    }
  }

  Map<String, Object> check(String fields) throws IOException {
    return call(CHECK, fields);
  }

  /** A committed sale of one item at {@code price} paid in cash, its Data. */
  Map<String, Object> sell(String key, String price, String tax) throws IOException {
    return data(check(sale(key, item("1", price, tax), cash(price))));
  }

  static String sale(String key, String positions, String payments) {
    return operation(2, key, positions, payments);
  }

  static String operation(int type, String key, String positions, String payments) {
    return "\"OperationType\":" + type + ",\"RoundType\":0,\"ExternalCheckNumber\":\"" + key
        + "\",\"Positions\":[" + positions + "],\"Payments\":[" + payments + "]";
  }

  /** One position at VAT 16 %. */
  static String item(String count, String price, String tax) {
    return "{\"Count\":" + count + ",\"Price\":" + price + ",\"TaxType\":100,\"TaxPercent\":16,\"Tax\":" + tax
        + ",\"PositionName\":\"Товар\",\"UnitCode\":796}";
  }

  static String cash(String sum) {
    return payment(0, sum);
  }

  static String payment(int type, String sum) {
    return "{\"PaymentType\":" + type + ",\"Sum\":" + sum + "}";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Map<String, Object> answer) {
    Object data = answer.get("Data");
    if (data == null) {
      throw new AssertionError("expected Data, got " + answer);
    }
    return (Map<String, Object>) data;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Map<String, Object> answer) {
    List<Object> errors = (List<Object>) answer.get("Errors");
    if (errors == null || errors.size() != 1) {
      throw new AssertionError("expected one error, got " + answer);
    }
    return (Map<String, Object>) errors.get(0);
  }

  static int code(Map<String, Object> answer) {
    return ((Number) error(answer).get("Code")).intValue();
  }

  static String text(Map<String, Object> answer) {
    return (String) error(answer).get("Text");
  }
}
