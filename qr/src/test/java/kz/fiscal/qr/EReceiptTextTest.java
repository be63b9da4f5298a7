package kz.fiscal.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The plain-text e-check of {@link EReceipt#text}: every requisite, and never wider than the printer. */
class EReceiptTextTest {

  private static final Receipt SALE = Receipts.sale(Receipts.VAT_PAYER).build();
  private static final FiscalResult RESULT = Checks.result(1).total(Tenge.of("3501.00")).build();

  @Test
  void fiftyEightMillimetreCheckShowsEveryRequisiteInThirtyTwoColumns() {
    assertEquals("""
               ТОО «Демо Маркет»
        г. Алматы, пр. Абая, 10
        БИН                 150740001357
        Свидетельство НДС
                   серия 60001 № 1234567
        --------------------------------
                 ФИСКАЛЬНЫЙ ЧЕК
                 ФИСКАЛДЫҚ ЧЕК
                    ПРОДАЖА
        ЗНМ                  SWK00032685
        РНМ                 010101012345
        Чек №                         17
        Смена №                        3
        Дата и время 02.03.2026 14:30:05
        --------------------------------
        1. Чай зелёный
        2 шт × 1250.50           2501.00
        НДС 16%                   344.97
        Код НКТ               0902200000
        2. Сигареты «Тест»
        1 шт × 1000.00           1000.00
        НДС 16%                   137.93
        Код НКТ               2402209000
        Код маркировки
         0104600439931256215Nwc1dJgXJ5.T
        --------------------------------
        ИТОГО                    3501.00
        Банковская карта         3000.00
        Наличные                 1000.00
        Сдача                     499.00
        в т.ч. НДС 16%            482.90
        E-mail покупателя
                         b***@example.kz
        Телефон покупателя  +*******4567
        --------------------------------
        ОФД            АО «Казахтелеком»
        Проверка чека   consumer.oofd.kz
        Фискальный признак    2644393108
        QR-код на чеке содержит ссылку
        для проверки:
        https://consumer.oofd.kz?i=26443
        93108&f=010101012345&s=3501.00&t
        =20260302T143005
        """, EReceipt.text(SALE, RESULT, EReceipt.WIDTH_58MM));
  }

  @Test
  void eightyMillimetreCheckKeepsLabelAndValueOnOneLine() {
    String text = EReceipt.text(SALE, RESULT, EReceipt.WIDTH_80MM);
    assertTrue(text.contains("\nКод маркировки   0104600439931256215Nwc1dJgXJ5.T\n"), text);
    assertTrue(text.contains("\nДата и время                 02.03.2026 14:30:05\n"), text);
    assertTrue(text.endsWith("\nhttps://consumer.oofd.kz?i=2644393108&f=01010101\n2345&s=3501.00&t=20260302T143005\n"), text);
  }

  @Test
  void nonVatPayerCheckSaysWithoutVat() {
    String text = EReceipt.text(Receipts.sale(Receipts.NON_VAT_PAYER).build(), RESULT, 32);
    assertTrue(text.contains("\nСдача                     499.00\nБез НДС\n"), text);
  }

  @Test
  void lineBreaksInUserTextDoNotBreakTheLayout() {
    Receipt receipt = Receipts.sale(Receipts.VAT_PAYER)
        .item(Item.builder("Кофе\nв зёрнах\t1\u2028кг").unitPrice("1.00").vat(VatRate.SIXTEEN).build()).build();
    assertTrue(EReceipt.text(receipt, RESULT, 32).contains("\n3. Кофе в зёрнах 1 кг\n"));
  }

  @Test
  void widthBelowTheMinimumIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EReceipt.text(SALE, RESULT, 23));
    assertEquals("Text width must be at least 24 characters, was 23", e.getMessage());
  }

  @Property(tries = 300)
  void noLineIsWiderThanThePrinter(
      @ForAll @StringLength(max = 300) String name,
      @ForAll @StringLength(min = 1, max = 120) String markingCode,
      @ForAll @StringLength(max = 60) String discountText,
      @ForAll @IntRange(min = EReceipt.MIN_WIDTH, max = 64) int width) {
    Receipt receipt = Receipts.sale(Receipts.VAT_PAYER)
        .item(Item.builder(name).nktCode(markingCode).unitPrice("123456789.99").quantity("999.999")
            .markingCode(markingCode).vat(VatRate.SIXTEEN).build())
        .discount(Tenge.of("1.00"), discountText)
        .build();
    for (int printer : new int[] {EReceipt.WIDTH_58MM, EReceipt.WIDTH_80MM, width}) {
      for (String line : EReceipt.text(receipt, RESULT, printer).split("\n", -1)) {
        assertTrue(line.codePointCount(0, line.length()) <= printer, () -> printer + " columns exceeded: '" + line + "'");
      }
    }
  }
}
