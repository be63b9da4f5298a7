package kz.fiscal.testkit.internal.webkassa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.testkit.WebkassaCheck;
import kz.fiscal.testkit.WebkassaRequest;

/**
 * The provider's side of Webkassa v4 behind one lock: API key, login and tokens, cashbox lookup,
 * routing to the endpoints, and the scripted switches (expired tokens, a rejection, blocking, offline).
 * Answers every request with the JSON body Webkassa would send; it never sleeps. Thread-safe.
 */
public final class Provider {
  /** The paths the fake serves, lower case (Webkassa's routing is case-insensitive). */
  static final List<String> PATHS = List.of("/api/v4/authorize", "/api/v4/check",
      "/api-history/v4/ticket/getticketbyexternalchecknumber", "/api/v4/cashbox/shifthistory",
      "/api/v4/check/history", "/api/v4/xreport", "/api/v4/zreport", "/api/v4/moneyoperation",
      "/api/v4/cashboxes", "/api/v4/ticket/printformat");

  private final Settings settings;
  private final FakeClock clock;
  private final Map<String, Cashbox> cashboxes = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Ledger ledger;
  private String token;
  private int tokensIssued;
  private ProviderError rejection;

  public Provider(Settings settings, FakeClock clock) {
    this.settings = settings;
    this.clock = clock;
    settings.cashboxes().forEach(r -> cashboxes.put(r.uniqueNumber(), new Cashbox(r)));
    this.ledger = new Ledger(settings, clock, random);
  }

  /** Whether {@code path} is one the fake serves (ignoring case). */
  public static boolean serves(String path) {
    return PATHS.contains(path.toLowerCase(Locale.ROOT));
  }

  /** Where the fake's ticket print URLs point: its own base URL. */
  public synchronized void printBase(String baseUrl) {
    ledger.printBase = baseUrl;
  }

  /** Applies one request and answers the JSON body Webkassa would answer (success or {@code Errors}). */
  public synchronized String handle(WebkassaRequest request) {
    try {
      if (!same(request.apiKey(), settings.apiKey())) {
        throw new ProviderError(3, "Неверный ключ API");
      }
      Fields body = new Fields(JsonTree.parseObject(request.body())
          .orElseThrow(() -> new ProviderError(9, "Тело запроса не является объектом JSON")), "");
      return Wire.data(route(request.path().toLowerCase(Locale.ROOT), body, request));
    } catch (ProviderError e) {
      return Wire.error(e.code, e.getMessage());
    }
  }

  private Map<String, Object> route(String path, Fields body, WebkassaRequest request) {
    if (path.equals("/api/v4/authorize")) {
      return authorize(body);
    }
    requireToken(body);
    return switch (path) {
      case "/api/v4/cashboxes" -> Reports.cashboxes(cashboxes.values());
      case "/api/v4/check" -> ledger.check(cashbox(body), body, request, rejected(), this::allCashboxes);
      case "/api/v4/moneyoperation" -> ledger.moneyOperation(cashbox(body), body);
      case "/api-history/v4/ticket/getticketbyexternalchecknumber" -> ledger.lookup(cashbox(body), body);
      case "/api/v4/ticket/printformat" -> ledger.printFormat(cashbox(body), body);
      case "/api/v4/cashbox/shifthistory" -> Reports.shiftHistory(cashbox(body), body);
      case "/api/v4/check/history" -> Reports.checkHistory(cashbox(body), body);
      case "/api/v4/xreport" -> Reports.x(cashbox(body), clock.now());
      case "/api/v4/zreport" -> Reports.z(cashbox(body), clock.now());
      default -> throw new IllegalStateException("not served: " + path);
    };
  }

  private Map<String, Object> authorize(Fields body) {
    if (!same(body.optionalString("Login", 255).orElse(""), settings.login())
        | !same(body.optionalString("Password", 255).orElse(""), settings.password())) {
      throw new ProviderError(1, "Неверный логин или пароль");
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    token = HexFormat.of().formatHex(bytes);
    tokensIssued++;
    return Wire.object("Token", token);
  }

  private void requireToken(Fields body) {
    Optional<String> sent = body.optionalString("Token", 255);
    if (token == null || sent.isEmpty() || !same(sent.get(), token)) {
      throw new ProviderError(2, "Срок действия сессии истек");
    }
  }

  private Cashbox cashbox(Fields body) {
    String number = body.string("CashboxUniqueNumber", 50);
    Cashbox cashbox = cashboxes.get(number);
    if (cashbox == null) {
      throw new ProviderError(6, "Касса не найдена");
    }
    if (cashbox.blocked) {
      throw new ProviderError(7, "Касса заблокирована");
    }
    return cashbox;
  }

  private Optional<ProviderError> rejected() {
    Optional<ProviderError> next = Optional.ofNullable(rejection);
    rejection = null;
    return next;
  }

  private List<Cashbox> allCashboxes() {
    return List.copyOf(cashboxes.values());
  }

  private static boolean same(String a, String b) {
    return a != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Revokes every token: the next call carrying one answers code 2. */
  public synchronized void expireTokens() {
    token = null;
  }

  public synchronized int tokensIssued() {
    return tokensIssued;
  }

  /** The next {@code /check} that passes the key, token and cashbox checks answers this error. */
  public synchronized void rejectNext(int code, String text) {
    rejection = new ProviderError(code, text);
  }

  /** Blocks or unblocks the default cashbox: code 7 on every call naming it while blocked. */
  public synchronized void block(boolean blocked) {
    first().blocked = blocked;
  }

  /** Puts the default cashbox offline since {@code since}, or back online when empty. */
  public synchronized void offlineSince(Optional<Instant> since) {
    first().offlineSince = since;
  }

  /** Every committed check of every cashbox, in commit order. */
  public synchronized List<WebkassaCheck> checks() {
    return ledger.checks();
  }

  /** The default cashbox's open or last shift number, 0 before its first shift. */
  public synchronized long currentShiftNumber() {
    return first().lastShift().map(s -> s.number).orElse(0L);
  }

  public synchronized java.math.BigDecimal cashInDrawer() {
    return first().drawer;
  }

  public synchronized boolean shiftOpen() {
    return first().openShift().isPresent();
  }

  private Cashbox first() {
    return cashboxes.values().iterator().next();
  }
}
