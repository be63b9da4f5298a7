package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.payment;
import static kz.fiscal.testkit.WebkassaCalls.sale;
import static kz.fiscal.testkit.WebkassaCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every content rule of the provider answers code 9 naming the field, and commits nothing. */
class FakeWebkassaValidationTest {
  private static final String ITEM = item("1", "500.00", "68.97");
  private static final String VALID = sale("k", ITEM, cash("500.00"));
  private static final String MARKED = ",\"UnitCode\":796}";

  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        broken("OperationType: must be one of [0, 1, 2, 3], got 5", "\"OperationType\":2", "\"OperationType\":5"),
        broken("RoundType: must be one of [0, 2, 3], got 1", "\"RoundType\":0", "\"RoundType\":1"),
        broken("ExternalCheckNumber: is required", "\"ExternalCheckNumber\":\"k\"", "\"ExternalCheckNumber\":\"\""),
        broken("ExternalCheckNumber: at most 50 characters, got 51", "\"ExternalCheckNumber\":\"k\"",
            "\"ExternalCheckNumber\":\"" + "k".repeat(51) + "\""),
        broken("Positions: at least one position is required", ITEM, ""),
        broken("Positions[0].Count: must be greater than 0, got 0", "\"Count\":1", "\"Count\":0"),
        broken("Positions[0].Count: at most 3 decimals, got 1.0005", "\"Count\":1", "\"Count\":1.0005"),
        broken("Positions[0].Count: must be a JSON number", "\"Count\":1", "\"Count\":\"1\""),
        broken("Positions[0].Price: must be a JSON number", "\"Price\":500.00", "\"Price\":\"500.00\""),
        broken("Positions[0].Price: is required", "\"Price\":500.00,", ""),
        broken("Positions[0].Price: must not be negative, got -1", "\"Price\":500.00", "\"Price\":-1"),
        broken("Positions[0].Price: at most 2 decimals, got 500.001", "\"Price\":500.00", "\"Price\":500.001"),
        broken("Positions[0].PositionName: is required", "\"PositionName\":\"Товар\"", "\"PositionName\":\" \""),
        broken("Positions[0].PositionName: at most 255 characters, got 256", "\"PositionName\":\"Товар\"",
            "\"PositionName\":\"" + "я".repeat(256) + "\""),
        broken("Positions[0].PositionCode: at most 50 characters, got 51", MARKED,
            MARKED.replace("}", ",\"PositionCode\":\"" + "1".repeat(51) + "\"}")),
        broken("Positions[0].GTIN: at most 14 characters, got 15", MARKED,
            MARKED.replace("}", ",\"GTIN\":\"" + "4".repeat(15) + "\"}")),
        broken("Positions[0].GTIN: must be digits only", MARKED, MARKED.replace("}", ",\"GTIN\":\"46x\"}")),
        broken("Positions[0].Discount: exceeds the position's amount", MARKED, MARKED.replace("}", ",\"Discount\":600}")),
        broken("Positions[0].TaxType: must be one of [0, 100], got 50", "\"TaxType\":100", "\"TaxType\":50"),
        broken("Positions[0].TaxPercent: must be one of [0, 5, 10, 12, 16], got 15", "\"TaxPercent\":16",
            "\"TaxPercent\":15"),
        broken("Positions[0].Tax: expected 68.97, got 69.00", "\"Tax\":68.97", "\"Tax\":69.00"),
        broken("Positions[0].Tax: expected 68.97, got nothing", "\"Tax\":68.97,", ""),
        broken("Positions[0].TaxPercent: must be absent or 0 with TaxType 0", "\"TaxType\":100", "\"TaxType\":0"),
        broken("Positions[0].Tax: must be 0 with TaxType 0, got 68.97", "\"TaxType\":100,\"TaxPercent\":16",
            "\"TaxType\":0"),
        broken("Positions[0].MarkList: Mark and MarkList must not both be given", MARKED,
            MARKED.replace("}", ",\"Mark\":\"010460\",\"MarkList\":[\"010461\"]}")),
        broken("Positions[0].Count: must equal the number of marking codes 2, got 1", MARKED,
            MARKED.replace("}", ",\"MarkList\":[\"010460\",\"010461\"]}")),
        broken("TicketModifiers[0].Sum: must be greater than 0, got 0", "\"Payments\"",
            "\"TicketModifiers\":[{\"Sum\":0,\"Type\":1,\"TaxType\":0}],\"Payments\""),
        broken("TicketModifiers[0].Type: must be one of [1, 2], got 3", "\"Payments\"",
            "\"TicketModifiers\":[{\"Sum\":1,\"Type\":3,\"TaxType\":0}],\"Payments\""),
        broken("TicketModifiers[0].Text: at most 50 characters, got 51", "\"Payments\"",
            "\"TicketModifiers\":[{\"Sum\":1,\"Type\":2,\"TaxType\":0,\"Text\":\"" + "a".repeat(51) + "\"}],\"Payments\""),
        broken("TicketModifiers[0].TaxPercent: must be one of [0, 5, 10, 12, 16], got 15", "\"Payments\"",
            "\"TicketModifiers\":[{\"Sum\":1,\"Type\":2,\"TaxType\":100,\"TaxPercent\":15,\"Tax\":0.13}],\"Payments\""),
        broken("TicketModifiers: the total must not be negative, got -100.00", "\"Payments\"",
            "\"TicketModifiers\":[{\"Sum\":600,\"Type\":1,\"TaxType\":0}],\"Payments\""),
        broken("Payments: at least one payment is required", cash("500.00"), ""),
        broken("Payments[0].PaymentType: must be one of [0, 1, 4], got 2", cash("500.00"), payment(2, "500.00")),
        broken("Payments[0].PaymentType: must be one of [0, 1, 4], got 3", cash("500.00"), payment(3, "500.00")),
        broken("Payments[1].PaymentType: type 0 appears more than once", cash("500.00"),
            cash("250.00") + "," + cash("250.00")),
        broken("Payments[0].Sum: must be greater than 0, got 0", cash("500.00"), cash("0") + "," + payment(1, "500.00")),
        broken("Payments[0].Sum: must be a JSON number", cash("500.00"), cash("\"500.00\"")),
        broken("Payments: non-cash 600.00 exceeds the total 500.00", cash("500.00"), payment(1, "600.00")),
        broken("Payments: paid 400.00 is less than the total 500.00", cash("500.00"), cash("400.00")),
        broken("Change: expected 500.00, got 400", cash("500.00"), cash("1000.00") + "],\"Change\":400,\"X\":["),
        broken("CustomerEmail: at most 50 characters, got 51", "\"Payments\"",
            "\"CustomerEmail\":\"" + "a".repeat(40) + "@example.kz\",\"Payments\""),
        broken("CustomerPhone: at most 20 characters, got 21", "\"Payments\"",
            "\"CustomerPhone\":\"+7" + "7".repeat(19) + "\",\"Payments\""),
        broken("CustomerXin: not a valid IIN/BIN", "\"Payments\"", "\"CustomerXin\":\"987654321012\",\"Payments\""),
        broken("ReturnBasisDetails: is required for OperationType 3", "\"OperationType\":2", "\"OperationType\":3"));
  }

  private static Arguments broken(String text, String from, String to) {
    if (!VALID.contains(from)) {
      throw new IllegalArgumentException("not in the valid sale: " + from);
    }
    return Arguments.of(text, VALID.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aBrokenRuleIsCode9NamingTheFieldAndCommitsNothing(String expected, String fields) throws IOException {
    Map<String, Object> answer = calls.check(fields);

    assertEquals(9, code(answer), answer::toString);
    assertEquals(expected, text(answer));
    assertEquals(List.of(), fake.checks());
    assertFalse(fake.shiftOpen());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void theSameCheckCorrectedIsAccepted(String ignored, String fields) throws IOException {
    calls.check(fields);

    WebkassaCalls.data(calls.check(VALID));

    assertEquals(1, fake.checkCount("k"));
  }
}
