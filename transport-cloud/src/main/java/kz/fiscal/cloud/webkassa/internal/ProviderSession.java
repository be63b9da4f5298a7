package kz.fiscal.cloud.webkassa.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import kz.fiscal.cloud.webkassa.TokenStore;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.DeviceException.Reason;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.OutcomeUnknownException;

/**
 * Authorized calls to Webkassa: the account's token from its {@link TokenStore}, shared by all threads
 * and by every driver given the same store, renewed by compare-and-set when the provider answers code 2
 * (concurrent callers holding the same stale token cause one Authorize), after which the call is
 * repeated once. The password stays here; the store sees only tokens. Thread-safe.
 */
public final class ProviderSession {
  private static final String AUTHORIZE = "/api/v4/Authorize";
  /** Stands for the provider's text of a refused login, which may quote the credentials. */
  private static final String LOGIN_TEXT_WITHHELD = "(the provider's text is withheld: it may quote the credentials)";

  private final HttpExchange http;
  private final WireJson json;
  private final TokenStore tokens;
  private final TokenStore.Account account;
  private final String password;
  private final Clock clock;
  private final Fence fence;

  /** Proves, before each request to the register, that this node may still talk to it. */
  @FunctionalInterface
  public interface Fence {
    Fence NONE = () -> { };

    /** @throws DeliveryFailedException if nothing may be sent now */
    void check() throws DeliveryFailedException;
  }

  /** @param clock the clock deadlines are measured on */
  public ProviderSession(HttpExchange http, WireJson json, TokenStore tokens, TokenStore.Account account,
      String password, Clock clock) {
    this(http, json, tokens, account, password, clock, Fence.NONE);
  }

  private ProviderSession(HttpExchange http, WireJson json, TokenStore tokens, TokenStore.Account account,
      String password, Clock clock, Fence fence) {
    this.http = http;
    this.json = json;
    this.tokens = tokens;
    this.account = account;
    this.password = password;
    this.clock = clock;
    this.fence = fence;
  }

  /** This session, checking {@code fence} before each request to the register (a login is not one). */
  public ProviderSession fenced(Fence fence) {
    return new ProviderSession(http, json, tokens, account, password, clock, fence);
  }

  /** The provider's answer: its data, or the first of its errors. */
  public record Reply<D>(D data, Wire.Error error) {
    public boolean failed() {
      return error != null;
    }

    public int code() {
      return error.code();
    }
  }

  /**
   * Posts the request {@code body} builds for the current token; on code 2 renews the token and posts
   * once more. Any other error is returned for the caller to judge.
   *
   * @throws DeliveryFailedException if the request certainly did not reach the provider
   * @throws OutcomeUnknownException if it may have been applied but no readable answer came
   * @throws DeviceException if the login is refused, or the new token expires at once
   */
  public <D> Reply<D> call(String path, Function<String, Object> body, Class<D> dataType, Instant deadline)
      throws FiscalException {
    Optional<String> stored = tokens.token(account);
    String used = stored.isPresent() ? stored.get() : renew(Optional.empty(), deadline);
    fence.check();
    Reply<D> reply = post(path, json.write(body.apply(used)), dataType, deadline);
    if (reply.failed() && reply.code() == ProviderErrors.SESSION_EXPIRED) {
      String renewed = renew(Optional.of(used), deadline);
      fence.check();
      reply = post(path, json.write(body.apply(renewed)), dataType, deadline);
      if (reply.failed() && reply.code() == ProviderErrors.SESSION_EXPIRED) {
        throw ProviderErrors.toException(ProviderErrors.SESSION_EXPIRED, reply.error().text(), path);
      }
    }
    return reply;
  }

  /** A new token unless another caller (of any driver sharing the store) already replaced {@code stale}. */
  private String renew(Optional<String> stale, Instant deadline) throws FiscalException {
    return tokens.renew(account, stale, Duration.between(clock.instant(), deadline), () -> authorize(deadline));
  }

  private String authorize(Instant deadline) throws FiscalException {
    Reply<Wire.TokenData> reply;
    try {
      reply = post(AUTHORIZE, json.write(new Wire.AuthorizeRequest(account.login(), password)), Wire.TokenData.class, deadline);
    } catch (OutcomeUnknownException e) {
      // A login has no fiscal effect, and the call it precedes was not applied.
      throw new DeliveryFailedException("Could not log in to Webkassa: " + e.getMessage(), e);
    }
    if (reply.failed()) {
      // The provider's text may quote the login or the password: only the code leaves this method.
      int code = reply.code();
      if (code == ProviderErrors.SESSION_EXPIRED || code == -1) {
        throw new DeviceException(Reason.CREDENTIALS, Integer.toString(code),
            "Webkassa refused the login with error " + code + " " + LOGIN_TEXT_WITHHELD);
      }
      FiscalException e = ProviderErrors.toException(code, LOGIN_TEXT_WITHHELD, AUTHORIZE);
      // Only the register's own conditions say more than "the login failed": nothing was sent to fiscalize.
      throw e instanceof DeviceException ? e : new DeliveryFailedException(e.getMessage(), e);
    }
    String fresh = reply.data().token();
    if (fresh == null || fresh.isEmpty()) {
      throw new DeliveryFailedException("Webkassa's login answer carried no token", null);
    }
    return fresh;
  }

  private <D> Reply<D> post(String path, String body, Class<D> dataType, Instant deadline)
      throws DeliveryFailedException, OutcomeUnknownException {
    HttpExchange.Answer answer = http.post(path, body, deadline);
    Wire.Envelope<D> envelope;
    try {
      envelope = json.read(answer.body(), dataType);
    } catch (IOException e) {
      throw new OutcomeUnknownException("Webkassa's answer to " + path + " (HTTP " + answer.status()
          + ") is unreadable: " + e.getMessage(), e);
    }
    if (envelope.errors() != null && !envelope.errors().isEmpty()) {
      Wire.Error first = envelope.errors().get(0);
      if (first == null) {
        throw new OutcomeUnknownException("Webkassa's answer to " + path + " (HTTP " + answer.status()
            + ") lists an empty error", null);
      }
      return new Reply<>(null, first);
    }
    if (envelope.data() == null) {
      throw new OutcomeUnknownException("Webkassa's answer to " + path + " (HTTP " + answer.status()
          + ") has neither Data nor Errors", null);
    }
    return new Reply<>(envelope.data(), null);
  }
}
