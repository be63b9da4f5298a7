package kz.fiscal.cloud.webkassa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kz.fiscal.cloud.webkassa.internal.CheckMapping;
import kz.fiscal.cloud.webkassa.internal.HttpExchange;
import kz.fiscal.cloud.webkassa.internal.ProviderHistory;
import kz.fiscal.cloud.webkassa.internal.ProviderErrors;
import kz.fiscal.cloud.webkassa.internal.ProviderSession;
import kz.fiscal.cloud.webkassa.internal.ProviderSession.Reply;
import kz.fiscal.cloud.webkassa.internal.Redaction;
import kz.fiscal.cloud.webkassa.internal.Wire;
import kz.fiscal.cloud.webkassa.internal.WireJson;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Violation.ViolationCode;
import kz.fiscal.cloud.webkassa.internal.MoneyOperations;
import kz.fiscal.cloud.webkassa.internal.PrintFormats;
import kz.fiscal.cloud.webkassa.internal.ShiftClosing;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.CashOperations.CashMovement;
import kz.fiscal.core.spi.CashOperations;
import kz.fiscal.core.spi.CheckHistory;
import kz.fiscal.core.spi.CheckHistory.CheckSummary;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.RegisterLock;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.core.spi.CheckHistory.ShiftSummary;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One Webkassa cloud cash register over API v4 (docs/webkassa-v4.md). Thread-safe: calls from many threads
 * reach the register one at a time, share one login token (with the other drivers of the account when
 * they share a {@link TokenStore}), and each is bounded by its deadline. The
 * {@code ExternalCheckNumber} of every check is its idempotency key, so a resend is answered with code
 * 14 and the original check is returned from a lookup. The driver never retries an unknown outcome and
 * never puts secrets or buyer data into logs, messages or {@code toString()}. Build with {@link #builder()}.
 *
 * <p>A request whose answer was lost (a timeout, or a connection that broke after the request went
 * out) may still be at work at the provider. The driver then keeps the register to itself for
 * {@link Builder#quietAfterLostAnswer} more before its next request to it, so that the provider is never
 * sent two requests for one cash register at once, as the spec requires; the caller learns of the
 * lost answer at once.
 */
public final class WebkassaDriver implements FiscalDriver, CheckHistory, CashOperations {
  static final String CHECK = "/api/v4/check";
  static final String X_REPORT = ShiftClosing.X_REPORT;
  static final String Z_REPORT = ShiftClosing.Z_REPORT;
  /** How far before the first send a lookup still searches, for clocks that disagree. */
  private static final Duration LOOKUP_MARGIN = Duration.ofHours(1);
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");
  private static final Set<ReceiptFeature> CAPABILITIES =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(ReceiptFeature.PRINCIPAL)));

  private final HttpExchange http;
  private final ProviderSession session;
  private final int historyPages;
  private final String cashbox;
  private final RegisterId registerId;
  private final String baseUrl;
  private final boolean autoCloseShift;
  private final Clock clock;
  private final RegisterLock registerLock;
  private final MoneyOperations money;
  private final Duration quietAfterLostAnswer;
  /** What {@link #info()} answers; replaced when a check shows another RNM or serial number. */
  private volatile DriverInfo info;

  WebkassaDriver(Builder builder, HttpExchange http, TokenStore tokens) {
    this.http = http;
    this.session = new ProviderSession(http, new WireJson(), tokens,
        new TokenStore.Account(builder.baseUrl.toString(), builder.login), builder.password, builder.clock);
    this.cashbox = builder.cashbox;
    this.registerId = RegisterId.of("webkassa", cashbox);
    this.historyPages = builder.historyPages;
    this.registerLock = builder.registerLock == null ? RegisterLock.inProcess() : builder.registerLock;
    this.baseUrl = builder.baseUrl.toString();
    this.autoCloseShift = builder.autoCloseShift;
    this.clock = builder.clock;
    this.money = new MoneyOperations(cashbox, clock);
    this.quietAfterLostAnswer = builder.quietAfterLostAnswer;
    this.info = info(Optional.empty(), Optional.empty());
  }

  /** Starts a driver; base URL, API key, login, password and cash register are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fiscalizes {@code receipt} with {@code key} as its {@code ExternalCheckNumber}. An expired shift is
   * closed and the check sent once more when auto-close is on.
   *
   * @throws InvalidReceiptException if the receipt uses a feature Webkassa cannot carry (agent sales)
   * @throws kz.fiscal.core.ReceiptRejectedException if the provider refused the content (code 9)
   * @throws DeviceException if the register cannot work now (codes 1, 3-7, 11 without auto-close, 18)
   * @throws DeliveryFailedException if the check certainly did not reach the provider
   * @throws OutcomeUnknownException if the check may exist: resolve with {@link #lookup}
   */
  @Override
  public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
    refuseWhatCannotBeCarried(receipt);
    Wire.CheckRequest request = CheckMapping.request(key, receipt, cashbox);
    return atRegister(CHECK, deadline, (session, history) -> {
      Reply<Wire.CheckData> reply = session.call(CHECK, request::withToken, Wire.CheckData.class, deadline);
      if (reply.failed() && reply.code() == ProviderErrors.SHIFT_EXPIRED && autoCloseShift) {
        closeExpiredShift(session, deadline);
        reply = session.call(CHECK, request::withToken, Wire.CheckData.class, deadline);
      }
      if (!reply.failed()) {
        return remember(CheckMapping.result(reply.data(), receipt.total(), CHECK));
      }
      if (reply.code() == ProviderErrors.DUPLICATE_KEY) {
        return existing(history, key, receipt, deadline);
      }
      throw ProviderErrors.toException(reply.code(), Redaction.of(receipt.customer()).apply(reply.error().text()), CHECK);
    });
  }

  /**
   * Code 14: a check under {@code key} exists. It is the answer once found and verified against the
   * receipt; any failure to find or verify it leaves the outcome unknown, never "not applied".
   */
  private FiscalResult existing(ProviderHistory history, IdempotencyKey key, Receipt receipt, Instant deadline)
      throws OutcomeUnknownException {
    String used = "Webkassa reports key " + key.value() + " as used (14)";
    try {
      return history.find(key, receipt, Instant.MIN, deadline).map(this::remember)
          .orElseThrow(() -> new OutcomeUnknownException(used + " but no shift holds its check", null));
    } catch (OutcomeUnknownException e) {
      throw e;
    } catch (FiscalException e) {
      throw new OutcomeUnknownException(used + " and finding its check failed: " + e.getMessage(), e);
    }
  }

  /** A fault of this driver or an answer no mapping foresaw: the request may have been applied. */
  private static OutcomeUnknownException unexpected(String path, RuntimeException e) {
    return new OutcomeUnknownException("Webkassa's answer to " + path + " could not be handled: " + e, e);
  }

  /** A receipt using a feature Webkassa v4 has no field for would lose it silently: refuse it instead. */
  private static void refuseWhatCannotBeCarried(Receipt receipt) throws InvalidReceiptException {
    Set<ReceiptFeature> features = receipt.features();
    if (CAPABILITIES.containsAll(features)) {
      return;
    }
    List<Violation> missing = new ArrayList<>();
    for (ReceiptFeature feature : features) {
      if (!CAPABILITIES.contains(feature)) {
        missing.add(new Violation(ViolationCode.UNSUPPORTED_BY_DRIVER, feature.path(),
            "Webkassa API v4 cannot carry " + feature));
      }
    }
    throw new InvalidReceiptException(missing);
  }

  /**
   * Searches every shift open at or after {@code firstSentAt} (less an hour for clock drift), newest
   * first, for the check sent under {@code key}, and verifies a found one against its shift's check
   * history: its total and operation must be {@code journaled}'s.
   *
   * @throws OutcomeUnknownException if the lookup cannot prove either way, or (reason
   *     {@code KEY_COLLISION}) the check under the key is another receipt's
   */
  @Override
  public Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt, Instant deadline)
      throws FiscalException {
    return atRegister(ProviderHistory.LOOKUP, deadline,
        (session, history) -> history.find(key, journaled, firstSentAt.minus(LOOKUP_MARGIN), deadline).map(this::remember));
  }

  /** Z-report for a shift older than 24 h; whatever goes wrong, the refused check was not applied. */
  private void closeExpiredShift(ProviderSession session, Instant deadline) throws FiscalException {
    try {
      Reply<Wire.Report> reply = session.call(Z_REPORT, token -> new Wire.CashboxRequest(token, cashbox),
          Wire.Report.class, deadline);
      if (reply.failed() && reply.code() != ProviderErrors.NO_OPEN_SHIFT) {
        throw ProviderErrors.toException(reply.code(), reply.error().text(), Z_REPORT);
      }
    } catch (DeviceException | DeliveryFailedException e) {
      throw e;
    } catch (FiscalException e) {
      throw new DeliveryFailedException("The shift expired and closing it failed: " + e.getMessage(), e);
    }
  }

  @Override
  public ShiftReport xReport() throws FiscalException {
    return report(X_REPORT);
  }

  /**
   * Z-report: closes the shift; the next check opens a new one. Webkassa has no lookup for a Z-report:
   * when its answer is lost, the shift history's {@code CloseDate} of the shift open before tells
   * whether it was made. Made: the report carries the shift, its dates, its check count and the cash in
   * the register (the totals per operation were lost with the answer). Not made: a
   * {@link DeliveryFailedException}, and closing again is safe.
   *
   * @throws OutcomeUnknownException if the answer was lost and the history could not tell
   */
  @Override
  public ShiftReport closeShift() throws FiscalException {
    Instant deadline = clock.instant().plus(http.callTimeout());
    return atRegister(Z_REPORT, deadline,
        (session, history) -> ShiftClosing.close(session, history, cashbox, clock.instant(), deadline));
  }

  /**
   * Cash put into the register ({@code MoneyOperation} 0). Webkassa promises no duplicate detection and
   * no lookup for cash operations, so one whose answer was lost throws {@link OutcomeUnknownException}
   * and its key stays in doubt for this driver's life: never sent again, for a person to settle (compare
   * the drawer with an X-report, record what is missing under a new key). A key this driver recorded
   * returns its movement again without a request.
   *
   * @throws IllegalArgumentException if {@code amount} is not positive
   * @throws kz.fiscal.core.IdempotencyConflictException if {@code key} recorded another direction or amount
   */
  @Override
  public CashMovement cashIn(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException {
    return move(CashMovement.Direction.IN, key, amount, deadline);
  }

  /** Cash taken out of the register ({@code MoneyOperation} 1); as {@link #cashIn}. */
  @Override
  public CashMovement cashOut(IdempotencyKey key, Tenge amount, Instant deadline) throws FiscalException {
    return move(CashMovement.Direction.OUT, key, amount, deadline);
  }

  private CashMovement move(CashMovement.Direction direction, IdempotencyKey key, Tenge amount, Instant deadline)
      throws FiscalException {
    Objects.requireNonNull(key, "key");
    if (Objects.requireNonNull(amount, "amount").isZero() || Tenge.ZERO.isGreaterThan(amount)) {
      throw new IllegalArgumentException("a cash operation's amount must be positive, was " + amount);
    }
    Optional<CashMovement> known = money.known(key, direction, amount);
    if (known.isPresent()) {
      return known.get();
    }
    try {
      return atRegister(MoneyOperations.PATH, deadline,
          (session, history) -> money.send(session, direction, key, amount, deadline));
    } catch (OutcomeUnknownException e) {
      money.doubt(key);
      throw e;
    }
  }

  /**
   * The provider's printable layout of the check fiscalized under {@code key} ({@code Ticket/PrintFormat})
   * for a 58 or 80 mm roll: text lines, images and the QR payload. Empty when Webkassa has no check
   * under the key. Reading it changes nothing.
   *
   * @throws DeliveryFailedException if the layout could not be read now; try again
   * @throws DeviceException if the register or the account refuses (codes 1, 3-7, 18)
   */
  public Optional<TicketPrint> printFormat(IdempotencyKey key, TicketPrint.Paper paper, Instant deadline)
      throws FiscalException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(paper, "paper");
    return atRegister(PrintFormats.PATH, deadline,
        (session, history) -> PrintFormats.read(session, cashbox, key, paper, deadline));
  }

  private ShiftReport report(String path) throws FiscalException {
    Instant deadline = clock.instant().plus(http.callTimeout());
    return atRegister(path, deadline, (session, history) -> {
      Reply<Wire.Report> reply = session.call(path, token -> new Wire.CashboxRequest(token, cashbox),
          Wire.Report.class, deadline);
      if (reply.failed()) {
        throw ProviderErrors.toException(reply.code(), reply.error().text(), path);
      }
      return CheckMapping.report(reply.data(), path);
    });
  }

  /** The shifts not closed before {@code since}, oldest first. */
  @Override
  public List<ShiftSummary> shifts(Instant since, Instant deadline) throws FiscalException {
    return atRegister(ProviderHistory.SHIFTS, deadline, (session, history) -> history.shifts(since, deadline));
  }

  /** Streams a shift's checks page by page; the register is free for checks between pages. */
  @Override
  public void checks(long shiftNumber, Instant deadline, Consumer<CheckSummary> sink) throws FiscalException {
    for (int skip = 0; ; skip += ProviderHistory.PAGE) {
      int from = skip;
      Wire.CheckPage page = atRegister(ProviderHistory.CHECKS, deadline,
          (session, history) -> history.checks(shiftNumber, from, deadline));
      List<Wire.HistoryItem> items = page.items() == null ? List.of() : page.items();
      for (Wire.HistoryItem item : items) {
        CheckMapping.summary(item, shiftNumber, ProviderHistory.CHECKS).ifPresent(sink);
      }
      if (ProviderHistory.lastPage(items.size(), skip, page.total())) {
        return;
      }
    }
  }

  /**
   * Name {@code webkassa}, the cash register's number, the RNM and ZNM once a check has shown them; the
   * provider dates every check itself.
   */
  @Override
  public DriverInfo info() {
    return info;
  }

  private DriverInfo info(Optional<String> rnm, Optional<String> serialNumber) {
    return new DriverInfo("webkassa", registerId, rnm, serialNumber, CAPABILITIES,
        true); // a /check carries no date: the provider stamps its own
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "WebkassaDriver[" + cashbox + " at " + baseUrl + "]";
  }

  /** Keeps what a check showed of the register, and names the register in the result. */
  private FiscalResult remember(FiscalResult result) {
    DriverInfo known = info;
    Optional<String> rnm = Optional.of(result.rnm());
    Optional<String> serial = result.registerSerial().isPresent() ? result.registerSerial() : known.serialNumber();
    if (!rnm.equals(known.rnm()) || !serial.equals(known.serialNumber())) {
      info = info(rnm, serial); // a benign race: concurrent checks of one register show the same values
    }
    return result.withRegister(registerId);
  }

  /** Work done while holding the register, through a session fenced by the hold. */
  @FunctionalInterface
  private interface RegisterWork<T> {
    T run(ProviderSession session, ProviderHistory history) throws FiscalException;
  }

  /**
   * Runs {@code work} holding the register: waiting for it ends at the deadline, before anything is
   * sent, and each request then sent first proves the hold still stands with at least one call timeout
   * of lease left. A runtime fault inside is an unknown outcome of {@code path}.
   */
  private <T> T atRegister(String path, Instant deadline, RegisterWork<T> work) throws FiscalException {
    Instant systemDeadline = Instant.now().plus(Duration.between(clock.instant(), deadline));
    RegisterLock.Held held = registerLock.acquire(registerId, systemDeadline);
    long lostBefore = http.lostAnswers();
    try {
      ProviderSession fenced = session.fenced(() -> held.requireHeld(http.callTimeout()));
      return work.run(fenced, new ProviderHistory(fenced, cashbox, historyPages));
    } catch (RuntimeException e) {
      throw unexpected(path, e);
    } finally {
      release(held, http.lostAnswers() != lostBefore);
    }
  }

  /**
   * Gives the register back: at once, or after {@link #quietAfterLostAnswer} when an answer was lost
   * while it was held (the provider may still be at work on that request).
   */
  private void release(RegisterLock.Held held, boolean answerLost) {
    if (!answerLost || quietAfterLostAnswer.isZero()) {
      held.close();
      return;
    }
    CompletableFuture.runAsync(held::close,
        CompletableFuture.delayedExecutor(quietAfterLostAnswer.toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * Collects a driver's configuration; not thread-safe. Base URL, API key, login, password and cash
   * register number are required. HTTPS is required except on a loopback address (tests).
   */
  public static final class Builder {
    private HttpUrl baseUrl;
    private String apiKey;
    private String login;
    private String password;
    private String cashbox;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private boolean autoCloseShift;
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private int historyPages = ProviderHistory.MAX_PAGES;
    private HttpExchange.Limits limits = HttpExchange.Limits.DEFAULTS;
    private TokenStore tokenStore;
    private RegisterLock registerLock;
    private Duration quietAfterLostAnswer = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * The provider's address, e.g. {@code https://kkm.webkassa.kz} (test: {@code https://devkkm.webkassa.kz}).
     *
     * @throws IllegalArgumentException if it is not a URL, or is plain HTTP to a host other than loopback
     */
    public Builder baseUrl(String baseUrl) {
      HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (url == null) {
        throw new IllegalArgumentException("baseUrl is not an http(s) URL");
      }
      if (!url.isHttps() && !LOOPBACK.contains(url.host())) {
        throw new IllegalArgumentException("baseUrl must use https (plain http only to a loopback address), was "
            + url.scheme() + "://" + url.host());
      }
      this.baseUrl = url;
      return this;
    }

    /** The integrator key sent as {@code x-api-key}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireText(apiKey, "apiKey");
      return this;
    }

    /** The cashier's login. */
    public Builder login(String login) {
      this.login = requireText(login, "login");
      return this;
    }

    public Builder password(String password) {
      this.password = requireText(password, "password");
      return this;
    }

    /** The cash register's {@code CashboxUniqueNumber}, e.g. {@code SWK00033717}. */
    public Builder cashbox(String cashbox) {
      this.cashbox = requireText(cashbox, "cashbox");
      return this;
    }

    /** Time to open a connection; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Longest silence while reading an answer; default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Longest whole call, also bounded by each caller's deadline; default 60 s. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * Whether a shift older than 24 hours (code 11) is closed with a Z-report and the check sent once
     * more. Off by default: then code 11 is a {@link DeviceException} until someone closes the shift.
     */
    public Builder autoCloseShift(boolean autoCloseShift) {
      this.autoCloseShift = autoCloseShift;
      return this;
    }

    /**
     * An OkHttp client to share connection pool and dispatcher with; the driver derives its own from it
     * (no retries on connection failure, no redirects, its own timeouts and event listener).
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The most bytes of one answer the driver reads, after gzip decompression: {@code answerBytes} for
     * checks, reports and logins (default 1 MiB), {@code historyPageBytes} for a page of shift or check
     * history (default 16 MiB). A longer or endless answer is unreadable: an unknown outcome, never held
     * in memory whole.
     *
     * @throws IllegalArgumentException if either is not positive
     */
    public Builder answerLimits(long answerBytes, long historyPageBytes) {
      this.limits = new HttpExchange.Limits(answerBytes, historyPageBytes);
      return this;
    }

    /**
     * Where the account's login token is kept. Give every driver of one account (one per cashbox) the
     * same store: Webkassa revokes older tokens on each login, so drivers with stores of their own keep
     * logging each other out. Default: a store of this driver's own ({@link TokenStore#inMemory()}).
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /**
     * Who may talk to the cash register now. Default: a lock of this driver's own, in this process.
     * Give the drivers of several processes that share a register a {@link RegisterLock#jdbc} lock on
     * their common database; its lease must be at least three call timeouts.
     */
    public Builder registerLock(RegisterLock registerLock) {
      this.registerLock = Objects.requireNonNull(registerLock, "registerLock");
      return this;
    }

    /**
     * How long the register stays reserved after a request whose answer was lost, before this driver
     * (or any sharing its {@link #registerLock}) sends the next request to it: the provider may still be
     * working on the lost one. Default 5 seconds; zero sends at once. A {@link RegisterLock#jdbc} lock
     * keeps the reservation only within its lease.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder quietAfterLostAnswer(Duration quiet) {
      if (Objects.requireNonNull(quiet, "quiet").isNegative()) {
        throw new IllegalArgumentException("quietAfterLostAnswer must not be negative, was " + quiet);
      }
      this.quietAfterLostAnswer = quiet;
      return this;
    }

    /** The clock deadlines are measured on; default system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many pages of one history a walk reads before it takes the provider to be looping; for tests. */
    Builder historyPages(int pages) {
      this.historyPages = pages;
      return this;
    }

    /** @throws IllegalStateException naming a missing required setting */
    public WebkassaDriver build() {
      require(baseUrl, "baseUrl");
      require(apiKey, "apiKey");
      require(login, "login");
      require(password, "password");
      require(cashbox, "cashbox");
      if (registerLock != null && registerLock.lease().compareTo(callTimeout.multipliedBy(3)) < 0) {
        throw new IllegalStateException("The register lock's lease " + registerLock.lease()
            + " is shorter than three call timeouts (" + callTimeout.multipliedBy(3) + ")");
      }
      boolean owned = client == null;
      HttpExchange http = new HttpExchange(owned ? new OkHttpClient() : client, owned, baseUrl, apiKey,
          connectTimeout, readTimeout, callTimeout, clock, limits);
      return new WebkassaDriver(this, http, tokenStore == null ? TokenStore.inMemory() : tokenStore);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException("WebkassaDriver needs " + name);
      }
    }

    private static String requireText(String value, String name) {
      if (Objects.requireNonNull(value, name).isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
