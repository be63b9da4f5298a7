package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read-mostly endpoints: X and Z reports, shift and check history, the cashbox list. Not
 * thread-safe: called under the provider's lock.
 */
final class Reports {
  /** Operation blocks by OperationType: 2 Sell, 0 Buy, 3 ReturnSell, 1 ReturnBuy. */
  private static final Map<String, Integer> BLOCKS = Map.of("Sell", 2, "Buy", 0, "ReturnSell", 3, "ReturnBuy", 1);

  private Reports() {}

  /** The X-report of the open shift; with none open, the empty state of the shift that would open next. */
  static Map<String, Object> x(Cashbox box, Instant now) {
    Shift shift = box.openShift()
        .orElseGet(() -> new Shift(box.lastShift().map(s -> s.number + 1).orElse(1L), null));
    return report(box, shift, now);
  }

  /** The Z-report: closes the open shift (even one older than 24 h); code 13 when none is open. */
  static Map<String, Object> z(Cashbox box, Instant now) {
    Shift shift = box.openShift().orElseThrow(() -> new ProviderError(13, "Смена не открыта"));
    shift.close(now);
    return report(box, shift, now);
  }

  private static Map<String, Object> report(Cashbox box, Shift shift, Instant now) {
    Map<String, Object> data = Wire.object(
        "ShiftNumber", shift.number,
        "StartOn", shift.openedAt == null ? null : Wire.local(shift.openedAt),
        "ReportOn", Wire.local(now),
        "CloseOn", shift.closedAt().map(Wire::local).orElse(null),
        "DocumentCount", shift.checks.size());
    for (String block : List.of("Sell", "Buy", "ReturnSell", "ReturnBuy")) {
      data.put(block, block(shift, BLOCKS.get(block)));
    }
    data.put("SumInCashbox", box.drawer);
    data.put("OfflineMode", box.offlineSince.isPresent());
    return data;
  }

  private static Map<String, Object> block(Shift shift, int operationType) {
    int count = 0;
    BigDecimal discount = CheckRules.zero();
    BigDecimal markup = CheckRules.zero();
    BigDecimal vat = CheckRules.zero();
    Map<Integer, BigDecimal> payments = new TreeMap<>();
    for (Shift.Entry entry : shift.checks) {
      CheckContent c = entry.content();
      if (c.operationType() != operationType) {
        continue;
      }
      count++;
      discount = discount.add(c.discount());
      markup = markup.add(c.markup());
      vat = vat.add(c.vat());
      c.payments().forEach((type, sum) -> payments.merge(type, sum, BigDecimal::add));
    }
    List<Object> byType = new ArrayList<>();
    payments.forEach((type, sum) -> byType.add(Wire.object("Type", type, "Sum", sum)));
    return Wire.object("Count", count, "Discount", discount, "Markup", markup, "Vat", vat,
        "PaymentsByTypesApiModel", byType);
  }

  /** Shifts newest first, paged by Skip and Take. */
  static Map<String, Object> shiftHistory(Cashbox box, Fields body) {
    List<Object> shifts = new ArrayList<>();
    for (int i = box.shifts.size() - 1; i >= 0; i--) {
      Shift s = box.shifts.get(i);
      shifts.add(Wire.object("ShiftNumber", s.number, "OpenDate", Wire.local(s.openedAt),
          "CloseDate", s.closedAt().map(Wire::local).orElse(null)));
    }
    return Wire.object("Total", box.shifts.size(), "Shifts", page(shifts, body));
  }

  /** The checks of one shift in order, paged by Skip and Take; an unknown shift has none. */
  static Map<String, Object> checkHistory(Cashbox box, Fields body) {
    long number = body.integer("ShiftNumber");
    List<Object> items = new ArrayList<>();
    box.shift(number).ifPresent(shift -> shift.checks.forEach(entry -> {
      var check = entry.check();
      items.add(Wire.object("Number", check.fiscalSign(), "OrderNumber", check.orderNumber(),
          "RegistratedOn", Wire.local(check.dateTime()), "OperationType", check.operationType(),
          "Total", check.total(), "IsOffline", check.offline(), "TicketUrl", check.ticketUrl(),
          "ExternalCheckNumber", check.externalCheckNumber()));
    }));
    return Wire.object("Total", items.size(), "Items", page(items, body));
  }

  private static List<Object> page(List<Object> all, Fields body) {
    int skip = body.optionalInt("Skip").orElse(0);
    int take = body.optionalInt("Take").orElse(Integer.MAX_VALUE);
    if (skip < 0 || take < 0) {
      throw ProviderError.invalid(skip < 0 ? "Skip" : "Take", "must not be negative");
    }
    return all.stream().skip(skip).limit(take).toList();
  }

  static Map<String, Object> cashboxes(Collection<Cashbox> boxes) {
    List<Object> list = new ArrayList<>();
    for (Cashbox box : boxes) {
      list.add(Wire.object(
          "UniqueNumber", box.register.uniqueNumber(),
          "RegistrationNumber", box.register.rnm(),
          "IdentificationNumber", box.register.identityNumber(),
          "Name", "Касса " + box.register.uniqueNumber(),
          "IsOffline", box.offlineSince.isPresent(),
          "CurrentStatus", box.blocked ? 2 : box.openShift().isPresent() ? 1 : 0,
          "Shift", box.lastShift().map(s -> s.number).orElse(0L)));
    }
    return Wire.object("List", list);
  }
}
