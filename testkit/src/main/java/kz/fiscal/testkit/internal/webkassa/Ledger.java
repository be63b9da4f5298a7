package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import kz.fiscal.core.KzTime;
import kz.fiscal.testkit.WebkassaCheck;
import kz.fiscal.testkit.WebkassaRequest;

/**
 * The endpoints that write or read the ledger: {@code /check}, {@code MoneyOperation} and the lookup
 * by external number; keeps every check in commit order and hands out unique fiscal signs. Not
 * thread-safe: guarded by the provider's lock.
 */
final class Ledger {
  private final Settings settings;
  private final FakeClock clock;
  private final SecureRandom random;
  private final List<WebkassaCheck> checks = new ArrayList<>();
  private long nextSign;
  String printBase = "";

  Ledger(Settings settings, FakeClock clock, SecureRandom random) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    nextSign = 1_000_000_000L + random.nextInt(1_000_000_000);
  }

  List<WebkassaCheck> checks() {
    return List.copyOf(checks);
  }

  Map<String, Object> check(Cashbox box, Fields body, WebkassaRequest request,
      Optional<ProviderError> rejection, Supplier<List<Cashbox>> all) {
    if (rejection.isPresent()) {
      throw rejection.get();
    }
    String key = body.string("ExternalCheckNumber", 50);
    if (box.keyUsed(key)) {
      throw new ProviderError(14, "Дубликат кода внешней системы");
    }
    Instant now = clock.now();
    box.requireOfflineAllowed(now);
    box.requireShiftUsable(now);
    CheckContent content = CheckRules.validate(body);
    content.returnBasis().ifPresent(basis -> ReturnBasisRule.check(basis, content, all.get()));

    box.useKey(key);
    Shift shift = box.shiftFor(now);
    OffsetDateTime at = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), KzTime.OFFSET);
    String sign = Long.toString(nextSign);
    nextSign += 1 + random.nextInt(997);
    boolean offline = box.offlineSince.isPresent();
    WebkassaCheck check = new WebkassaCheck(box.register.uniqueNumber(), key, sign, shift.number,
        shift.checks.size() + 1L, content.operationType(), content.total(), offline, at,
        Wire.ticketUrl(settings.ofd().host(), sign, box.register.rnm(), content.total(), at), request);
    Shift.Entry entry = new Shift.Entry(check, content, offline);
    shift.checks.add(entry);
    checks.add(check);
    box.drawer = box.drawer.add(content.cashEffect());
    return Wire.checkData(entry, settings, printBase);
  }

  Map<String, Object> moneyOperation(Cashbox box, Fields body) {
    String key = body.string("ExternalCheckNumber", 50);
    if (box.keyUsed(key)) {
      throw new ProviderError(14, "Дубликат кода внешней системы");
    }
    int type = body.oneOf("OperationType", List.of(0, 1));
    BigDecimal sum = CheckRules.money(body.positiveAmount("Sum"));
    Instant now = clock.now();
    box.requireShiftUsable(now);
    if (type == 1 && sum.compareTo(box.drawer) > 0) {
      throw ProviderError.invalid("Sum", "cash out " + sum + " exceeds the cash in the drawer " + box.drawer);
    }
    box.useKey(key);
    Shift shift = box.shiftFor(now);
    box.drawer = type == 0 ? box.drawer.add(sum) : box.drawer.subtract(sum);
    return Wire.object("Sum", sum, "DateTime", Wire.local(now), "ShiftNumber", shift.number);
  }

  /** {@code Ticket/PrintFormat}: the layout of the check under the key in any shift; code 19 when none. */
  Map<String, Object> printFormat(Cashbox box, Fields body) {
    String key = body.string("ExternalCheckNumber", 50);
    int paperKind = body.integer("PaperKind");
    Shift.Entry entry = box.entries()
        .filter(e -> e.check().externalCheckNumber().equals(key))
        .findFirst()
        .orElseThrow(() -> new ProviderError(19, "Чек с указанным внешним номером не найден"));
    return PrintForms.layout(entry, settings, paperKind);
  }

  /**
   * {@code GetTicketByExternalCheckNumber}: searches only the named shift; code 19 when not there. The
   * answer carries the fields of {@code /check}'s {@code Data} and nothing the spec does not list (no
   * {@code Total}: a driver reads that from {@code Check/History}).
   */
  Map<String, Object> lookup(Cashbox box, Fields body) {
    String key = body.string("ExternalCheckNumber", 50);
    long shiftNumber = body.integer("ShiftNumber");
    Shift.Entry entry = box.shift(shiftNumber).stream()
        .flatMap(s -> s.checks.stream())
        .filter(e -> e.check().externalCheckNumber().equals(key))
        .findFirst()
        .orElseThrow(() -> new ProviderError(19, "Чек с указанным внешним номером не найден"));
    return Wire.checkData(entry, settings, printBase); // exactly /check's Data: the spec promises no more
  }
}
