package kz.fiscal.cloud.webkassa;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalException;

/**
 * Where the drivers of one Webkassa account keep its login token, so that they share one login.
 * Webkassa revokes every older token of an account on each Authorize: drivers of one account that
 * each logged in for themselves would keep revoking each other. Give the drivers of one account (one
 * per cashbox) the same store with {@link WebkassaDriver.Builder#tokenStore}. Implementations are
 * thread-safe; a store holds tokens, never a password.
 *
 * <p>A new token is fetched only by compare-and-set: {@link #renew} logs in only while the token that
 * failed is still the stored one, and renewals of one account never overlap, so any number of callers
 * that find the same token revoked cause one Authorize between them. A store shared by several
 * processes (e.g. in their database) must keep that promise across them.
 */
public interface TokenStore {

  /**
   * A Webkassa account: the provider's address and the login. {@link #toString()} withholds the login.
   *
   * @param baseUrl the provider's base URL as the driver uses it
   * @param login the cashier's login
   */
  record Account(String baseUrl, String login) {
    public Account {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(login, "login");
    }

    @Override
    public String toString() {
      return "Account[" + baseUrl + ", login withheld]";
    }
  }

  /** Fetches a new token from the provider (Authorize); the caller of {@link #renew} holds the password. */
  @FunctionalInterface
  interface Login {
    /**
     * A token the provider just issued, never empty.
     *
     * @throws FiscalException if the provider refused the login or could not be reached
     */
    String authorize() throws FiscalException;
  }

  /** The token stored for {@code account}; empty before the first login. */
  Optional<String> token(Account account);

  /**
   * The token to use after {@code failed} did not work (empty: there was none yet). Returns the stored
   * token without logging in when it is no longer {@code failed} (another caller renewed it); else
   * calls {@code login} and stores its token in place of {@code failed}. Renewals of one account wait
   * for each other, this one at most {@code wait}.
   *
   * @throws DeliveryFailedException if another renewal of the account still runs after {@code wait}, or
   *     the thread is interrupted while waiting for it
   * @throws FiscalException whatever {@code login} throws; the stored token is then left as it was
   */
  String renew(Account account, Optional<String> failed, Duration wait, Login login) throws FiscalException;

  /** A store in this process's memory: share one instance between the drivers of one account. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * A store shared by every process using {@code dataSource} (the journal's database): the token of
   * each account in {@code fiscal_webkassa_token}, created if absent, keyed by a hash of the base URL
   * and login; never the password, nor the login itself. Renewals of one account queue across the
   * processes (a renewal lease on the database's clock) and log in only while the failing token is the
   * stored one. Give one instance to the drivers of a process.
   */
  static TokenStore jdbc(javax.sql.DataSource dataSource) {
    return new JdbcTokenStore(java.util.Objects.requireNonNull(dataSource, "dataSource"));
  }
}
