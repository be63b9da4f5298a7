package kz.fiscal.cloud.webkassa;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.fiscal.core.FiscalException;

/**
 * {@link TokenStore#inMemory()}: one token per account; renewals of one account queue while other
 * accounts stay free. Reading a token takes no lock. Thread-safe.
 */
final class InMemoryTokenStore implements TokenStore {
  private final Map<Account, String> tokens = new ConcurrentHashMap<>();
  private final RenewalQueue renewals = new RenewalQueue();

  @Override
  public Optional<String> token(Account account) {
    return Optional.ofNullable(tokens.get(account));
  }

  @Override
  public String renew(Account account, Optional<String> failed, Duration wait, Login login) throws FiscalException {
    Objects.requireNonNull(failed, "failed");
    Objects.requireNonNull(login, "login");
    return renewals.inTurn(Objects.requireNonNull(account, "account"), wait, () -> {
      String stored = tokens.get(account);
      if (stored != null && !failed.map(stored::equals).orElse(false)) {
        return stored; // renewed by another caller since this one read it
      }
      String fresh = requireToken(login.authorize());
      tokens.put(account, fresh);
      return fresh;
    });
  }

  static String requireToken(String fresh) {
    if (fresh == null || fresh.isEmpty()) {
      throw new IllegalStateException("a login returned no token");
    }
    return fresh;
  }

  /** Names the accounts it holds a token for; never a token or a login. */
  @Override
  public String toString() {
    return "TokenStore.inMemory[" + renewals.accounts() + " accounts]";
  }
}
