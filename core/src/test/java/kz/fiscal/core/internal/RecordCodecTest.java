package kz.fiscal.core.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Operation;
import kz.fiscal.core.Payment;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Rounding;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal format: pinned by golden texts, exact on every field the model holds, strict on
 * everything else; random receipts and results round-trip, random damage is refused.
 */
class RecordCodecTest {
  private static final Xin SELLER_BIN = Xin.parse("150740001357");
  private static final Xin BUYER_BIN = Xin.parse("181040037076");
  private static final Xin PRINCIPAL_BIN = Xin.parse("131240010479");
  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", SELLER_BIN, "Алматы, пр. Абая, 1");
  private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-03-01T09:30+05:00");
  private static final Ofd KAZAKHTELECOM = new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz");

  private static final String SMALL_RECEIPT = "{\"v\":1,\"operation\":\"SALE\","
      + "\"seller\":{\"name\":\"ТОО «Ромашка»\",\"xin\":\"150740001357\",\"address\":\"Алматы, пр. Абая, 1\","
      + "\"vatPayer\":true,\"taxRegime\":\"GENERAL\"},"
      + "\"operationTime\":\"2026-03-01T09:30:00+05:00\","
      + "\"items\":[{\"name\":\"Хлеб\",\"nktCode\":\"1905901000\",\"quantity\":\"2.000\","
      + "\"unit\":{\"code\":796,\"name\":\"шт\"},\"unitPrice\":\"250.00\",\"discount\":\"0.00\",\"markup\":\"0.00\","
      + "\"vat\":\"SIXTEEN\",\"section\":0,\"markingCodes\":[]}],"
      + "\"modifiers\":[],\"payments\":[{\"type\":\"CASH\",\"amount\":\"500.00\"}],\"customer\":{},\"rounding\":\"NONE\"}";

  private static final String SMALL_RESULT = "{\"v\":1,\"fiscalSign\":\"3004567891\",\"checkNumber\":17,"
      + "\"shiftNumber\":42,\"rnm\":\"010101234567\",\"dateTime\":\"2026-03-01T09:30:12+05:00\",\"total\":\"500.00\","
      + "\"offline\":false,\"ofd\":{\"name\":\"АО «Казахтелеком»\",\"code\":1,\"verificationHost\":\"consumer.oofd.kz\"}}";

  private static Receipt smallReceipt() {
    return Receipt.sale(SELLER).operationTime(TIME)
        .item(Item.builder("Хлеб").nktCode("1905901000").quantity("2").unitPrice("250.00").vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CASH, "500.00")
        .build();
  }

  private static FiscalResult smallResult() {
    return FiscalResult.builder().fiscalSign("3004567891").checkNumber(17).shiftNumber(42).rnm("010101234567")
        .dateTime(OffsetDateTime.parse("2026-03-01T09:30:12+05:00")).total(Tenge.of("500")).ofd(KAZAKHTELECOM).build();
  }

  /** A receipt using every field the model has. */
  private static Receipt fullReceipt() {
    Seller seller = Seller.vatPayer("ТОО \"Ромашка\"", SELLER_BIN, "Астана, ул. Кенесары, 4\nофис 12",
        new VatCertificate("60001", "№ 0012345"));
    return Receipt.builder(Operation.SALE_RETURN, seller)
        .operationTime(OffsetDateTime.parse("2026-03-02T18:45:07.123-03:30"))
        .item(Item.builder("Сигареты «Ё»").nktCode("2402201000").ntin("0200000000017").gtin("04870001234567")
            .quantity("2").unit(Unit.PACKAGE).unitPrice("1250.50").discount(Tenge.of("10.01")).markup(Tenge.of("0.99"))
            .vat(VatRate.SIXTEEN).section(3).markingCode("010487000123456721abc\u001d91EE06")
            .markingCode("010487000123456721abd\u001d91EE06").build())
        .item(Item.builder("Доставка").quantity("1.5").unit(Unit.of(9999, "рейс «Қ»")).unitPrice("0.01")
            .vat(VatRate.NO_VAT).principal(new Principal("ИП Ақжол\\Ғалым", PRINCIPAL_BIN)).build())
        .item(Item.builder("Газета").quantity("0.001").unit(Unit.KILOGRAM).unitPrice("99999999999.99")
            .vat(VatRate.TEN).build())
        .discount(Tenge.of("5.00"), "Скидка\t5%")
        .markup(Tenge.of("1.00"), "")
        .payment(PaymentType.CASH, "1000.00")
        .payment(PaymentType.CARD, "2000.00")
        .payment(PaymentType.MOBILE, "0.00")
        .customer(Customer.email("a@b.kz").withPhone("+77011234567").withXin(BUYER_BIN))
        .returnBasis(new ReturnBasis("3004567891", OffsetDateTime.parse("2026-02-27T18:05:10Z"), "010101234567",
            Tenge.of("1090.75"), true))
        .rounding(Rounding.EVERY_ITEM)
        .build();
  }

  private static Receipt roundTrip(Receipt receipt) {
    String json = RecordCodec.writeReceipt(receipt);
    Receipt read = RecordCodec.readReceipt(json);
    assertEquals(receipt, read, json);
    assertEquals(json, RecordCodec.writeReceipt(read), "the text is stable");
    assertEquals(json, new String(json.getBytes(UTF_8), UTF_8), "the text survives a UTF-8 column");
    return read;
  }

