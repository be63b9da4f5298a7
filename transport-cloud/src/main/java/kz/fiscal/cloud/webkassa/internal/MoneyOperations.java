package kz.fiscal.cloud.webkassa.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.fiscal.cloud.webkassa.internal.ProviderSession.Reply;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyConflictException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.CashOperations.CashMovement;
import kz.fiscal.core.spi.CashOperations.CashMovement.Direction;

/**
 * Cash in and cash out over {@code MoneyOperation}. Webkassa promises neither duplicate detection nor a
 * lookup for them (webkassa-v4.md), so nothing can prove what became of one whose answer was lost: such
 * a key stays in doubt in this driver and is never sent again; a person checks the drawer (an X-report's
 * cash in the register) and records what is missing under a new key. A key this driver recorded answers
 * its movement again without a request. Both memories live as long as the driver. Thread-safe.
 */
public final class MoneyOperations {
  public static final String PATH = "/api/v4/MoneyOperation";
  private static final int REMEMBERED = 10_000;

  private final String cashbox;
  private final Clock clock;
  private final Set<IdempotencyKey> inDoubt = ConcurrentHashMap.newKeySet();
  private final Map<IdempotencyKey, CashMovement> recorded = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<IdempotencyKey, CashMovement> eldest) {
      return size() > REMEMBERED;
    }
  };

  public MoneyOperations(String cashbox, Clock clock) {
    this.cashbox = cashbox;
    this.clock = clock;
  }

  /**
   * The movement this driver already recorded under {@code key}, so that it is not sent again.
   *
   * @throws OutcomeUnknownException if an earlier operation under {@code key} ended in doubt: never resent
   * @throws IdempotencyConflictException if {@code key} recorded another direction or amount
   */
  public Optional<CashMovement> known(IdempotencyKey key, Direction direction, Tenge amount) throws FiscalException {
    if (inDoubt.contains(key)) {
      throw new OutcomeUnknownException("The cash operation under key " + key.value() + " is in doubt: Webkassa offers "
          + "no lookup for cash operations, so it is never sent again; a person must compare the drawer with an "
          + "X-report and record what is missing under a new key", null);
    }
    CashMovement done;
    synchronized (recorded) {
      done = recorded.get(key);
    }
    if (done != null && (done.direction() != direction || done.amount().compareTo(amount) != 0)) {
      throw new IdempotencyConflictException(key);
    }
    return Optional.ofNullable(done);
  }

  /** Sends the operation once; the caller holds the register. */
  public CashMovement send(ProviderSession session, Direction direction, IdempotencyKey key, Tenge amount,
      Instant deadline) throws FiscalException {
    Reply<Wire.MoneyData> reply = session.call(PATH, token -> new Wire.MoneyRequest(token, cashbox,
        direction == Direction.IN ? 0 : 1, amount.amount(), key.value()), Wire.MoneyData.class, deadline);
    if (reply.failed()) {
      if (reply.code() == ProviderErrors.DUPLICATE_KEY) {
        throw new OutcomeUnknownException("Webkassa reports key " + key.value() + " as used (14): a cash operation or "
            + "check under it exists, and Webkassa offers no lookup for cash operations; a person must check", null);
      }
      throw ProviderErrors.toException(reply.code(), reply.error().text(), PATH);
    }
    Wire.MoneyData data = reply.data();
    if (data.sum() != null && data.sum().compareTo(amount.amount()) != 0) {
      throw new OutcomeUnknownException("Webkassa recorded " + data.sum() + " under key " + key.value()
          + " for a cash operation of " + amount, null);
    }
    CashMovement movement = new CashMovement(direction, key, amount,
        data.dateTime() == null ? KzTime.now(clock) : ProviderTime.parse(data.dateTime()), Optional.empty());
    synchronized (recorded) {
      recorded.put(key, movement);
    }
    return movement;
  }

  /** Marks {@code key} in doubt: its operation may exist, and it is never sent again. */
  public void doubt(IdempotencyKey key) {
    inDoubt.add(key);
  }
}
