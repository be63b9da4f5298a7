package kz.fiscal.core.spi;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Operation;
import kz.fiscal.core.Tenge;

/**
 * A check of a register's history.
 *
 * @param fiscalSign the fiscal sign
 * @param checkNumber the sequence number in the shift
 * @param shiftNumber the shift
 * @param dateTime when it was issued
 * @param operation its operation
 * @param total its total
 * @param offline whether it was made offline
 * @param key the idempotency key it was sent under, when the register stores it
 * @param verificationUrl the verification URL, when the provider gives it
 */
public record CheckSummary(String fiscalSign, long checkNumber, long shiftNumber, OffsetDateTime dateTime,
    Operation operation, Tenge total, boolean offline, Optional<IdempotencyKey> key, Optional<String> verificationUrl) {
  public CheckSummary {
    Objects.requireNonNull(fiscalSign, "fiscalSign");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
  }
}
