package kz.fiscal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.testkit.internal.webkassa.FakeClock;
import kz.fiscal.testkit.internal.webkassa.JsonTree;
import kz.fiscal.testkit.internal.webkassa.NoDelayServerSockets;
import kz.fiscal.testkit.internal.webkassa.Provider;
import kz.fiscal.testkit.internal.webkassa.Settings;
import kz.fiscal.testkit.internal.webkassa.WebkassaDispatcher;
import mockwebserver3.MockWebServer;

/**
 * An in-process Webkassa v4 on a loopback port that answers with the provider's own JSON, validates as
 * the provider does, keeps a ledger of committed checks, and suffers scripted faults. Thread-safe; it
 * serves requests concurrently (as the real provider would) and counts how many overlap, so that a
 * driver's one-request-at-a-time promise can be checked. Knows no driver: it speaks the wire format
 * of docs/webkassa-v4.md itself. Close it to free the port.
 *
 * <p>Time is the injected clock plus whatever {@link #advance} added: shifts close after 24 h of it
 * (code 11 until a Z-report), offline mode ends after 72 h (code 18).
 *
 * <p>Several cashboxes of one account ({@link Builder#cashbox}) share its login: as at Webkassa, each
 * Authorize revokes the token issued before. Faults can wait for a request to any cashbox ({@link
 * #failNext(WebkassaFault)}) or to one ({@link #failNextOn(String, WebkassaFault)}), and overlap is counted per cashbox
 * ({@link #maxConcurrentRequests(String)}). {@link Builder#latency} holds every answer back as a distant
 * provider would.
 */
public final class FakeWebkassa implements AutoCloseable {



  private static final String CHECK = "/api/v4/check";

  private final Settings settings;
  private final FakeClock clock;
  private final Provider provider;
  private final WebkassaDispatcher dispatcher;
  private final MockWebServer server = new MockWebServer();
  private final String baseUrl;

