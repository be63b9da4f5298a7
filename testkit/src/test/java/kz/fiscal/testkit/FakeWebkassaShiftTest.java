package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.operation;
import static kz.fiscal.testkit.WebkassaCalls.payment;
import static kz.fiscal.testkit.WebkassaCalls.sale;
import static kz.fiscal.testkit.WebkassaCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shifts on the fake's clock, the lookup and history endpoints, X/Z reports and cash operations. */
class FakeWebkassaShiftTest {
  private static final String LOOKUP = "/api-history/v4/Ticket/GetTicketByExternalCheckNumber";
  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void aShiftOlderThan24HoursRefusesChecksWithCode11UntilAZReport() throws IOException {
    calls.sell("a", "100.00", "13.79");
    fake.advance(Duration.ofHours(24).plusSeconds(1));

    Map<String, Object> answer = calls.check(sale("b", item("1", "100.00", "13.79"), cash("100.00")));

    assertEquals(11, code(answer));
    assertEquals(0, fake.checkCount("b"));
    Map<String, Object> z = data(calls.call("/api/v4/ZReport", ""));
    assertEquals("03.03.2026 09:00:01", z.get("CloseOn"));
    assertFalse(fake.shiftOpen());
    Map<String, Object> next = calls.sell("b", "100.00", "13.79");
    assertEquals(List.of(new BigDecimal("2"), new BigDecimal("1")),
        List.of(next.get("ShiftNumber"), next.get("CheckOrderNumber")));
    assertEquals(2, fake.currentShiftNumber());
  }

  @Test
  void aShiftOfExactly24HoursStillTakesChecks() throws IOException {
    calls.sell("a", "100.00", "13.79");
    fake.advance(Duration.ofHours(24));

    calls.sell("b", "100.00", "13.79");

    assertEquals(1, fake.check("b").orElseThrow().shiftNumber());
  }

  @Test
  void aZReportWithoutAnOpenShiftIsCode13() throws IOException {
    assertEquals(13, code(calls.call("/api/v4/ZReport", "")));
  }

  @Test
  void anXReportWithoutAnOpenShiftShowsTheEmptyNextShift() throws IOException {
    Map<String, Object> x = data(calls.call("/api/v4/XReport", ""));

    assertEquals(Arrays.asList(new BigDecimal("1"), null, "02.03.2026 09:00:00", null, new BigDecimal("0")),
        Arrays.asList(x.get("ShiftNumber"), x.get("StartOn"), x.get("ReportOn"), x.get("CloseOn"), x.get("DocumentCount")));
  }

  @Test
  void theLookupSearchesOnlyTheShiftItIsGivenAndAnswersExactlyTheChecksData() throws IOException {
    Map<String, Object> sold = calls.sell("order-1", "500.00", "68.97");
    data(calls.call("/api/v4/ZReport", ""));

    Map<String, Object> found = data(calls.call(LOOKUP, "\"ExternalCheckNumber\":\"order-1\",\"ShiftNumber\":1"));
    Map<String, Object> elsewhere = calls.call(LOOKUP, "\"ExternalCheckNumber\":\"order-1\",\"ShiftNumber\":2");

    assertEquals(sold, found, "the spec promises /check's Data: no Total, OperationType or key");
    assertEquals(19, code(elsewhere));
    assertEquals("Чек с указанным внешним номером не найден", text(elsewhere));
  }

  @Test
  void shiftHistoryListsShiftsNewestFirst() throws IOException {
    calls.sell("a", "100.00", "13.79");
    fake.advance(Duration.ofHours(1));
    data(calls.call("/api/v4/ZReport", ""));
    fake.advance(Duration.ofHours(1));
    calls.sell("b", "100.00", "13.79");

    Map<String, Object> history = data(calls.call("/api/v4/Cashbox/ShiftHistory", "\"Skip\":0,\"Take\":10"));

    assertEquals(new BigDecimal("2"), history.get("Total"));
    assertEquals(List.of(
        shift(2, "02.03.2026 11:00:00", null),
        shift(1, "02.03.2026 09:00:00", "02.03.2026 10:00:00")), history.get("Shifts"));
    assertEquals(List.of(shift(1, "02.03.2026 09:00:00", "02.03.2026 10:00:00")),
        data(calls.call("/api/v4/Cashbox/ShiftHistory", "\"Skip\":1,\"Take\":1")).get("Shifts"));
  }

  private static Map<String, Object> shift(long number, String open, String close) {
    Map<String, Object> shift = new HashMap<>();
    shift.put("ShiftNumber", new BigDecimal(number));
    shift.put("OpenDate", open);
    shift.put("CloseDate", close);
    return shift;
  }

