package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kz.fiscal.testkit.WebkassaCheck;

/**
 * A return must name a check in the ledger exactly (fiscal sign, RNM, total, offline flag, time to the
 * second), of the operation it returns (3 returns a 2, 1 returns a 0), and may not take back more than
 * the original's total less earlier returns against it. Every mismatch is a code 9. Stateless.
 */
final class ReturnBasisRule {
  private ReturnBasisRule() {}

  static void check(CheckContent.Basis basis, CheckContent content, List<Cashbox> cashboxes) {
    Shift.Entry original = cashboxes.stream()
        .flatMap(Cashbox::entries)
        .filter(e -> e.check().fiscalSign().equals(basis.fiscalSign()))
        .findFirst()
        .orElseThrow(() -> ProviderError.invalid("ReturnBasisDetails.CheckNumber",
            "no check with fiscal sign " + basis.fiscalSign()));
    WebkassaCheck check = original.check();
    String rnm = cashboxes.stream().filter(c -> c.register.uniqueNumber().equals(check.cashbox()))
        .findFirst().orElseThrow().register.rnm();
    require("RegistrationNumber", rnm, basis.rnm());
    require("Total", check.total().toPlainString(), CheckRules.money(basis.total()).toPlainString());
    require("IsOffline", check.offline(), basis.offline());
    require("DateTime", check.dateTime().toInstant(), basis.dateTime().toInstant().truncatedTo(ChronoUnit.SECONDS));
    int returned = content.operationType() == 3 ? 2 : 0;
    if (check.operationType() != returned) {
      throw ProviderError.invalid("ReturnBasisDetails.CheckNumber", "check " + check.fiscalSign()
          + " has OperationType " + check.operationType() + ", a return of type " + content.operationType()
          + " needs " + returned);
    }
    BigDecimal taken = cashboxes.stream()
        .flatMap(Cashbox::entries)
        .filter(e -> e.content().returnBasis().filter(b -> b.fiscalSign().equals(check.fiscalSign())).isPresent())
        .map(e -> e.check().total())
        .reduce(CheckRules.zero(), BigDecimal::add);
    BigDecimal remaining = check.total().subtract(taken);
    if (content.total().compareTo(remaining) > 0) {
      throw ProviderError.invalid("ReturnBasisDetails.Total", "the return's total " + content.total()
          + " exceeds what remains of the original, " + remaining);
    }
  }

  private static void require(String field, Object expected, Object got) {
    if (!expected.equals(got)) {
      throw ProviderError.invalid("ReturnBasisDetails." + field, "expected " + expected + ", got " + got);
    }
  }
}
