package kz.fiscal.testkit.internal.webkassa;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.fiscal.core.KzTime;
import kz.fiscal.testkit.WebkassaCheck;

/** How the fake writes its answers: envelopes, local date-times, the check's {@code Data}. Stateless. */
final class Wire {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
  private static final DateTimeFormatter URL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private Wire() {}

  static String data(Map<String, Object> data) {
    return JsonTree.write(Map.of("Data", data));
  }

  static String error(int code, String text) {
    return JsonTree.write(Map.of("Errors", List.of(object("Code", code, "Text", text))));
  }

  /** An insertion-ordered JSON object from name, value pairs (values may be null). */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  static String local(Instant instant) {
    return LOCAL.format(OffsetDateTime.ofInstant(instant, KzTime.OFFSET));
  }

  static String local(OffsetDateTime time) {
    return LOCAL.format(KzTime.of(time));
  }

  static String ticketUrl(String ofdHost, String sign, String rnm, BigDecimal total, OffsetDateTime at) {
    return "http://" + ofdHost + "?i=" + sign + "&f=" + rnm + "&s=" + total.setScale(2).toPlainString()
        + "&t=" + URL_TIME.format(KzTime.of(at));
  }

  /** The {@code Data} of a committed check, as {@code /check} answers it. */
  static Map<String, Object> checkData(Shift.Entry entry, Settings settings, String printBase) {
    WebkassaCheck check = entry.check();
    Settings.Register register = settings.cashboxes().stream()
        .filter(r -> r.uniqueNumber().equals(check.cashbox())).findFirst().orElseThrow();
    return object(
        "CheckNumber", check.fiscalSign(),
        "DateTime", local(check.dateTime()),
        "OfflineMode", check.offline(),
        "CashboxOfflineMode", entry.cashboxOffline(),
        "Cashbox", object(
            "UniqueNumber", register.uniqueNumber(),
            "RegistrationNumber", register.rnm(),
            "IdentityNumber", register.identityNumber(),
            "Address", settings.address(),
            "Ofd", object("Name", settings.ofd().name(), "Host", settings.ofd().host(),
                "Code", settings.ofd().code())),
        "CheckOrderNumber", check.orderNumber(),
        "ShiftNumber", check.shiftNumber(),
        "EmployeeName", settings.employeeName(),
        "TicketUrl", check.ticketUrl(),
        "TicketPrintUrl", printBase + "/Ticket?chb=" + check.cashbox() + "&sh=" + check.shiftNumber()
            + "&extnum=" + URLEncoder.encode(check.externalCheckNumber(), StandardCharsets.UTF_8));
  }
}