  @Test
  void checkHistoryListsTheShiftsChecksInOrder() throws IOException {
    Map<String, Object> a = calls.sell("a", "100.00", "13.79");
    calls.sell("b", "200.00", "27.59");

    Map<String, Object> history = data(calls.call("/api/v4/Check/History", "\"ShiftNumber\":1,\"Skip\":0,\"Take\":1"));

    assertEquals(new BigDecimal("2"), history.get("Total"));
    assertEquals(List.of(Map.of("Number", a.get("CheckNumber"), "OrderNumber", new BigDecimal("1"),
        "RegistratedOn", "02.03.2026 09:00:00", "OperationType", new BigDecimal("2"), "Total", new BigDecimal("100.00"),
        "IsOffline", false, "TicketUrl", a.get("TicketUrl"), "ExternalCheckNumber", "a")), history.get("Items"));
  }

  @Test
  void reportsSumEachOperationAndTheCashInTheDrawer() throws IOException {
    data(calls.call("/api/v4/MoneyOperation", "\"OperationType\":0,\"Sum\":1000.00,\"ExternalCheckNumber\":\"in-1\""));
    String sign = (String) calls.sell("a", "500.00", "68.97").get("CheckNumber");
    data(calls.check(sale("b", item("1", "300.00", "41.38"), payment(1, "300.00"))));
    data(calls.check(operation(3, "r", item("1", "100.00", "13.79"), cash("100.00")) + ",\"ReturnBasisDetails\":"
        + "{\"CheckNumber\":\"" + sign + "\",\"DateTime\":\"2026-03-02T09:00:00+05:00\",\"RegistrationNumber\":\""
        + fake.rnm() + "\",\"Total\":500.00,\"IsOffline\":false}"));
    data(calls.call("/api/v4/MoneyOperation", "\"OperationType\":1,\"Sum\":200.00,\"ExternalCheckNumber\":\"out-1\""));

    Map<String, Object> x = data(calls.call("/api/v4/XReport", ""));
    Map<String, Object> z = data(calls.call("/api/v4/ZReport", ""));

    assertEquals(block(2, "110.35", List.of(payment(0, "500.00"), payment(1, "300.00"))), x.get("Sell"));
    assertEquals(block(1, "13.79", List.of(payment(0, "100.00"))), x.get("ReturnSell"));
    assertEquals(block(0, "0.00", List.of()), x.get("Buy"));
    assertEquals(new BigDecimal("1200.00"), x.get("SumInCashbox"));
    assertEquals(new BigDecimal("3"), x.get("DocumentCount"));
    assertEquals(x.get("Sell"), z.get("Sell"));
    assertEquals(new BigDecimal("1200.00"), z.get("SumInCashbox"));
    assertFalse(fake.shiftOpen());
  }

  private static Map<String, Object> block(int count, String vat, List<String> payments) {
    return Map.of("Count", new BigDecimal(count), "Discount", new BigDecimal("0.00"), "Markup", new BigDecimal("0.00"),
        "Vat", new BigDecimal(vat), "PaymentsByTypesApiModel", payments.stream()
            .map(p -> new WebkassaRequest("", "", p.replace("PaymentType", "Type")).json()).toList());
  }

  @Test
  void cashOutAboveTheDrawerIsCode9AndADuplicateKeyCode14() throws IOException {
    Map<String, Object> in = data(calls.call("/api/v4/MoneyOperation",
        "\"OperationType\":0,\"Sum\":100.00,\"ExternalCheckNumber\":\"in-1\""));

    Map<String, Object> out = calls.call("/api/v4/MoneyOperation",
        "\"OperationType\":1,\"Sum\":100.01,\"ExternalCheckNumber\":\"out-1\"");
    Map<String, Object> again = calls.call("/api/v4/MoneyOperation",
        "\"OperationType\":0,\"Sum\":100.00,\"ExternalCheckNumber\":\"in-1\"");

    assertEquals(Map.of("Sum", new BigDecimal("100.00"), "DateTime", "02.03.2026 09:00:00", "ShiftNumber",
        new BigDecimal("1")), in);
    assertEquals("Sum: cash out 100.01 exceeds the cash in the drawer 100.00", text(out));
    assertEquals(14, code(again));
  }

  @Test
  void cashboxesListsTheRegisterAndItsShift() throws IOException {
    calls.sell("a", "100.00", "13.79");

    Map<String, Object> list = data(calls.post("/api/v4/Cashboxes", "{\"Token\":\"" + calls.token + "\"}"));

    assertEquals(List.of(Map.of("UniqueNumber", "SWK00033717", "RegistrationNumber", "620300145316",
        "IdentificationNumber", "WK0000123456", "Name", "Касса SWK00033717", "IsOffline", false,
        "CurrentStatus", new BigDecimal("1"), "Shift", new BigDecimal("1"))), list.get("List"));
  }
}
