package kz.fiscal.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class EReceiptTest {

  private static final String URL = "https://consumer.oofd.kz?i=2644393108&f=010101012345&s=3501.00&t=20260302T143005";
  private static final Receipt SALE = Receipts.sale(Receipts.VAT_PAYER).build();
  private static final FiscalResult RESULT = Checks.result(1).total(Tenge.of("3501.00")).build();
  private static final Document HTML = parse(EReceipt.html(SALE, RESULT));

  @Test
  void htmlParsesWithoutASingleError() {
    Parser parser = Parser.htmlParser().setTrackErrors(100);
    Jsoup.parse(EReceipt.html(SALE, RESULT), "", parser);
    assertEquals(List.of(), List.copyOf(parser.getErrors()));
  }

  @Test
  void htmlDeclaresUtf8AndInlinesItsStyle() {
    assertEquals("utf-8", HTML.selectFirst("meta[charset]").attr("charset"));
    assertEquals(1, HTML.select("style").size());
    assertEquals(0, HTML.select("link, script").size());
  }

  @Test
  void showsTheSellersName() {
    assertEquals("ТОО «Демо Маркет»", HTML.select("p.title").get(0).text());
  }

  @Test
  void showsTheAddressWhereTheRegisterIsUsed() {
    assertEquals("г. Алматы, пр. Абая, 10", HTML.select("p.line").get(0).text());
  }

  @Test
  void showsTheSellersBin() {
    assertEquals(List.of("150740001357"), values("БИН"));
  }

  @Test
  void showsTheVatCertificate() {
    assertEquals(List.of("серия 60001 № 1234567"), values("Свидетельство НДС"));
  }

  @Test
  void showsTheRegistersSerialNumber() {
    assertEquals(List.of("SWK00032685"), values("ЗНМ"));
  }

  @Test
  void showsTheRegistrationNumber() {
    assertEquals(List.of("010101012345"), values("РНМ"));
  }

  @Test
  void showsTheCheckAndShiftNumbers() {
    assertEquals(List.of("17"), values("Чек №"));
    assertEquals(List.of("3"), values("Смена №"));
  }

  @Test
  void showsEachItemsName() {
    assertEquals(List.of("1. Чай зелёный", "2. Сигареты «Тест»"), HTML.select("p.line").eachText().subList(1, 3));
  }

  @Test
  void showsEachItemsNktCode() {
    assertEquals(List.of("0902200000", "2402209000"), values("Код НКТ"));
  }

  @Test
  void showsTheMarkingCode() {
    assertEquals(List.of(Receipts.MARKING_CODE), values("Код маркировки"));
  }

  @Test
  void showsQuantityUnitPriceAndSumOfEachItem() {
    assertEquals(List.of("2501.00"), values("2 шт × 1250.50"));
    assertEquals(List.of("1000.00"), values("1 шт × 1000.00"));
  }

  @Test
  void showsEachItemsVat() {
    assertEquals(List.of("344.97", "137.93"), values("НДС 16%"));
  }

  @Test
  void showsTheTotal() {
    Element total = HTML.selectFirst("div.pair.strong");
    assertEquals("ИТОГО", total.selectFirst(".l").text());
    assertEquals("3501.00", total.selectFirst(".v").text());
  }

  @Test
  void showsPaymentsAndChange() {
    assertEquals(List.of("3000.00"), values("Банковская карта"));
    assertEquals(List.of("1000.00"), values("Наличные"));
    assertEquals(List.of("499.00"), values("Сдача"));
  }

  @Test
  void showsVatPerRate() {
    assertEquals(List.of("482.90"), values("в т.ч. НДС 16%"));
  }

  @Test
  void everyItemRoundingShowsModifiersAndVatInTheWholeTengeTheTotalCounts() {
    Receipt receipt = Receipt.sale(Receipts.VAT_PAYER).operationTime(Checks.TIME)
        .item(Item.builder("Хлеб").unitPrice("100.30").discount(Tenge.of("0.50")).vat(VatRate.SIXTEEN).build())
        .markup(Tenge.of("41.28"), "Доставка")
        .payment(PaymentType.CARD, "140.00")
        .rounding(kz.fiscal.core.Rounding.EVERY_ITEM)
        .build();
    Document html = parse(EReceipt.html(receipt, Checks.result(1).total(receipt.total()).build()));

    assertEquals(List.of("99.00"), values(html, "1 шт × 100.30")); // round0(100.30 - round0(0.50))
    assertEquals(List.of("+41.00"), values(html, "Наценка: Доставка")); // a 41.28 markup counts 41
    assertEquals("140.00", html.selectFirst("div.pair.strong .v").text());
    assertEquals(List.of("19.32"), values(html, "в т.ч. НДС 16%")); // 13.66 + 5.66 (41.00 * 16 / 116 = 5.655)
  }

  @Test
  void showsTheOfdsNameAndVerificationSite() {
    assertEquals(List.of("АО «Казахтелеком»"), values("ОФД"));
    assertEquals(List.of("consumer.oofd.kz"), values("Проверка чека"));
  }

  @Test
  void showsDateAndTimeAtPlusFive() {
    assertEquals(List.of("02.03.2026 14:30:05"), values("Дата и время"));
  }

  @Test
  void showsTheFiscalSign() {
    assertEquals(List.of("2644393108"), values("Фискальный признак"));
  }

  @Test
  void showsFiscalCheckInRussianAndKazakhAndTheOperation() {
    assertEquals(List.of("ТОО «Демо Маркет»", "ФИСКАЛЬНЫЙ ЧЕК", "ФИСКАЛДЫҚ ЧЕК", "ПРОДАЖА"),
        HTML.select("p.title").eachText());
  }

  @Test
  void qrImageInlineDecodesToTheVerificationUrl() {
    String src = HTML.selectFirst("p.qr img").attr("src");
    assertTrue(src.startsWith("data:image/png;base64,"), src);
    byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
    assertEquals(URL, QrImages.decode(QrImages.read(png)));
    assertEquals(URL, HTML.selectFirst("p.url a").attr("href"));
  }

  @Test
  void offlineMarkAppearsOnlyWhenTheCheckWasMadeOffline() {
    FiscalResult offline = Checks.result(1).total(Tenge.of("3501.00")).offline(true).build();
    Document html = parse(EReceipt.html(SALE, offline));
    assertEquals(List.of("ТОО «Демо Маркет»", "ФИСКАЛЬНЫЙ ЧЕК", "ФИСКАЛДЫҚ ЧЕК", "ПРОДАЖА", "АВТОНОМНЫЙ РЕЖИМ"),
        html.select("p.title").eachText());
    assertTrue(EReceipt.text(SALE, offline, 32).contains("\n        АВТОНОМНЫЙ РЕЖИМ\n"));
    assertFalse(HTML.text().contains("АВТОНОМНЫЙ"));
    assertFalse(EReceipt.text(SALE, RESULT, 32).contains("АВТОНОМНЫЙ"));
  }

  @Test
  void scriptInAnItemNameIsEscaped() {
    Receipt receipt = Receipts.sale(Receipts.VAT_PAYER)
        .item(Item.builder("<script>alert('x')</script>").unitPrice("1.00").vat(VatRate.SIXTEEN).build())
        .build();
    String html = EReceipt.html(receipt, RESULT);
    assertTrue(html.contains("3. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
    Document document = parse(html);
    assertEquals(0, document.select("script").size());
    assertEquals("3. <script>alert('x')</script>", document.select("p.line").get(3).text());
  }

  @Test
  void nonVatPayerShowsWithoutVat() {
    Document html = parse(EReceipt.html(Receipts.sale(Receipts.NON_VAT_PAYER).build(), RESULT));
    assertEquals("Без НДС", html.select("p.line").get(3).text());
    assertFalse(html.text().contains("НДС 16%"));
    assertEquals(List.of("181040037076"), values(html, "БИН"));
  }

  @Test
  void buyersContactIsMaskedNeverShownInFull() {
    assertEquals(List.of("b***@example.kz"), values("E-mail покупателя"));
    assertEquals(List.of("+*******4567"), values("Телефон покупателя"));
    assertFalse(HTML.html().contains("buyer@example.kz"));
    assertFalse(HTML.html().contains("+77011234567"));
  }

  @Test
  void saleReturnNamesTheOperationAndItsBasis() {
    Receipt refund = Receipt.saleReturn(Receipts.VAT_PAYER, RESULT.toReturnBasis())
        .operationTime(Checks.TIME)
        .item(Item.builder("Чай зелёный").quantity("2").unitPrice("1250.50").vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, Tenge.of("2501.00"))
        .build();
    Document html = parse(EReceipt.html(refund, Checks.result(1).fiscalSign("2644399999").build()));
    assertEquals("ВОЗВРАТ ПРОДАЖИ", html.select("p.title").get(3).text());
    assertEquals(List.of("2644393108"), values(html, "ФП чека"));
  }

  @Test
  void resultWithoutFiscalSignHasNoECheck() {
    FiscalResult unknown = Checks.result(1).fiscalSign(null).build();
    assertThrows(IllegalStateException.class, () -> EReceipt.html(SALE, unknown));
    assertThrows(IllegalStateException.class, () -> EReceipt.text(SALE, unknown, 48));
  }

  private static List<String> values(String label) {
    return values(HTML, label);
  }

  private static List<String> values(Document html, String label) {
    return html.select("div.pair").stream()
        .filter(pair -> pair.selectFirst(".l").text().equals(label))
        .map(pair -> pair.selectFirst(".v"))
        .map(Element::text)
        .toList();
  }

  private static Document parse(String html) {
    return Jsoup.parse(html, "", Parser.htmlParser());
  }
}
