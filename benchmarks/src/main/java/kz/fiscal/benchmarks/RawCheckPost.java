package kz.fiscal.benchmarks;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.fiscal.testkit.FakeWebkassa;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The raw side of the SDK-versus-raw comparisons: the tightest reasonable single-threaded OkHttp client
 * of a fake's {@code /api/v4/check}, posting the JSON the driver sent for its first check with the token
 * it used and a fresh {@code ExternalCheckNumber}. URL, media type and headers are built once; per check
 * it only joins the JSON, builds the request and reads the answer. Not thread-safe.
 */
final class RawCheckPost implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Pattern KEY = Pattern.compile("\"ExternalCheckNumber\":\"[^\"]*\"");
  private static final Pattern TOKEN = Pattern.compile("\"Token\":\"[^\"]*\"");

  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final HttpUrl url;
  private final Headers headers;
  private final String before;
  private final String after;

  /** A client of {@code fake} sending {@code sdkBody} (a driver's {@code /check} request) under new keys. */
  RawCheckPost(FakeWebkassa fake, String sdkBody) {
    url = HttpUrl.get(fake.baseUrl() + "/api/v4/check");
    headers = Headers.of("x-api-key", fake.apiKey());
    Matcher key = KEY.matcher(sdkBody);
    if (!key.find() || !TOKEN.matcher(sdkBody).find()) {
      throw new IllegalArgumentException("not a /check request: " + sdkBody);
    }
    before = sdkBody.substring(0, key.start()) + "\"ExternalCheckNumber\":\"";
    after = "\"" + sdkBody.substring(key.end());
  }

  /** Posts one check under {@code key}. */
  void post(String key) throws IOException {
    Request request = new Request.Builder().url(url).headers(headers)
        .post(RequestBody.create(before + key + after, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      String answer = response.body().string();
      if (!answer.contains("\"CheckNumber\"")) {
        throw new IllegalStateException("the fake refused a raw check: " + answer);
      }
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
