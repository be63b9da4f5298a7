package kz.fiscal.testkit.internal.webkassa;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.fiscal.testkit.WebkassaFault;
import kz.fiscal.testkit.WebkassaRequest;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Puts the provider on the wire: records every request, counts requests in flight per cashbox, waits
 * the processing delay outside the provider's lock, applies the scripted faults before or after the
 * provider commits, and holds every answer back for the latency before it is written. MockWebServer
 * calls it concurrently, one thread per connection. Thread-safe.
 */
public final class WebkassaDispatcher extends Dispatcher {
  private static final String JSON = "application/json; charset=utf-8";

  private final Provider provider;
  private final List<WebkassaRequest> received = new ArrayList<>();
  /** Faults by lower-case path and the cashbox they wait for ("" for any). */
  private final Map<Target, Deque<WebkassaFault>> faults = new HashMap<>();
  private final InFlight inFlight = new InFlight();
  private final CountDownLatch closing = new CountDownLatch(1);
  private Duration processingDelay = Duration.ZERO;
  private Duration responseDelay = Duration.ofSeconds(10);
  private final Duration latency;

  /** Where a fault waits: requests to {@code path} naming {@code cashbox}, or any cashbox when it is empty. */
  private record Target(String path, String cashbox) {
    Target {
      path = path.toLowerCase(Locale.ROOT);
    }
  }

  /** @param latency how long every answer waits before it is written */
  public WebkassaDispatcher(Provider provider, Duration latency) {
    this.provider = provider;
    this.latency = requireNonNegative(latency);
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    String path = recorded.getUrl().encodedPath();
    String apiKey = Optional.ofNullable(recorded.getHeaders().get("x-api-key")).orElse("");
    WebkassaRequest request = new WebkassaRequest(path, apiKey, recorded.getBody() == null ? "" : recorded.getBody().utf8());
    synchronized (this) {
      received.add(request);
    }
    String cashbox = JsonTree.parseObject(request.body())
        .map(body -> body.get("CashboxUniqueNumber"))
        .filter(String.class::isInstance).map(String.class::cast).orElse("");
    inFlight.begin(cashbox);
    try {
      MockResponse answer = answer(recorded.getMethod(), request, nextFault(path, cashbox));
      pause(latency);
      return answer;
    } finally {
      inFlight.end(cashbox);
    }
  }

  private MockResponse answer(String method, WebkassaRequest request, Optional<WebkassaFault> fault)
      throws InterruptedException {
    if (fault.isPresent()) {
      switch (fault.get()) {
        case DROP_BEFORE_PROCESSING -> {
          return drop();
        }
        case TOO_MANY_REQUESTS -> {
          return plain(429, "Too Many Requests");
        }
        case SERVER_ERROR_BEFORE_COMMIT -> {
          return serverError();
        }
        default -> { }
      }
    }
    pause(processingDelay());
    if (!Provider.serves(request.path())) {
      return plain(404, "Not Found");
    }
    if (!"POST".equals(method)) {
      return plain(405, "Method Not Allowed");
    }
    String body = provider.handle(request);
    if (fault.isEmpty()) {
      return json(body);
    }
    return switch (fault.get()) {
      case DROP_AFTER_COMMIT -> drop();
      case SERVER_ERROR_AFTER_COMMIT -> serverError();
      case GARBAGE_BODY_AFTER_COMMIT -> new MockResponse.Builder().code(200).setHeader("Content-Type", JSON)
          .body("<html><body>Service temporarily unavailable").build();
      case DELAY_AFTER_COMMIT -> {
        pause(responseDelay());
        yield json(body);
      }
      default -> throw new IllegalStateException("handled before processing: " + fault.get());
    };
  }

  private static MockResponse drop() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse serverError() {
    return new MockResponse.Builder().code(500).setHeader("Content-Type", "text/html; charset=utf-8")
        .body("<html><body><h1>500 Internal Server Error</h1></body></html>").build();
  }

  private static MockResponse plain(int code, String text) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/plain; charset=utf-8")
        .body(text).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", JSON).body(body).build();
  }

  /** Waits {@code d}, or less when the fake is closing. */
  private void pause(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Wakes every request still waiting so that the server can shut down. */
  public void closing() {
    closing.countDown();
  }

  /** The fault queued for this cashbox on {@code path}, else the one queued for any cashbox there. */
  private synchronized Optional<WebkassaFault> nextFault(String path, String cashbox) {
    Optional<WebkassaFault> own = poll(new Target(path, cashbox));
    return own.isPresent() || cashbox.isEmpty() ? own : poll(new Target(path, ""));
  }

  private Optional<WebkassaFault> poll(Target target) {
    return Optional.ofNullable(faults.get(target)).map(Deque::poll);
  }

  /**
   * The next request to {@code path} (ignoring case) naming {@code cashbox} suffers {@code fault}; with
   * an empty {@code cashbox}, the next request to the path whichever cashbox it names. Faults queue in
   * order; a request takes its own cashbox's before those for any cashbox.
   */
  public synchronized void failNext(String path, String cashbox, WebkassaFault fault) {
    faults.computeIfAbsent(new Target(path, cashbox), t -> new ArrayDeque<>()).add(fault);
  }

  public synchronized void processingDelay(Duration d) {
    processingDelay = requireNonNegative(d);
  }

  public synchronized void responseDelay(Duration d) {
    responseDelay = requireNonNegative(d);
  }

  private synchronized Duration processingDelay() {
    return processingDelay;
  }

  private synchronized Duration responseDelay() {
    return responseDelay;
  }

  private static Duration requireNonNegative(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative, got " + d);
    }
    return d;
  }

  public synchronized List<WebkassaRequest> requests() {
    return List.copyOf(received);
  }

  public int maxInFlight(String cashbox) {
    return inFlight.max(cashbox);
  }
}