  private FakeWebkassa(Settings settings, Duration latency) {
    this.settings = settings;
    this.clock = new FakeClock(settings.clock());
    this.provider = new Provider(settings, clock);
    this.dispatcher = new WebkassaDispatcher(provider, latency);
    server.setDispatcher(dispatcher);
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start FakeWebkassa", e);
    }
    baseUrl = "http://127.0.0.1:" + server.getPort();
    provider.printBase(baseUrl);
  }

  /** A builder with the defaults {@link #start()} uses. */
  public static Builder builder() {
    return new Builder();
  }

  /** A started fake with the default API key, login, cashbox and OFD, on the system clock. */
  public static FakeWebkassa start() {
    return builder().start();
  }

  /** Where to point a client: {@code http://127.0.0.1:<port>}, no trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The integrator key every request must carry in {@code x-api-key} (else code 3). */
  public String apiKey() {
    return settings.apiKey();
  }

  /** The {@code Login} that Authorize accepts (else code 1). */
  public String login() {
    return settings.login();
  }

  /** The {@code Password} that Authorize accepts (else code 1). */
  public String password() {
    return settings.password();
  }

  /** The default (first) cashbox's {@code UniqueNumber}. */
  public String cashboxNumber() {
    return defaultRegister().uniqueNumber();
  }

  /** The default cashbox's {@code RegistrationNumber} (RNM, 12 digits). */
  public String rnm() {
    return defaultRegister().rnm();
  }

  /** The default cashbox's {@code IdentityNumber} (serial number, ZNM). */
  public String serialNumber() {
    return defaultRegister().identityNumber();
  }

  /** The fake's time: the injected clock plus everything {@link #advance} added. */
  public Instant now() {
    return clock.now();
  }

  /**
   * Moves the fake's clock forward.
   *
   * @throws IllegalArgumentException when {@code d} is negative
   */
  public void advance(Duration d) {
    clock.advance(d);
  }

  /** The next {@code POST /api/v4/check}, whichever cashbox it names, suffers {@code fault}. */
  public void failNext(WebkassaFault fault) {
    failNext(CHECK, fault);
  }

  /**
   * The next request to {@code path} (ignoring case), whichever cashbox it names, suffers {@code fault};
   * several queue in order.
   */
  public void failNext(String path, WebkassaFault fault) {
    dispatcher.failNext(Objects.requireNonNull(path), "", Objects.requireNonNull(fault));
  }

  /**
   * The next {@code POST /api/v4/check} naming {@code cashbox} suffers {@code fault}; several queue in
   * order, and a request takes its own cashbox's faults before those queued for any cashbox.
   *
   * @throws IllegalArgumentException when the fake has no such cashbox
   */
  public void failNextOn(String cashbox, WebkassaFault fault) {
    failNextOn(cashbox, CHECK, fault);
  }

  /**
   * The next request to {@code path} (ignoring case) naming {@code cashbox} suffers {@code fault}; as
   * {@link #failNextOn(String, WebkassaFault)}.
   *
   * @throws IllegalArgumentException when the fake has no such cashbox
   */
  public void failNextOn(String cashbox, String path, WebkassaFault fault) {
    dispatcher.failNext(Objects.requireNonNull(path), requireCashbox(cashbox), Objects.requireNonNull(fault));
  }

  /** How long {@link WebkassaFault#DELAY_AFTER_COMMIT} holds the answer back (10 s unless set). */
  public void delayResponses(Duration d) {
    dispatcher.responseDelay(d);
  }

  /** Every request waits {@code d} while being processed, outside the ledger's lock, so overlap shows. */
  public void processingDelay(Duration d) {
    dispatcher.processingDelay(d);
  }

  /** Revokes every token: the next call carrying one answers code 2 until the client authorizes again. */
  public void expireTokens() {
    provider.expireTokens();
  }

  /**
   * The next {@code /api/v4/check} that passes the key, token and cashbox checks answers {@code code}
   * with {@code text} and commits nothing.
   */
  public void rejectNext(int code, String text) {
    provider.rejectNext(code, Objects.requireNonNull(text));
  }

  /** While blocked, every call naming the default cashbox answers code 7. */
  public void blockCashbox(boolean blocked) {
    provider.block(blocked);
  }

  /**
   * The default cashbox works offline since {@code since}: checks are marked {@code OfflineMode}, and
   * once it has been offline more than 72 h on the fake's clock {@code /check} answers code 18.
   */
  public void offlineSince(Instant since) {
    provider.offlineSince(Optional.of(since));
  }

  /** The default cashbox is back online. */
  public void online() {
    provider.offlineSince(Optional.empty());
  }

  /** Every committed check of every cashbox, in commit order. */
  public List<WebkassaCheck> checks() {
    return provider.checks();
  }

  /** How many committed checks carry {@code externalCheckNumber} (the provider allows at most one). */
  public int checkCount(String externalCheckNumber) {
    return (int) checks().stream().filter(c -> c.externalCheckNumber().equals(externalCheckNumber)).count();
  }

  /** The committed check with {@code externalCheckNumber}, if any. */
  public Optional<WebkassaCheck> check(String externalCheckNumber) {
    return checks().stream().filter(c -> c.externalCheckNumber().equals(externalCheckNumber)).findFirst();
  }

  /** Every request received, in arrival order, including faulted and refused ones. */
  public List<WebkassaRequest> requests() {
    return dispatcher.requests();
  }

  /** The requests received for {@code path} (ignoring case), in arrival order. */
  public List<WebkassaRequest> requests(String path) {
    List<WebkassaRequest> matching = new ArrayList<>();
    for (WebkassaRequest r : requests()) {
      if (r.path().equalsIgnoreCase(path)) {
        matching.add(r);
      }
    }
    return matching;
  }

  /** How many tokens the fake has issued (successful Authorize calls). */
  public int authorizeCount() {
    return provider.tokensIssued();
  }

  /**
   * The most requests naming the default cashbox that were ever in flight at once, counted from arrival
   * until the answer is handed to the socket.
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests(cashboxNumber());
  }

  /**
   * The most requests naming {@code cashbox} that were ever in flight at once, counted from arrival
   * until the answer is handed to the socket (the {@linkplain Builder#latency latency} included); 0
   * before its first request.
   *
   * @throws IllegalArgumentException when the fake has no such cashbox
   */
  public int maxConcurrentRequests(String cashbox) {
    return dispatcher.maxInFlight(requireCashbox(cashbox));
  }

  /** The {@code UniqueNumber} of every cashbox, the default one first. */
  public List<String> cashboxNumbers() {
    return settings.cashboxes().stream().map(Settings.Register::uniqueNumber).toList();
  }

  /** The default cashbox's open or last shift number; 0 before its first shift. */
  public long currentShiftNumber() {
    return provider.currentShiftNumber();
  }

  /** Whether the default cashbox has an open shift. */
  public boolean shiftOpen() {
    return provider.shiftOpen();
  }

  /** The cash in the default cashbox's drawer: cash payments and returns, cash in and cash out. */
  public BigDecimal cashInDrawer() {
    return provider.cashInDrawer();
  }

  /** Stops the server; requests still waiting on a delay are answered at once or dropped. */
  @Override
  public void close() {
    dispatcher.closing();
    server.close();
  }

  private String requireCashbox(String cashbox) {
    if (!cashboxNumbers().contains(Objects.requireNonNull(cashbox, "cashbox"))) {
      throw new IllegalArgumentException("the fake has no cashbox " + cashbox + "; it has " + cashboxNumbers());
    }
    return cashbox;
  }

  private Settings.Register defaultRegister() {
    return settings.cashboxes().get(0);
  }

  /** Configures a fake; every value has a default. Not thread-safe. */
  public static final class Builder {
    private String apiKey = "test-api-key";
    private String login = "cashier@example.kz";
    private String password = "s3cret";
    private final List<Settings.Register> cashboxes = new ArrayList<>();
    private String address = "г. Алматы, пр. Абая, 1";
    private Settings.Ofd ofd = new Settings.Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz");
    private Clock clock = Clock.systemUTC();
    private String employeeName = "Кассир Тестовый";
    private Duration latency = Duration.ZERO;

    private Builder() {}

    /** The integrator key; default {@code test-api-key}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireText(apiKey, "apiKey");
      return this;
    }

    /** The login; default {@code cashier@example.kz}. */
    public Builder login(String login) {
      this.login = requireText(login, "login");
      return this;
    }

    /** The password; default {@code s3cret}. */
    public Builder password(String password) {
      this.password = requireText(password, "password");
      return this;
    }

    /**
     * Adds a cashbox; the first one added replaces the default ({@code SWK00033717}) and is the one the
     * fake's per-cashbox accessors and switches speak of.
     *
     * @throws IllegalArgumentException when the RNM is not 12 digits or the number is already used
     */
    public Builder cashbox(String uniqueNumber, String rnm, String identityNumber) {
      requireText(uniqueNumber, "uniqueNumber");
      if (!rnm.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("rnm must be 12 digits, got " + rnm);
      }
      if (cashboxes.stream().anyMatch(c -> c.uniqueNumber().equals(uniqueNumber))) {
        throw new IllegalArgumentException("cashbox " + uniqueNumber + " is already configured");
      }
      cashboxes.add(new Settings.Register(uniqueNumber, rnm, requireText(identityNumber, "identityNumber")));
      return this;
    }

    /** The address printed on checks; default {@code г. Алматы, пр. Абая, 1}. */
    public Builder address(String address) {
      this.address = requireText(address, "address");
      return this;
    }

    /** The OFD on checks and in ticket URLs ({@code http://<host>?i=…}). */
    public Builder ofd(String name, int code, String host) {
      this.ofd = new Settings.Ofd(requireText(name, "name"), code, requireText(host, "host"));
      return this;
    }

    /** The clock the fake's time starts from; {@link FakeWebkassa#advance} moves on top of it. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The cashier's name in {@code EmployeeName}. */
    public Builder employeeName(String employeeName) {
      this.employeeName = requireText(employeeName, "employeeName");
      return this;
    }

    /**
     * How long every answer waits before it is written, as a distant provider's round trip would: after
     * the request is processed (a check is committed before the wait), for every request, path and
     * cashbox, errors and faults included (a dropped connection is dropped after it). The fake serves
     * each connection on its own thread, so the waits of concurrent requests overlap, and a request is
     * counted in flight during its wait. Default none; use it to measure what a client does with a
     * provider that is not on loopback, e.g. 50 ms.
     *
     * @throws IllegalArgumentException when {@code latency} is negative
     */
    public Builder latency(Duration latency) {
      if (Objects.requireNonNull(latency, "latency").isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, got " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** Starts the fake on a free loopback port. */
    public FakeWebkassa start() {
      List<Settings.Register> registers = cashboxes.isEmpty()
          ? List.of(new Settings.Register("SWK00033717", "620300145316", "WK0000123456"))
          : cashboxes;
      return new FakeWebkassa(new Settings(apiKey, login, password, registers, address, ofd,
          clock.withZone(ZoneOffset.UTC), employeeName), latency);
    }

    private static String requireText(String value, String name) {
      if (Objects.requireNonNull(value, name).isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}