  private static FiscalResult roundTrip(FiscalResult result) {
    String json = RecordCodec.writeResult(result);
    FiscalResult read = RecordCodec.readResult(json);
    assertEquals(result, read, json);
    assertEquals(json, RecordCodec.writeResult(read), "the text is stable");
    return read;
  }

  // ---------------------------------------------------------------------------------------------
  // The format

  @Test
  void smallReceiptIsWrittenExactlyInFormatVersion1() {
    assertEquals(SMALL_RECEIPT, RecordCodec.writeReceipt(smallReceipt()));
    assertEquals(smallReceipt(), RecordCodec.readReceipt(SMALL_RECEIPT));
  }

  @Test
  void smallResultIsWrittenExactlyInFormatVersion1() {
    assertEquals(SMALL_RESULT, RecordCodec.writeResult(smallResult()));
    assertEquals(smallResult(), RecordCodec.readResult(SMALL_RESULT));
  }

  @Test
  void fullReceiptNamesEveryFieldAndEscapesOnlyWhatJsonRequires() {
    String json = RecordCodec.writeReceipt(fullReceipt());
    for (String fragment : List.of("\"operation\":\"SALE_RETURN\"", "\"name\":\"ТОО \\\"Ромашка\\\"\"",
        "\"address\":\"Астана, ул. Кенесары, 4\\nофис 12\"", "\"vatCertificate\":{\"series\":\"60001\",\"number\":\"№ 0012345\"}",
        "\"operationTime\":\"2026-03-02T18:45:07.123-03:30\"", "\"ntin\":\"0200000000017\"", "\"gtin\":\"04870001234567\"",
        "\"unit\":{\"code\":778,\"name\":\"упак\"}", "\"unitPrice\":\"1250.50\"", "\"discount\":\"10.01\"", "\"markup\":\"0.99\"",
        "\"section\":3", "\"markingCodes\":[\"010487000123456721abc\\u001d91EE06\",\"010487000123456721abd\\u001d91EE06\"]",
        "\"quantity\":\"1.500\"", "\"unit\":{\"code\":9999,\"name\":\"рейс «Қ»\"}",
        "\"principal\":{\"name\":\"ИП Ақжол\\\\Ғалым\",\"xin\":\"131240010479\"}", "\"unitPrice\":\"99999999999.99\"",
        "\"modifiers\":[{\"kind\":\"DISCOUNT\",\"amount\":\"5.00\",\"text\":\"Скидка\\t5%\"},{\"kind\":\"MARKUP\",\"amount\":\"1.00\",\"text\":\"\"}]",
        "{\"type\":\"MOBILE\",\"amount\":\"0.00\"}",
        "\"customer\":{\"email\":\"a@b.kz\",\"phone\":\"+77011234567\",\"xin\":\"181040037076\"}",
        "\"returnBasis\":{\"fiscalSign\":\"3004567891\",\"dateTime\":\"2026-02-27T18:05:10Z\",\"rnm\":\"010101234567\","
            + "\"total\":\"1090.75\",\"offline\":true}", "\"rounding\":\"EVERY_ITEM\"}")) {
      assertTrue(json.contains(fragment), () -> fragment + " not in " + json);
    }
    assertTrue(json.startsWith("{\"v\":1,"), json);
  }

  // ---------------------------------------------------------------------------------------------
  // Round trips

