package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.payment;
import static kz.fiscal.testkit.WebkassaCalls.sale;
import static kz.fiscal.testkit.WebkassaCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeWebkassaCheckTest {
  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void aSaleIsCommittedAndAnsweredWithTheProvidersFields() throws IOException {
    Map<String, Object> data = calls.sell("order-1", "500.00", "68.97");

    WebkassaCheck check = fake.check("order-1").orElseThrow();
    String sign = check.fiscalSign();
    assertTrue(sign.matches("[0-9]{10,12}"), sign);
    String ticketUrl = "http://consumer.oofd.kz?i=" + sign + "&f=620300145316&s=500.00&t=20260302T090000";
    assertEquals(Map.ofEntries(
        Map.entry("CheckNumber", sign),
        Map.entry("DateTime", "02.03.2026 09:00:00"),
        Map.entry("OfflineMode", false),
        Map.entry("CashboxOfflineMode", false),
        Map.entry("Cashbox", Map.of("UniqueNumber", "SWK00033717", "RegistrationNumber", "620300145316",
            "IdentityNumber", "WK0000123456", "Address", "г. Алматы, пр. Абая, 1",
            "Ofd", Map.of("Name", "АО «Казахтелеком»", "Host", "consumer.oofd.kz", "Code", new BigDecimal("1")))),
        Map.entry("CheckOrderNumber", new BigDecimal("1")),
        Map.entry("ShiftNumber", new BigDecimal("1")),
        Map.entry("EmployeeName", "Кассир Тестовый"),
        Map.entry("TicketUrl", ticketUrl),
        Map.entry("TicketPrintUrl", fake.baseUrl() + "/Ticket?chb=SWK00033717&sh=1&extnum=order-1")), data);
    assertEquals(new WebkassaCheck("SWK00033717", "order-1", sign, 1, 1, 2, new BigDecimal("500.00"), false,
        OffsetDateTime.parse("2026-03-02T09:00:00+05:00"), ticketUrl, fake.requests(WebkassaCalls.CHECK).get(0)),
        check);
    assertEquals(1, fake.checkCount("order-1"));
    assertTrue(fake.shiftOpen());
  }

  @Test
  void checksInAShiftAreNumberedFromOneWithDistinctFiscalSigns() throws IOException {
    Map<String, Object> first = calls.sell("a", "100.00", "13.79");
    Map<String, Object> second = calls.sell("b", "100.00", "13.79");

    assertEquals(new BigDecimal("2"), second.get("CheckOrderNumber"));
    assertTrue(!first.get("CheckNumber").equals(second.get("CheckNumber")));
  }

  @Test
  void aDuplicateExternalCheckNumberIsCode14WithoutTheCheckData() throws IOException {
    calls.sell("order-1", "500.00", "68.97");

    Map<String, Object> answer = calls.check(sale("order-1", item("1", "500.00", "68.97"), cash("500.00")));

    assertEquals(14, code(answer));
    assertEquals("Дубликат кода внешней системы", text(answer));
    assertEquals(List.of("Errors"), List.copyOf(answer.keySet()));
    assertEquals(1, fake.checkCount("order-1"));
  }

  @ParameterizedTest(name = "RoundType {0}: {1} x {2} costs {3} with VAT {4}")
  @CsvSource({
      "0, 3, 33.33, 99.99, 13.79",
      "2, 3, 33.33, 100.00, 13.79",
      "3, 3, 33.33, 100.00, 13.79",
      "0, 1.5, 100.35, 150.53, 20.76",
      "2, 1.5, 100.35, 151.00, 20.83",
  })
  void vatIsCheckedOnTheSumTheRoundTypeGives(int roundType, String count, String price, String total, String vat)
      throws IOException {
    String fields = sale("k", item(count, price, vat), cash(total)).replace("\"RoundType\":0", "\"RoundType\":" + roundType);

    calls.check(fields);

    assertEquals(new BigDecimal(total), fake.check("k").orElseThrow().total());
  }

  @Test
  void roundType2TakesTheUnroundedProductLessTheDiscountInWholeTenge() throws IOException {
    // round0(100.30 - round0(0.50)) = 99.00, VAT 99.00 * 16 / 116 = 13.66 (not 100.00 and 13.79)
    String position = item("1", "100.30", "13.66").replace("}", ",\"Discount\":0.50}");
    String fields = sale("k", position, cash("99.00")).replace("\"RoundType\":0", "\"RoundType\":2");

    data(calls.check(fields));

    assertEquals(new BigDecimal("99.00"), fake.check("k").orElseThrow().total());
  }

  @Test
  void roundType2CountsEachModifierInWholeTengeAndDoesNotCheckItsTax() throws IOException {
    // 100.00 + round0(41.28) - round0(10.50) = 130.00; the modifiers' Tax is not the provider's business
    String fields = sale("k", item("1", "100.00", "13.79"), cash("130.00")).replace("\"RoundType\":0", "\"RoundType\":2")
        + ",\"TicketModifiers\":[{\"Sum\":41.28,\"Type\":2,\"TaxType\":100,\"TaxPercent\":16,\"Tax\":1.00},"
        + "{\"Sum\":10.50,\"Type\":1,\"TaxType\":100,\"TaxPercent\":16,\"Tax\":1.45}]";

    data(calls.check(fields));

    assertEquals(new BigDecimal("130.00"), fake.check("k").orElseThrow().total());
  }

  @Test
  void anAbsentRoundTypeRoundsEveryItemToWholeTenge() throws IOException {
    String fields = sale("k", item("1", "100.40", "13.79"), cash("100.00")).replace("\"RoundType\":0,", "");

    data(calls.check(fields));

    assertEquals(new BigDecimal("100.00"), fake.check("k").orElseThrow().total());
  }

  @Test
  void cardAndCashTogetherGiveChangeFromCashOnly() throws IOException {
    String fields = sale("k", item("1", "500.00", "68.97"), payment(1, "300.00") + "," + cash("500.00"))
        + ",\"Change\":300.00";

    data(calls.check(fields));

    assertEquals(1, fake.checkCount("k"));
  }

  @Test
  void mobilePaymentAloneCoversTheTotal() throws IOException {
    data(calls.check(sale("k", item("2", "250.00", "68.97"), payment(4, "500.00"))));

    assertEquals(new BigDecimal("500.00"), fake.check("k").orElseThrow().total());
  }

  @Test
  void modifiersChangeTheTotal() throws IOException {
    String fields = sale("k", item("1", "1000.00", "137.93"), cash("960.00"))
        + ",\"TicketModifiers\":[{\"Sum\":50.00,\"Text\":\"Скидка\",\"Type\":1,\"TaxType\":100,\"TaxPercent\":16,\"Tax\":6.90},"
        + "{\"Sum\":10.00,\"Type\":2,\"TaxType\":0}]";

    data(calls.check(fields));

    assertEquals(new BigDecimal("960.00"), fake.check("k").orElseThrow().total());
  }

  @Test
  void amountsAreWrittenAsPlainDecimals() throws IOException {
    calls.sell("k", "500.00", "68.97");

    WebkassaCalls.Answer answer = calls.send("/api/v4/Check/History", fake.apiKey(),
        calls.body("\"ShiftNumber\":1,\"Skip\":0,\"Take\":50"));

    assertTrue(answer.body().contains("\"Total\":500.00,"), answer.body());
  }
}
