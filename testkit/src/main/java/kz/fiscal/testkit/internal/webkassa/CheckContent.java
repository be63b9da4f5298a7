package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The validated content of one {@code /api/v4/check} request, with the totals the provider derives.
 *
 * @param payments the sum per payment type, cash net of the change
 * @param vat the check's VAT: positions' tax, less discount modifiers' tax, plus markup modifiers' tax
 */
record CheckContent(
    int operationType,
    BigDecimal total,
    Map<Integer, BigDecimal> payments,
    BigDecimal change,
    BigDecimal discount,
    BigDecimal markup,
    BigDecimal vat,
    Optional<Basis> returnBasis) {

  /** The original check a return names. */
  record Basis(String fiscalSign, OffsetDateTime dateTime, String rnm, BigDecimal total, boolean offline) {}

  /** Cash this check puts into the drawer (negative when it takes cash out). */
  BigDecimal cashEffect() {
    BigDecimal cash = payments.getOrDefault(CheckRules.CASH, BigDecimal.ZERO);
    return operationType == 2 || operationType == 1 ? cash : cash.negate();
  }
}