  @Test
  void receiptUsingEveryFieldRoundTrips() {
    Receipt read = roundTrip(fullReceipt());
    assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), read.operationTime().orElseThrow().getOffset());
    assertEquals(ZoneOffset.UTC, read.returnBasis().orElseThrow().dateTime().getOffset());
    assertEquals(new BigDecimal("1.500"), read.items().get(1).quantity().value());
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyOperationRoundTrips(Operation operation) {
    Receipt.Builder builder = Receipt.builder(operation, SELLER).item("Хлеб", "1", "100.00", VatRate.TWELVE);
    if (operation.isReturn()) {
      builder.returnBasis(new ReturnBasis("1", TIME, "010101234567", Tenge.of("100.00"), false));
    }
    assertEquals(operation, roundTrip(builder.build()).operation());
  }

  @ParameterizedTest
  @EnumSource(Rounding.class)
  void everyRoundingRoundTrips(Rounding rounding) {
    assertEquals(rounding, roundTrip(fullReceipt().newBuilder().rounding(rounding).build()).rounding());
  }

  @ParameterizedTest
  @EnumSource(TaxRegime.class)
  void everyTaxRegimeRoundTripsForPayersAndNonPayers(TaxRegime regime) {
    for (Seller seller : List.of(
        Seller.nonVatPayer("ИП Иванов", SELLER_BIN, "Шымкент", regime),
        new Seller("ТОО", SELLER_BIN, "Караганда", true, Optional.empty(), regime),
        new Seller("ТОО", SELLER_BIN, "Караганда", true, Optional.of(new VatCertificate("", "")), regime))) {
      assertEquals(seller, roundTrip(Receipt.sale(seller).item("Хлеб", "1", "100.00", VatRate.NO_VAT).build()).seller());
    }
  }

  @Test
  void everyPaymentTypeAndEveryStandardUnitRoundTrips() {
    Receipt.Builder builder = Receipt.sale(SELLER);
    for (Unit unit : List.of(Unit.PIECE, Unit.KILOGRAM, Unit.LITRE, Unit.METRE, Unit.SQUARE_METRE, Unit.CUBIC_METRE,
        Unit.SERVICE, Unit.HOUR, Unit.PACKAGE, Unit.of(1, "x"), Unit.of(Integer.MAX_VALUE, " \" "))) {
      builder.item(Item.builder("Товар").unit(unit).quantity("1.001").unitPrice("1.00").build());
    }
    for (PaymentType type : PaymentType.values()) {
      builder.payment(type, "1.00");
    }
    for (VatRate rate : VatRate.values()) {
      builder.item(Item.builder("Товар").vat(rate).build());
    }
    roundTrip(builder.build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01T09:30+05:00", "2026-03-01T04:30Z", "2026-02-28T23:30-05:00",
      "2026-03-01T10:15+05:45", "2026-03-01T18:30:59.123456789+14:00", "2026-03-01T00:00:00.5-18:00",
      "2026-03-01T09:30:15+05:30:15", "1970-01-01T00:00Z", "9999-12-31T23:59:59.999999999-18:00",
      "2026-03-01T09:30+18:00"})
  void operationAndReturnTimesKeepTheirOffset(String text) {
    OffsetDateTime time = OffsetDateTime.parse(text);
    Receipt receipt = smallReceipt().newBuilder().operationTime(time)
        .returnBasis(new ReturnBasis("1", time, "1", Tenge.ZERO, false)).build();
    Receipt read = roundTrip(receipt);
    assertEquals(time.getOffset(), read.operationTime().orElseThrow().getOffset());
    assertEquals(time.getOffset(), read.returnBasis().orElseThrow().dateTime().getOffset());
  }

  @Test
  void absentOperationTimeIsOmittedAndReadBackAbsent() {
    Receipt receipt = Receipt.sale(SELLER).item("Хлеб", "1", "100.00", VatRate.TWELVE).build();
    String json = RecordCodec.writeReceipt(receipt);
    assertFalse(json.contains("operationTime"), json);
    assertFalse(json.contains("returnBasis"), json);
    assertEquals(Optional.empty(), roundTrip(receipt).operationTime());
  }

  @Test
  void nullOptionalMembersAreReadAsAbsent() {
    String json = SMALL_RECEIPT.replace("\"operationTime\":\"2026-03-01T09:30:00+05:00\"", "\"operationTime\":null")
        .replace("\"nktCode\":\"1905901000\"", "\"nktCode\":null,\"ntin\":null,\"gtin\":null,\"principal\":null")
        .replace("\"customer\":{}", "\"customer\":{\"email\":null,\"phone\":null,\"xin\":null},\"returnBasis\":null")
        .replace("\"taxRegime\"", "\"vatCertificate\":null,\"taxRegime\"");
    Receipt read = RecordCodec.readReceipt(json);
    assertEquals(Optional.empty(), read.operationTime());
    assertEquals(Optional.empty(), read.items().get(0).nktCode());
    assertEquals(Customer.ANONYMOUS, read.customer());
  }

  @Test
  void readingIgnoresWhitespaceMemberOrderAndOptionalEscapes() {
    String json = " {\n  \"rounding\" : \"NONE\", \"customer\":{}, \"payments\":[{\"amount\":\"500.00\",\"type\":\"CASH\"}],"
        + "\"modifiers\":[ ],\"items\":[{\"markingCodes\":[],\"section\":0,\"vat\":\"SIXTEEN\",\"markup\":\"0.00\","
        + "\"discount\":\"0.00\",\"unitPrice\":\"250.00\",\"unit\":{\"name\":\"\\u0448\\u0442\",\"code\":796},"
        + "\"quantity\":\"2\",\"nktCode\":\"1905901000\",\"name\":\"\\u0425\\u043b\\u0435\\u0431\"}],"
        + "\"operationTime\":\"2026-03-01T09:30+05:00\",\"seller\":{\"taxRegime\":\"GENERAL\",\"vatPayer\":true,"
        + "\"address\":\"Алматы, пр. Абая, 1\",\"xin\":\"150740001357\",\"name\":\"ТОО «Ромашка»\"},"
        + "\"operation\":\"SALE\",\"v\":1}\r\n";
    assertEquals(smallReceipt(), RecordCodec.readReceipt(json));
  }

  @ParameterizedTest
  @MethodSource("awkwardTexts")
  void awkwardTextRoundTripsInEveryTextField(String text) {
    Seller seller = Seller.vatPayer(text, SELLER_BIN, text, new VatCertificate(text, text));
    Receipt receipt = Receipt.sale(seller)
        .item(Item.builder(text).nktCode(text).ntin(text).gtin(text).unit(Unit.of(1, "u" + text))
            .markingCode(text).markingCode(text + text).principal(new Principal(text, PRINCIPAL_BIN)).build())
        .discount(Tenge.ZERO, text)
        .customer(Customer.email(text).withPhone(text))
        .returnBasis(new ReturnBasis(text, TIME, text, Tenge.ZERO, false))
        .build();
    String json = RecordCodec.writeReceipt(receipt);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      assertTrue(c >= 0x20, () -> "raw control character in " + json);
      if (Character.isSurrogate(c)) {
        assertTrue(Character.isHighSurrogate(c) ? Character.isLowSurrogate(json.charAt(i + 1))
            : Character.isHighSurrogate(json.charAt(i - 1)), () -> "raw lone surrogate in " + json);
      }
    }
    roundTrip(receipt);
    roundTrip(FiscalResult.builder().fiscalSign("1").rnm(text)
        .registerSerial(text).dateTime(TIME).total(Tenge.ZERO).ofd(new Ofd(text, 0, text)).verificationUrl(text)
        .providerReference(text).build());
  }

  static Stream<String> awkwardTexts() {
    return Stream.of("", " ", "\"quoted\"", "back\\slash", "\\u0041 is not an escape here", "line\nbreak\r\n",
        "tab\there", "\u0000\u0001\u001f\u007f\u0080\u009f", "«ёҚқҒ» Әә Үү Ұұ Һһ Іі Өө Ңң", "😀🇰🇿👨‍👩‍👧", "\uD800",
        "\uDC00x", "x\uD83D", "\uDE00\uD83D", "😀\uD83D", "\u2028\u2029", "</script>", "\uFEFF", "\uFFFF\uFFFE",
        "{\"v\":1}", "/", "x".repeat(10_000));
  }

  @Test
  void resultsRoundTripWithAndWithoutEveryOptional() {
    FiscalResult full = FiscalResult.builder().fiscalSign("000123").checkNumber(Long.MAX_VALUE)
        .shiftNumber(0).rnm("010101234567").registerSerial("SWK00012345")
        .dateTime(OffsetDateTime.parse("2026-03-01T04:30:12.5Z")).total(Tenge.of("123456789012345678901.99"))
        .offline(true).ofd(new Ofd("ТОО «Транстелеком»", 0, "ofd1.kz"))
        .verificationUrl("https://consumer.oofd.kz?i=3004567891&f=010101234567&s=500.00&t=20260301T093012")
        .providerReference("a1b2-c3").build();
    assertEquals(KzTime.OFFSET, roundTrip(full).dateTime().getOffset());
    FiscalResult bare = FiscalResult.builder().rnm("").dateTime(TIME).total(Tenge.ZERO).ofd(KAZAKHTELECOM).build();
    assertTrue(roundTrip(bare).needsAttention());
    String json = RecordCodec.writeResult(bare);
    for (String absent : List.of("fiscalSign", "registerSerial", "verificationUrl", "providerReference")) {
      assertFalse(json.contains(absent), json);
    }
  }

  @Test
  void amountsRoundTripAtTheirScaleWhateverTheirSize() {
    BigInteger huge = BigInteger.TEN.pow(9_990).subtract(BigInteger.ONE);
    Receipt receipt = Receipt.sale(SELLER)
        .item(Item.builder("A").quantity(Quantity.of(new BigDecimal(huge, 3))).unitPrice(Tenge.of(new BigDecimal(huge, 2)))
            .build())
        .item(Item.builder("B").quantity(Quantity.of(new BigDecimal("1E+90"))).unitPrice(Tenge.of(new BigDecimal("1E+90")))
            .build())
        .payment(PaymentType.CARD, Tenge.ofTiyn(Long.MAX_VALUE))
        .build();
    roundTrip(receipt);
  }

  @Test
  void amountsTooLongToReadBackAreRefusedWhenWritten() {
    Receipt receipt = Receipt.sale(SELLER).item(Item.builder("A").unitPrice(Tenge.of(new BigDecimal(BigInteger.TEN
        .pow(JsonObject.MAX_DECIMAL)))).build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.writeReceipt(receipt));
    assertEquals("unitPrice has 10004 characters, more than the 10000 read back", e.getMessage());
  }

  @Test
  void textsTooLongToReadBackAreRefusedWhenWritten() {
    Receipt receipt = Receipt.sale(SELLER).item(Item.builder("x".repeat(JsonParser.MAX_LENGTH)).build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.writeReceipt(receipt));
    assertEquals("Receipt JSON would have 4194687 characters, more than the 4194304 read back", e.getMessage());
    Receipt justFits = Receipt.sale(SELLER).item(Item.builder("x".repeat(JsonParser.MAX_LENGTH - 1_000)).build()).build();
    roundTrip(justFits);
  }

  // ---------------------------------------------------------------------------------------------
  // Refusals

  @Test
  void everyTruncationIsRefused() {
    for (String json : List.of(RecordCodec.writeReceipt(fullReceipt()), SMALL_RECEIPT)) {
      for (int length = 0; length < json.length(); length++) {
        String truncated = json.substring(0, length);
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(truncated), truncated);
      }
    }
    for (int length = 0; length < SMALL_RESULT.length(); length++) {
      String truncated = SMALL_RESULT.substring(0, length);
      assertThrows(IllegalArgumentException.class, () -> RecordCodec.readResult(truncated), truncated);
    }
  }

  @Test
  void malformedJsonIsRefusedNamingThePosition() {
    String json = SMALL_RECEIPT.replace("\"modifiers\":[]", "\"modifiers\":[,]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(json));
    assertEquals("Malformed JSON at position " + json.indexOf(",]") + ": unexpected ',', expected a value", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"v\":1,`|``|receipt.v: missing",
      "`\"v\":1`|`\"v\":2`|receipt.v: unsupported format version 2, this SDK reads version 1",
      "`\"v\":1`|`\"v\":0`|receipt.v: unsupported format version 0, this SDK reads version 1",
      "`\"v\":1`|`\"v\":\"1\"`|receipt.v: expected an integer, was a string",
      "`\"v\":1`|`\"v\":1.0`|receipt.v: expected an integer, was 1.0",
      "`\"SALE\"`|`\"SOLD\"`|receipt.operation: unknown Operation 'SOLD', expected one of [PURCHASE, PURCHASE_RETURN, SALE, SALE_RETURN]",
      "`\"SALE\"`|`\"sale\"`|receipt.operation: unknown Operation 'sale'",
      "`\"SALE\"`|`2`|receipt.operation: expected a string, was a number",
      "`\"GENERAL\"`|`\"COMMON\"`|receipt.seller.taxRegime: unknown TaxRegime 'COMMON'",
      "`\"150740001357\"`|`\"150740001358\"`|receipt.seller.xin: IIN/BIN check digit must be 7, is 8",
      "`\"150740001357\"`|`150740001357`|receipt.seller.xin: expected a string, was a number",
      "`\"vatPayer\":true`|`\"vatPayer\":\"true\"`|receipt.seller.vatPayer: expected true or false, was a string",
      "`\"vatPayer\":true`|`\"vatPayer\":false,\"vatCertificate\":{\"series\":\"1\",\"number\":\"2\"}`|receipt.seller: A seller who is not a VAT payer has no VAT certificate",
      "`\"taxRegime\"`|`\"vatCertificate\":{\"series\":\"1\"},\"taxRegime\"`|receipt.seller.vatCertificate.number: missing",
      "`\"vatPayer\":true,`|`\"vatPayer\":true,\"nickname\":\"Ромашка\",`|receipt.seller.nickname: unknown member",
      "`\"2026-03-01T09:30:00+05:00\"`|`\"2026-03-01T09:30:00\"`|receipt.operationTime: Text '2026-03-01T09:30:00' could not be parsed at index 19",
      "`\"2026-03-01T09:30:00+05:00\"`|`\"2026-02-30T09:30:00+05:00\"`|receipt.operationTime: Text '2026-02-30T09:30:00+05:00' could not be parsed: Invalid date 'FEBRUARY 30'",
      "`\"2026-03-01T09:30:00+05:00\"`|`\"1969-12-31T23:59:59Z\"`|receipt: operationTime must be between the years 1970 and 9999, was 1969-12-31T23:59:59Z",
      "`\"2026-03-01T09:30:00+05:00\"`|`\"2026-03-01 09:30:00+05:00\"`|receipt.operationTime: Text '2026-03-01 09:30:00+05:00' could not be parsed at index 10",
      "`\"items\":[{`|`\"items\":[1,{`|receipt.items[0]: expected an object, was a number",
      "`\"modifiers\":[]`|`\"modifiers\":{}`|receipt.modifiers: expected an array, was an object",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"250.005\"`|receipt.items[0].unitPrice: Tenge amount must have at most 2 decimals (tiyn), was 250.005",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"1.005\"`|receipt.items[0].unitPrice: Tenge amount must have at most 2 decimals (tiyn), was 1.005",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":250.00`|receipt.items[0].unitPrice: expected a string, was a number",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"-250.00\"`|receipt.items[0].unitPrice: expected a plain decimal such as \"1250.50\", was \"-250.00\"",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"2.5E+2\"`|receipt.items[0].unitPrice: expected a plain decimal such as \"1250.50\", was \"2.5E+2\"",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\" 250.00\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"250.\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\".50\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"2.5.0\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"+250\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"٢٥٠\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":\"NaN\"`|receipt.items[0].unitPrice: expected a plain decimal",
      "`\"unitPrice\":\"250.00\"`|`\"unitPrice\":null`|receipt.items[0].unitPrice: must not be null",
      "`\"quantity\":\"2.000\"`|`\"quantity\":\"0.000\"`|receipt.items[0].quantity: Quantity must be greater than 0, was 0.000",
      "`\"quantity\":\"2.000\"`|`\"quantity\":\"0.0001\"`|receipt.items[0].quantity: Quantity must have at most 3 decimals (thousandths), was 0.0001",
      "`\"vat\":\"SIXTEEN\"`|`\"vat\":\"SEVENTEEN\"`|receipt.items[0].vat: unknown VatRate 'SEVENTEEN', expected one of [NO_VAT, ZERO, FIVE, TEN, TWELVE, SIXTEEN]",
      "`\"section\":0`|`\"section\":-1`|receipt.items[0].section: must be between 0 and 2147483647, was -1",
      "`\"section\":0`|`\"section\":2147483648`|receipt.items[0].section: must be between 0 and 2147483647, was 2147483648",
      "`\"section\":0`|`\"section\":99999999999999999999`|receipt.items[0].section: expected an integer, was 99999999999999999999",
      "`\"section\":0`|`\"section\":1e1`|receipt.items[0].section: expected an integer, was 1e1",
      "`\"section\":0`|`\"section\":true`|receipt.items[0].section: expected an integer, was a boolean",
      "`\"code\":796`|`\"code\":0`|receipt.items[0].unit.code: must be between 1 and 2147483647, was 0",
      "`\"name\":\"шт\"`|`\"name\":\" \"`|receipt.items[0].unit: Unit name must not be blank",
      "`\"markingCodes\":[]`|`\"markingCodes\":[\"a\",1]`|receipt.items[0].markingCodes[1]: expected a string, was a number",
      "`\"markingCodes\":[]`|`\"markingCodes\":\"a\"`|receipt.items[0].markingCodes: expected an array, was a string",
      "`\"markingCodes\":[]`|`\"markingCodes\":[],\"principal\":{\"name\":\"ИП\",\"xin\":\"12345\"}`|receipt.items[0].principal.xin: IIN/BIN must have exactly 12 digits, has 5 characters",
      "`\"nktCode\":\"1905901000\"`|`\"nktCode\":1905901000`|receipt.items[0].nktCode: expected a string, was a number",
      "`\"type\":\"CASH\"`|`\"type\":\"CREDIT\"`|receipt.payments[0].type: unknown PaymentType 'CREDIT', expected one of [CASH, CARD, MOBILE]",
      "`\"amount\":\"500.00\"`|`\"amount\":\"500.001\"`|receipt.payments[0].amount: Tenge amount must have at most 2 decimals (tiyn), was 500.001",
      "`\"modifiers\":[]`|`\"modifiers\":[{\"kind\":\"REBATE\",\"amount\":\"1.00\",\"text\":\"\"}]`|receipt.modifiers[0].kind: unknown Kind 'REBATE', expected one of [DISCOUNT, MARKUP]",
      "`\"modifiers\":[]`|`\"modifiers\":[{\"kind\":\"DISCOUNT\",\"amount\":\"1.00\"}]`|receipt.modifiers[0].text: missing",
      "`\"customer\":{}`|`\"customer\":null`|receipt.customer: must not be null",
      "`\"customer\":{}`|`\"customer\":{\"xin\":\"181040037077\"}`|receipt.customer.xin: IIN/BIN check digit must be 6, is 7",
      "`\"customer\":{}`|`\"customer\":{\"email\":[]}`|receipt.customer.email: expected a string, was an array",
      "`\"customer\":{}`|`\"customer\":{},\"returnBasis\":{\"fiscalSign\":\"1\",\"rnm\":\"1\",\"total\":\"1.00\",\"offline\":false}`|receipt.returnBasis.dateTime: missing",
      "`\"customer\":{}`|`\"customer\":{},\"returnBasis\":{\"fiscalSign\":\"1\",\"dateTime\":\"2026-03-01T09:30:00+05:00\",\"rnm\":\"1\",\"total\":\"1.00\",\"offline\":0}`|receipt.returnBasis.offline: expected true or false, was a number",
      "`\"rounding\":\"NONE\"`|`\"rounding\":\"HALF_UP\"`|receipt.rounding: unknown Rounding 'HALF_UP', expected one of [NONE, EVERY_ITEM, TOTAL_ONLY]",
      "`,\"rounding\":\"NONE\"`|``|receipt.rounding: missing",
      "`\"rounding\":\"NONE\"`|`\"rounding\":\"NONE\",\"tip\":\"100.00\"`|receipt.tip: unknown member",
      "`\"rounding\":\"NONE\"`|`\"rounding\":\"NONE\",\"rounding\":\"NONE\"`|Malformed JSON at position 490: duplicate member 'rounding'",
  })
  void damagedReceiptsAreRefusedNamingTheField(String from, String to, String message) {
    assertTrue(SMALL_RECEIPT.contains(from), from);
    int at = SMALL_RECEIPT.indexOf(from);
    String json = SMALL_RECEIPT.substring(0, at) + to + SMALL_RECEIPT.substring(at + from.length());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(json));
    assertTrue(e.getMessage().startsWith(message), () -> "expected " + message + "\n but was " + e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"fiscalSign\":\"3004567891\"`|`\"fiscalSign\":\"30045678x1\"`|result: Fiscal sign must be decimal digits, was '30045678x1'",
      "`\"checkNumber\":17`|`\"checkNumber\":-17`|result.checkNumber: must be between 0 and 9223372036854775807, was -17",
      "`\"checkNumber\":17`|`\"checkNumber\":9223372036854775808`|result.checkNumber: expected an integer, was 9223372036854775808",
      "`\"shiftNumber\":42,`|``|result.shiftNumber: missing",
      "`\"total\":\"500.00\"`|`\"total\":\"500.005\"`|result.total: Tenge amount must have at most 2 decimals (tiyn), was 500.005",
      "`\"2026-03-01T09:30:12+05:00\"`|`\"2026-03-01T09:30:12+5\"`|result.dateTime: Text '2026-03-01T09:30:12+5' could not be parsed at index 19",
      "`\"code\":1`|`\"code\":-1`|result.ofd.code: must be between 0 and 2147483647, was -1",
      "`\"ofd\":{`|`\"ofd\":{\"url\":\"x\",`|result.ofd.url: unknown member",
      "`\"offline\":false`|`\"offline\":null`|result.offline: must not be null",
      "`\"v\":1`|`\"v\":1,\"operation\":\"SALE\"`|result.operation: unknown member",
  })
  void damagedResultsAreRefusedNamingTheField(String from, String to, String message) {
    assertTrue(SMALL_RESULT.contains(from), from);
    String json = SMALL_RESULT.replace(from, to);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.readResult(json));
    assertTrue(e.getMessage().startsWith(message), () -> "expected " + message + "\n but was " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]", "\"receipt\"", "1", "{}", "{\"v\":1}"})
  void textsThatAreNoReceiptOrResultAreRefused(String json) {
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(json));
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.readResult(json));
  }

  @Test
  void aReceiptIsNoResultAndAResultIsNoReceipt() {
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.readResult(SMALL_RECEIPT));
    assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(SMALL_RESULT));
  }

  @Test
  void deepNestingAndHugeTextsAreRefusedWithoutOverflowingTheStack() {
    String deep = SMALL_RECEIPT.replace("\"customer\":{}", "\"customer\":{\"email\":" + "[".repeat(100_000) + "}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(deep));
    assertTrue(e.getMessage().endsWith("nesting deeper than 32"), e.getMessage());
    String huge = SMALL_RECEIPT.replace("\"Хлеб\"", "\"" + "Х".repeat(JsonParser.MAX_LENGTH) + "\"");
    e = assertThrows(IllegalArgumentException.class, () -> RecordCodec.readReceipt(huge));
    assertTrue(e.getMessage().startsWith("JSON text is too long"), e.getMessage());
  }

  @Test
  void nullTextIsACallersMistake() {
    assertThrows(NullPointerException.class, () -> RecordCodec.readReceipt(null));
    assertThrows(NullPointerException.class, () -> RecordCodec.readResult(null));
  }

  // ---------------------------------------------------------------------------------------------
  // Properties

  @Property(tries = 1000)
  void anyReceiptRoundTripsExactly(@ForAll("receipts") Receipt receipt) {
    roundTrip(receipt);
  }

  @Property(tries = 1000)
  void anyResultRoundTripsExactly(@ForAll("results") FiscalResult result) {
    roundTrip(result);
  }

  /**
   * Random damage to a written receipt is refused with an {@link IllegalArgumentException}, never another
   * exception, or read as a receipt (damage inside a text) which then round-trips like any other.
   */
  @Property(tries = 1000)
  void damagedTextIsReadOrRefusedWithIllegalArgumentException(@ForAll("receipts") Receipt receipt,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll @IntRange(min = 0, max = 5) int how,
      @ForAll char replacement) {
    String json = RecordCodec.writeReceipt(receipt);
    int at = where % json.length();
    String damaged = switch (how) {
      case 0 -> json.substring(0, at) + json.substring(at + 1);
      case 1 -> json.substring(0, at) + replacement + json.substring(at);
      case 2 -> json.substring(0, at) + replacement + json.substring(at + 1);
      case 3 -> json.substring(0, at) + "\"\"" + json.substring(at);
      case 4 -> json.substring(0, at) + json.substring(Math.min(json.length(), at + 7));
      default -> json.substring(0, at) + json.substring(at, Math.min(json.length(), at + 9)) + json.substring(at);
    };
    try {
      roundTrip(RecordCodec.readReceipt(damaged));
    } catch (IllegalArgumentException expected) {
      assertFalse(expected.getMessage().isBlank());
    } catch (RuntimeException e) {
      fail("Damaged text " + damaged + " threw " + e, e);
    }
  }

  @Provide
  @SuppressWarnings("unchecked")
  Arbitrary<Receipt> receipts() {
    Arbitrary<String> texts = texts();
    Arbitrary<Xin> xins = xins();
    Arbitrary<OffsetDateTime> times = times();
    Arbitrary<Tenge> amounts = amounts();
    Arbitrary<Quantity> quantities = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(1, 10_000).map(n -> BigDecimal.valueOf(n, 3))),
        Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE).map(n -> BigDecimal.valueOf(n, 3))),
        Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(40)).map(n -> new BigDecimal(n, 3))))
        .map(Quantity::of);
    Arbitrary<Unit> units = Arbitraries.oneOf(
        Arbitraries.of(Unit.PIECE, Unit.KILOGRAM, Unit.LITRE, Unit.SERVICE, Unit.SQUARE_METRE),
        Combinators.combine(Arbitraries.integers().between(1, Integer.MAX_VALUE), texts.filter(t -> !t.isBlank()))
            .as(Unit::new));
    Arbitrary<Item> items = Combinators.combine(
        Combinators.combine(texts, texts.optional(0.3), texts.optional(0.3), texts.optional(0.3)).as(List::of),
        Combinators.combine(quantities, units, amounts, amounts, amounts).as(List::<Object>of),
        Arbitraries.of(VatRate.class),
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().greaterOrEqual(0))),
        texts.list().ofMaxSize(4),
        Combinators.combine(texts, xins).as(Principal::new).optional(0.2))
        .as((names, values, vat, section, codes, principal) -> new Item((String) names.get(0),
            (Optional<String>) names.get(1), (Optional<String>) names.get(2), (Optional<String>) names.get(3),
            (Quantity) values.get(0), (Unit) values.get(1), (Tenge) values.get(2), (Tenge) values.get(3),
            (Tenge) values.get(4), vat, section, codes, principal));
    Arbitrary<Seller> sellers = Combinators.combine(texts, xins, texts, Arbitraries.of(true, false),
        Combinators.combine(texts, texts).as(VatCertificate::new).optional(0.5), Arbitraries.of(TaxRegime.class))
        .as((name, xin, address, payer, certificate, regime) ->
            new Seller(name, xin, address, payer, payer ? certificate : Optional.empty(), regime));
    Arbitrary<Modifier> modifiers = Combinators.combine(Arbitraries.of(Modifier.Kind.class), amounts, texts)
        .as(Modifier::new);
    Arbitrary<Payment> payments = Combinators.combine(Arbitraries.of(PaymentType.class), amounts).as(Payment::new);
    Arbitrary<Customer> customers = Combinators.combine(texts.optional(0.5), texts.optional(0.5), xins.optional(0.5))
        .as(Customer::new);
    Arbitrary<ReturnBasis> bases = Combinators.combine(texts, times, texts, amounts, Arbitraries.of(true, false))
        .as(ReturnBasis::new);
    return Combinators.combine(Arbitraries.of(Operation.class), sellers, times.optional(0.8), items.list().ofMaxSize(10),
        modifiers.list().ofMaxSize(3), payments.list().ofMaxSize(4), customers,
        Combinators.combine(bases.optional(0.5), Arbitraries.of(Rounding.class)).as(List::<Object>of))
        .as((operation, seller, time, lines, mods, pays, customer, tail) -> new Receipt(operation, seller, time, lines,
            mods, pays, customer, (Optional<ReturnBasis>) tail.get(0), (Rounding) tail.get(1)));
  }

  @Provide
  @SuppressWarnings("unchecked")
  Arbitrary<FiscalResult> results() {
    Arbitrary<String> texts = texts();
    return Combinators.combine(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30).optional(0.8),
        Arbitraries.longs().greaterOrEqual(0), Arbitraries.longs().greaterOrEqual(0),
        texts, texts.optional(0.5), times(), amounts(),
        Combinators.combine(Arbitraries.of(true, false), texts, Arbitraries.integers().greaterOrEqual(0), texts,
            texts.optional(0.5), texts.optional(0.5)).as(List::<Object>of))
        .as((sign, check, shift, rnm, serial, time, total, rest) -> new FiscalResult(sign, check, shift, rnm, serial,
            time, total, (Boolean) rest.get(0), new Ofd((String) rest.get(1), (Integer) rest.get(2), (String) rest.get(3)),
            (Optional<String>) rest.get(4), (Optional<String>) rest.get(5)));
  }

  /** Any chars at all (control characters, lone surrogates), Kazakh and Russian text, and the JSON specials. */
  private static Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(3, Arbitraries.strings().withChars("«»ёЁҚқҒғӘәҮүҰұҺһІіӨөҢң абвгд\"\\/\n\t\r\b\f\u0000\u2028😀")
            .ofMaxLength(30)),
        Tuple.of(1, Arbitraries.of("", " ", "\uD800", "\uDFFF", "\"", "\\", "\\u0041", "null", "{}")));
  }

  /** Valid IINs and BINs of any digits: eleven random digits and the check digit that fits, when one does. */
  private static Arbitrary<Xin> xins() {
    return Arbitraries.strings().numeric().ofLength(11).map(digits -> {
      for (char last = '0'; last <= '9'; last++) {
        if (Xin.isValid(digits + last)) {
          return Xin.parse(digits + last);
        }
      }
      return null;
    }).filter(xin -> xin != null);
  }

  /** Any plausible time (years 1970 to 9999) at any offset, to the nanosecond. */
  private static Arbitrary<OffsetDateTime> times() {
    return Combinators.combine(
        Arbitraries.longs().between(OffsetDateTime.parse("1970-01-02T00:00:00Z").toEpochSecond(),
            OffsetDateTime.parse("9999-12-30T00:00:00Z").toEpochSecond()),
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))),
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(5 * 3600)),
            Tuple.of(2, Arbitraries.integers().between(-18, 18).map(h -> h * 3600)),
            Tuple.of(1, Arbitraries.integers().between(-18 * 3600, 18 * 3600))))
        .as((second, nano, offset) -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano),
            ZoneOffset.ofTotalSeconds(offset)));
  }

  private static Arbitrary<Tenge> amounts() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(Tenge.ZERO)),
        Tuple.of(4, Arbitraries.longs().between(0, 1_000_000).map(Tenge::ofTiyn)),
        Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE).map(Tenge::ofTiyn)),
        Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(60))
            .map(n -> Tenge.of(new BigDecimal(n, 2)))));
  }
}
