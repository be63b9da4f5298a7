package kz.fiscal.cloud.webkassa.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.OutcomeUnknownException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Posts JSON to the provider and sorts every failure into "certainly not delivered" or "may have been
 * applied". An {@link EventListener} marks the moment OkHttp starts writing the request: a failure
 * before it (DNS, connect refused, TLS) is a {@link DeliveryFailedException}; after it (timeout, dropped
 * connection) an {@link OutcomeUnknownException}. HTTP 429 is not delivered; any 5xx is unknown. Each
 * call is bounded by the caller's deadline. OkHttp never retries on its own. Thread-safe.
 *
 * <p>An answer is read up to its {@link Limits limit} in bytes, counted after OkHttp's transparent gzip
 * decompression: a longer or endless body is an unreadable answer ({@link OutcomeUnknownException}),
 * never held in memory whole.
 */
public final class HttpExchange {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final String apiKey;
  private final Duration callTimeout;
  private final Clock clock;
  private final boolean owned;
  private final RequestLog log = new RequestLog();
  private final Limits limits;
  private final AtomicLong lostAnswers = new AtomicLong();
  /**
   * Each path's URL, resolved once: building it from the base URL canonicalises the host (IDN mapping)
   * every time. The driver posts to a handful of fixed paths.
   */
  private final ConcurrentHashMap<String, HttpUrl> urls = new ConcurrentHashMap<>();

  /**
   * The most bytes of an answer read: {@code history} for the history pages (paths ending in
   * {@code History}), {@code answer} for everything else.
   */
  public record Limits(long answer, long history) {
    /** 1 MiB per answer, 16 MiB per history page. */
    public static final Limits DEFAULTS = new Limits(1 << 20, 16 << 20);

    public Limits {
      if (answer <= 0 || history <= 0) {
        throw new IllegalArgumentException("answer limits must be positive, were " + answer + " and " + history);
      }
    }

    long forPath(String path) {
      return path.endsWith("History") ? history : answer;
    }
  }

  /**
   * @param client the client a non-retrying one is derived from
   * @param owned whether {@code client} is this exchange's own, to shut down on {@link #close()}
   */
  public HttpExchange(OkHttpClient client, boolean owned, HttpUrl baseUrl, String apiKey, Duration connectTimeout,
      Duration readTimeout, Duration callTimeout, Clock clock) {
    this(client, owned, baseUrl, apiKey, connectTimeout, readTimeout, callTimeout, clock, Limits.DEFAULTS);
  }

  /** As the other constructor, reading answers up to {@code limits}. */
  public HttpExchange(OkHttpClient client, boolean owned, HttpUrl baseUrl, String apiKey, Duration connectTimeout,
      Duration readTimeout, Duration callTimeout, Clock clock, Limits limits) {
    this.limits = limits;
    this.client = client.newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .eventListenerFactory(call -> new WriteListener(call.request().tag(WriteProbe.class)))
        .build();
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.callTimeout = callTimeout;
    this.clock = clock;
    this.owned = owned;
  }

  /**
   * How many requests so far were written but never answered (a timeout or a connection that broke
   * after the request went out): the provider may still be working on such a request.
   */
  public long lostAnswers() {
    return lostAnswers.get();
  }

  /** The longest a call may take. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Shuts down the connection pool and threads when the client is this exchange's own. */
  public void close() {
    if (owned) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** An answer with a status the body decides: 2xx, or 4xx other than 429. */
  public record Answer(int status, String body) {}

  /**
   * Posts {@code json} to {@code path}.
   *
   * @throws DeliveryFailedException if the request certainly did not reach the provider
   * @throws OutcomeUnknownException if it may have been applied but no proper answer came
   */
  public Answer post(String path, String json, Instant deadline) throws DeliveryFailedException, OutcomeUnknownException {
    long budget = Math.min(callTimeout.toMillis(), Duration.between(clock.instant(), deadline).toMillis());
    if (budget <= 0) {
      throw new DeliveryFailedException("The deadline passed before " + path + " was sent", null);
    }
    WriteProbe probe = new WriteProbe();
    Request request = new Request.Builder()
        .tag(WriteProbe.class, probe)
        .url(urls.computeIfAbsent(path, p -> baseUrl.newBuilder().addPathSegments(p.substring(1)).build()))
        .header("x-api-key", apiKey)
        .post(RequestBody.create(json, JSON))
        .build();
    Call call = client.newCall(request);
    call.timeout().timeout(budget, TimeUnit.MILLISECONDS);
    Redaction values = log.request(path, json);
    long start = System.nanoTime();
    try (Response response = call.execute()) {
      String body = readBody(response.body(), limits.forPath(path), path);
      int status = response.code();
      log.answer(path, status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), body, values);
      if (status == 429) {
        throw new DeliveryFailedException("The provider refused " + path + " with HTTP 429 (too many requests)",
            null, retryAfter(response));
      }
      if (status >= 500) {
        throw new OutcomeUnknownException("The provider answered " + path + " with HTTP " + status, null);
      }
      return new Answer(status, body);
    } catch (IOException e) {
      String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      log.failure(path, what);
      if (probe.started) {
        lostAnswers.incrementAndGet();
        throw new OutcomeUnknownException("No answer to " + path + " after the request was written (" + what + ")", e);
      }
      throw new DeliveryFailedException("Could not deliver " + path + " (" + what + ")", e);
    }
  }

  /** The body as text, read no further than {@code limit} bytes (after decompression). */
  private static String readBody(ResponseBody body, long limit, String path) throws OutcomeUnknownException, IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    if (source.request(limit + 1)) {
      throw new OutcomeUnknownException("The provider's answer to " + path + " is longer than " + limit
          + " bytes; it was not read", null);
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset();
    return source.readString(charset == null ? StandardCharsets.UTF_8 : charset);
  }

  /**
   * The provider's {@code Retry-After} in seconds, at most a day (a larger hint says "not today", and
   * must not overflow the caller's clock arithmetic), or null when absent or not a number.
   */
  private static Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    try {
      return value == null ? null
          : Duration.ofSeconds(Math.max(0, Math.min(MAX_RETRY_AFTER.toSeconds(), Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether OkHttp began writing one call's request; travels with the request as its tag. */
  private static final class WriteProbe {
    private volatile boolean started;
  }

  private static final class WriteListener extends EventListener {
    private final WriteProbe probe;

    WriteListener(WriteProbe probe) {
      this.probe = probe;
    }

    @Override
    public void requestHeadersStart(Call call) {
      if (probe != null) {
        probe.started = true;
      }
    }
  }
}
