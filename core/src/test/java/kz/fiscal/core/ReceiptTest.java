package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Receipt.ReceiptFeature;

/**
 * Hand-worked receipts. Every expected amount was computed independently of the code under test (by
 * hand, checked with Python's {@code decimal} at ROUND_HALF_UP); the arithmetic sits beside each value.
 */
class ReceiptTest {
  private static final OffsetDateTime MARCH_2026 = OffsetDateTime.of(2026, 3, 2, 10, 15, 0, 0, ZoneOffset.ofHours(5));
  private static final OffsetDateTime DECEMBER_2025 =
      OffsetDateTime.of(2025, 12, 20, 18, 40, 0, 0, ZoneOffset.ofHours(5));
  private static final Seller SELLER = Seller.vatPayer("ТОО «Ромашка»", Xin.parse("150740001357"),
      "г. Алматы, пр. Абая, 1");
  private static final Seller NON_VAT_SELLER = Seller.nonVatPayer("ТОО «Ромашка»", Xin.parse("150740001357"),
      "г. Алматы, пр. Абая, 1", TaxRegime.SIMPLIFIED);

  private static Item kilograms(String name, String quantity, String unitPrice, VatRate vat) {
    return Item.builder(name).quantity(quantity).unit(Unit.KILOGRAM).unitPrice(unitPrice).vat(vat).build();
  }

  private static Receipt.Builder sale() {
    return Receipt.sale(SELLER).operationTime(MARCH_2026);
  }

  // ---- single rate -------------------------------------------------------------------------------

  @Test
  void sixteenPercentReceiptWithAFractionalWeight() {
    Receipt receipt = sale()
        .item(kilograms("Сыр твёрдый", "1.375", "2890.50", VatRate.SIXTEEN))
        .item("Молоко 1 л", "3", "199.99", VatRate.SIXTEEN)
        .build();

    assertEquals(Tenge.of("3974.44"), receipt.itemSum(0));   // 2890.50 * 1.375 = 3974.4375 -> 3974.44
    assertEquals(Tenge.of("548.20"), receipt.itemVat(0));    // 3974.44 * 16 / 116 = 548.1986 -> 548.20
    assertEquals(Tenge.of("599.97"), receipt.itemSum(1));    // 199.99 * 3 = 599.97
    assertEquals(Tenge.of("82.75"), receipt.itemVat(1));     // 599.97 * 16 / 116 = 82.7545 -> 82.75
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("630.95")), receipt.vatByRate()); // 548.20 + 82.75
    assertEquals(Tenge.of("4574.41"), receipt.total());      // 3974.44 + 599.97
  }

  @Test
  void twelvePercentStillAppliesToAnOperationDatedIn2025() {
    Receipt receipt = Receipt.sale(SELLER).operationTime(DECEMBER_2025)
        .item(kilograms("Кофе в зёрнах", "0.750", "1234.56", VatRate.TWELVE))
        .build();

    assertEquals(Optional.of(DECEMBER_2025), receipt.operationTime());
    assertEquals(Tenge.of("925.92"), receipt.itemSum(0));    // 1234.56 * 0.750 = 925.92
    assertEquals(Tenge.of("99.21"), receipt.itemVat(0));     // 925.92 * 12 / 112 = 99.2057 -> 99.21
    assertEquals(Map.of(VatRate.TWELVE, Tenge.of("99.21")), receipt.vatByRate());
    assertEquals(Tenge.of("925.92"), receipt.total());
  }

  @Test
  void fivePercentReceiptForMedicines() {
    Receipt receipt = sale()
        .item("Парацетамол, уп.", "2.5", "417.19", VatRate.FIVE)
        .item("Тонометр", "2", "1575.35", VatRate.FIVE)
        .build();

    assertEquals(Tenge.of("1042.98"), receipt.itemSum(0));   // 417.19 * 2.5 = 1042.975 -> 1042.98
    assertEquals(Tenge.of("49.67"), receipt.itemVat(0));     // 1042.98 * 5 / 105 = 49.6657 -> 49.67
    assertEquals(Tenge.of("3150.70"), receipt.itemSum(1));   // 1575.35 * 2 = 3150.70
    assertEquals(Tenge.of("150.03"), receipt.itemVat(1));    // 3150.70 * 5 / 105 = 150.0333 -> 150.03
    assertEquals(Map.of(VatRate.FIVE, Tenge.of("199.70")), receipt.vatByRate()); // 49.67 + 150.03
    assertEquals(Tenge.of("4193.68"), receipt.total());      // 1042.98 + 3150.70
  }

  @Test
  void tenPercentReceiptForPeriodicals() {
    Receipt receipt = sale()
        .item("Журнал", "3", "450.45", VatRate.TEN)
        .item("Газета, подшивка", "1.25", "333.33", VatRate.TEN)
        .build();

    assertEquals(Tenge.of("1351.35"), receipt.itemSum(0));   // 450.45 * 3 = 1351.35
    assertEquals(Tenge.of("122.85"), receipt.itemVat(0));    // 1351.35 * 10 / 110 = 122.85 exactly
    assertEquals(Tenge.of("416.66"), receipt.itemSum(1));    // 333.33 * 1.25 = 416.6625 -> 416.66
    assertEquals(Tenge.of("37.88"), receipt.itemVat(1));     // 416.66 * 10 / 110 = 37.8782 -> 37.88
    assertEquals(Map.of(VatRate.TEN, Tenge.of("160.73")), receipt.vatByRate()); // 122.85 + 37.88
    assertEquals(Tenge.of("1768.01"), receipt.total());      // 1351.35 + 416.66
  }

  @Test
  void zeroPercentExportIsInTheVatMapWithZeroVat() {
    Receipt receipt = sale()
        .item(kilograms("Мёд на экспорт", "1.375", "12000.01", VatRate.ZERO))
        .build();

    assertEquals(Tenge.of("16500.01"), receipt.itemSum(0));  // 12000.01 * 1.375 = 16500.01375 -> 16500.01
    assertEquals(Tenge.of("0.00"), receipt.itemVat(0));      // 0 %
    assertEquals(Map.of(VatRate.ZERO, Tenge.of("0.00")), receipt.vatByRate());
    assertEquals(Tenge.of("16500.01"), receipt.total());
  }

  @Test
  void sellerWhoIsNoVatPayerHasNoVatAtAll() {
    Receipt receipt = Receipt.sale(NON_VAT_SELLER).operationTime(MARCH_2026)
        .item(kilograms("Яблоки", "2.345", "99.99", VatRate.NO_VAT))
        .build();

    assertEquals(Tenge.of("234.48"), receipt.itemSum(0));    // 99.99 * 2.345 = 234.47655 -> 234.48
    assertEquals(Tenge.of("0.00"), receipt.itemVat(0));
    assertEquals(Map.of(), receipt.vatByRate());             // NO_VAT is not a VAT rate
    assertEquals(Tenge.of("234.48"), receipt.total());
  }

  // ---- half-tiyn boundaries ----------------------------------------------------------------------

  @Test
  void lineLandingOnAHalfTiynRoundsUp() {
    Receipt receipt = sale()
        .item(kilograms("Гвозди", "0.5", "0.33", VatRate.SIXTEEN))
        .item(kilograms("Шурупы", "0.499", "0.33", VatRate.SIXTEEN))
        .build();

    assertEquals(Tenge.of("0.17"), receipt.itemSum(0));      // 0.33 * 0.5 = 0.165 -> 0.17
    assertEquals(Tenge.of("0.02"), receipt.itemVat(0));      // 0.17 * 16 / 116 = 0.02345 -> 0.02
    assertEquals(Tenge.of("0.16"), receipt.itemSum(1));      // 0.33 * 0.499 = 0.16467 -> 0.16
    assertEquals(Tenge.of("0.02"), receipt.itemVat(1));      // 0.16 * 16 / 116 = 0.02207 -> 0.02
    assertEquals(Tenge.of("0.33"), receipt.total());         // 0.17 + 0.16
  }

  @Test
  void twelvePercentVatLandingOnAHalfTiynRoundsUp() {
    Receipt receipt = Receipt.sale(SELLER).operationTime(DECEMBER_2025)
        .item(kilograms("Соль", "0.5", "0.28", VatRate.TWELVE))
        .item("Спички", "3", "0.42", VatRate.TWELVE)
        .item(kilograms("Сахар", "0.5", "2.51", VatRate.TWELVE))
        .item("Скрепки", "3", "0.14", VatRate.TWELVE)
        .build();

    assertEquals(Tenge.of("0.14"), receipt.itemSum(0));      // 0.28 * 0.5 = 0.14
    assertEquals(Tenge.of("0.02"), receipt.itemVat(0));      // 0.14 * 12 / 112 = 0.015 exactly -> 0.02
    assertEquals(Tenge.of("1.26"), receipt.itemSum(1));      // 0.42 * 3 = 1.26
    assertEquals(Tenge.of("0.14"), receipt.itemVat(1));      // 1.26 * 12 / 112 = 0.135 exactly -> 0.14
    assertEquals(Tenge.of("1.26"), receipt.itemSum(2));      // 2.51 * 0.5 = 1.255 -> 1.26 (both halves)
    assertEquals(Tenge.of("0.14"), receipt.itemVat(2));      // 1.26 * 12 / 112 = 0.135 exactly -> 0.14
    assertEquals(Tenge.of("0.42"), receipt.itemSum(3));      // 0.14 * 3 = 0.42
    assertEquals(Tenge.of("0.05"), receipt.itemVat(3));      // 0.42 * 12 / 112 = 0.045 exactly -> 0.05 (not even 0.04)
    assertEquals(Map.of(VatRate.TWELVE, Tenge.of("0.35")), receipt.vatByRate()); // 0.02 + 0.14 + 0.14 + 0.05
    assertEquals(Tenge.of("3.08"), receipt.total());         // 0.14 + 1.26 + 1.26 + 0.42
  }

  // ---- mixed rates and item modifiers ------------------------------------------------------------

  @Test
  void mixedRatesAreSummedPerRateAndNoVatStaysOutOfTheMap() {
    Receipt receipt = sale()
        .item(kilograms("Сыр твёрдый", "1.375", "2890.50", VatRate.SIXTEEN))
        .item("Парацетамол, уп.", "2.5", "417.19", VatRate.FIVE)
        .item("Молоко 1 л", "3", "199.99", VatRate.SIXTEEN)
        .item("Доставка за рубеж", "1", "350.00", VatRate.ZERO)
        .item("Приём врача", "1", "3000.00", VatRate.NO_VAT)
        .build();

    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("630.95"),             // 548.20 (3974.44 * 16/116) + 82.75 (599.97 * 16/116)
            VatRate.FIVE, Tenge.of("49.67"),                 // 1042.98 * 5 / 105 = 49.6657 -> 49.67
            VatRate.ZERO, Tenge.of("0.00")),
        receipt.vatByRate());
    assertEquals(Tenge.of("3000.00"), receipt.itemSum(4));
    assertEquals(Tenge.of("0.00"), receipt.itemVat(4));
    assertEquals(Tenge.of("8967.39"), receipt.total());      // 3974.44 + 1042.98 + 599.97 + 350.00 + 3000.00
  }

  @Test
  void itemDiscountAndMarkupChangeTheLineAndItsVat() {
    Item discounted = Item.builder("Куртка").quantity("2").unitPrice("1500.00").discount(Tenge.of("150.00"))
        .vat(VatRate.SIXTEEN).build();
    Item marked = Item.builder("Подарочная упаковка").unitPrice("999.99").markup(Tenge.of("0.01"))
        .vat(VatRate.SIXTEEN).build();
    Receipt receipt = sale().item(discounted).item(marked).build();

    assertEquals(Tenge.of("2850.00"), discounted.sum());     // 1500.00 * 2 - 150.00
    assertEquals(Tenge.of("2850.00"), receipt.itemSum(0));
    assertEquals(Tenge.of("393.10"), receipt.itemVat(0));    // 2850.00 * 16 / 116 = 393.1034 -> 393.10
    assertEquals(Tenge.of("1000.00"), marked.sum());         // 999.99 * 1 + 0.01
    assertEquals(Tenge.of("137.93"), receipt.itemVat(1));    // 1000.00 * 16 / 116 = 137.931 -> 137.93
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("531.03")), receipt.vatByRate()); // 393.10 + 137.93
    assertEquals(Tenge.of("3850.00"), receipt.total());      // 2850.00 + 1000.00
  }

  // ---- check-level modifiers ---------------------------------------------------------------------

  @Test
  void checkDiscountIsSplitAcrossRatesInProportionToTheirSums() {
    Receipt receipt = sale()
        .item("Куртка", "2", "1500.00", VatRate.SIXTEEN)      // 3000.00, VAT 3000 * 16/116 = 413.793 -> 413.79
        .item("Бинт", "2", "500.00", VatRate.FIVE)            // 1000.00, VAT 1000 * 5/105 = 47.619 -> 47.62
        .discount(Tenge.of("100.00"), "Скидка постоянного клиента")
        .build();

    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("75.00"),              // 100.00 - 25.00 (largest group takes the rest)
            VatRate.FIVE, Tenge.of("25.00")),                // 100.00 * 1000 / 4000 = 25.00
        receipt.modifierShares(0));
    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("403.45"),             // 413.79 - 10.34 (75.00 * 16/116 = 10.3448)
            VatRate.FIVE, Tenge.of("46.43")),                // 47.62 - 1.19 (25.00 * 5/105 = 1.1905)
        receipt.vatByRate());
    assertEquals(Tenge.of("3900.00"), receipt.total());      // 3000.00 + 1000.00 - 100.00
  }

  @Test
  void remainderTiynOfASplitGoesToTheRateWithTheLargestSum() {
    Receipt receipt = sale()
        .item("Кабель", "1", "100.01", VatRate.SIXTEEN)       // VAT 100.01 * 16/116 = 13.7945 -> 13.79
        .item("Пластырь", "1", "100.00", VatRate.FIVE)        // VAT 100.00 * 5/105 = 4.7619 -> 4.76
        .item("Журнал", "1", "100.00", VatRate.TEN)           // VAT 100.00 * 10/110 = 9.0909 -> 9.09
        .discount(Tenge.of("1.00"), "")
        .build();

    assertEquals(Map.of(
            VatRate.FIVE, Tenge.of("0.33"),                  // 1.00 * 100.00 / 300.01 = 0.33332 -> 0.33
            VatRate.TEN, Tenge.of("0.33"),                   // same
            VatRate.SIXTEEN, Tenge.of("0.34")),              // 1.00 - 0.33 - 0.33 (proportionally only 0.33336)
        receipt.modifierShares(0));
    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("13.74"),              // 13.79 - 0.05 (0.34 * 16/116 = 0.0469)
            VatRate.FIVE, Tenge.of("4.74"),                  // 4.76 - 0.02 (0.33 * 5/105 = 0.0157)
            VatRate.TEN, Tenge.of("9.06")),                  // 9.09 - 0.03 (0.33 * 10/110 = 0.03)
        receipt.vatByRate());
    assertEquals(Tenge.of("299.01"), receipt.total());       // 300.01 - 1.00
  }

  @Test
  void halfTiynSharesRoundUpAndTheLargestRateAbsorbsTheDifference() {
    Receipt receipt = sale()
        .item("Кабель", "2", "100.00", VatRate.SIXTEEN)       // 200.00, VAT 200.00 * 16/116 = 27.5862 -> 27.59
        .item("Пластырь", "1", "100.00", VatRate.FIVE)        // VAT 100.00 * 5/105 = 4.7619 -> 4.76
        .item("Журнал", "1", "100.00", VatRate.TEN)           // VAT 100.00 * 10/110 = 9.0909 -> 9.09
        .discount(Tenge.of("0.10"), "")
        .build();

    assertEquals(Map.of(
            VatRate.FIVE, Tenge.of("0.03"),                  // 0.10 * 100 / 400 = 0.025 exactly -> 0.03
            VatRate.TEN, Tenge.of("0.03"),                   // same
            VatRate.SIXTEEN, Tenge.of("0.04")),              // 0.10 - 0.03 - 0.03 (proportionally 0.05)
        receipt.modifierShares(0));
    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("27.58"),              // 27.59 - 0.01 (0.04 * 16/116 = 0.0055 -> 0.01)
            VatRate.FIVE, Tenge.of("4.76"),                  // 4.76 - 0.00 (0.03 * 5/105 = 0.0014)
            VatRate.TEN, Tenge.of("9.09")),                  // 9.09 - 0.00 (0.03 * 10/110 = 0.0027)
        receipt.vatByRate());
    assertEquals(Tenge.of("399.90"), receipt.total());       // 400.00 - 0.10
  }

  @Test
  void checkMarkupAddsTheVatOfItsShares() {
    Receipt receipt = sale()
        .item("Ноутбук", "1", "1160.00", VatRate.SIXTEEN)     // VAT 1160.00 * 16/116 = 160.00
        .item("Экспортная упаковка", "2", "250.00", VatRate.ZERO) // 500.00, VAT 0
        .markup(Tenge.of("50.00"), "Срочная доставка")
        .build();

    assertEquals(Map.of(
            VatRate.ZERO, Tenge.of("15.06"),                 // 50.00 * 500 / 1660 = 15.0602 -> 15.06
            VatRate.SIXTEEN, Tenge.of("34.94")),             // 50.00 - 15.06
        receipt.modifierShares(0));
    assertEquals(Map.of(
            VatRate.SIXTEEN, Tenge.of("164.82"),             // 160.00 + 4.82 (34.94 * 16/116 = 4.8193)
            VatRate.ZERO, Tenge.of("0.00")),
        receipt.vatByRate());
    assertEquals(Tenge.of("1710.00"), receipt.total());      // 1660.00 + 50.00
  }

  @Test
  void exemptGroupTakesItsShareOfACheckDiscountWithoutVat() {
    Receipt receipt = sale()
        .item("Телефон", "1", "1160.00", VatRate.SIXTEEN)     // VAT 160.00
        .item("Приём врача", "2", "420.00", VatRate.NO_VAT)   // 840.00
        .discount(Tenge.of("20.00"), "")
        .build();

    assertEquals(Map.of(
            VatRate.NO_VAT, Tenge.of("8.40"),                // 20.00 * 840 / 2000 = 8.40
            VatRate.SIXTEEN, Tenge.of("11.60")),             // 20.00 - 8.40
        receipt.modifierShares(0));
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("158.40")), // 160.00 - 1.60 (11.60 * 16/116 = 1.60)
        receipt.vatByRate());
    assertEquals(Tenge.of("1980.00"), receipt.total());      // 2000.00 - 20.00
  }

  // ---- nulls ----

  @Test
  void aNullMarkingCodeIsRefusedNamingItsIndex() {
    java.util.List<String> codes = java.util.Arrays.asList("a", null);

    assertEquals("markingCodes[1]", assertThrows(NullPointerException.class,
        () -> Item.builder("Сигареты").markingCodes(codes)).getMessage());
    assertEquals("markingCodes", assertThrows(NullPointerException.class,
        () -> Item.builder("Сигареты").markingCodes(null)).getMessage());
  }

  @Test
  void aNullItemModifierOrPaymentIsRefusedNamingItsIndex() {
    Item bread = Item.of("Хлеб", Quantity.ONE, Tenge.of("1.00"), VatRate.SIXTEEN);
    NullPointerException e = assertThrows(NullPointerException.class, () -> new Receipt(Operation.SALE, SELLER,
        Optional.empty(), java.util.Arrays.asList(bread, null), java.util.List.of(), java.util.List.of(),
        Customer.ANONYMOUS, Optional.empty(), Rounding.NONE));

    assertEquals("items[1]", e.getMessage());
    assertEquals("payments", assertThrows(NullPointerException.class, () -> new Receipt(Operation.SALE, SELLER,
        Optional.empty(), java.util.List.of(bread), java.util.List.of(), null, Customer.ANONYMOUS, Optional.empty(),
        Rounding.NONE)).getMessage());
  }

  // ---- rounding modes ----------------------------------------------------------------------------

  private static Receipt roundingSample(Rounding rounding) {
    return sale()
        .item("Хлеб", "1", "100.50", VatRate.SIXTEEN)
        .item(kilograms("Витамины", "0.750", "200.35", VatRate.FIVE))
        .item("Вода 0.5 л", "2", "20.30", VatRate.SIXTEEN)
        .rounding(rounding)
        .build();
  }

  @Test
  void noRoundingKeepsItemsAndTotalToTheTiyn() {
    Receipt receipt = roundingSample(Rounding.NONE);

    assertEquals(Tenge.of("100.50"), receipt.itemSum(0));
    assertEquals(Tenge.of("13.86"), receipt.itemVat(0));     // 100.50 * 16 / 116 = 13.8621 -> 13.86
    assertEquals(Tenge.of("150.26"), receipt.itemSum(1));    // 200.35 * 0.750 = 150.2625 -> 150.26
    assertEquals(Tenge.of("7.16"), receipt.itemVat(1));      // 150.26 * 5 / 105 = 7.1552 -> 7.16
    assertEquals(Tenge.of("40.60"), receipt.itemSum(2));     // 20.30 * 2
    assertEquals(Tenge.of("5.60"), receipt.itemVat(2));      // 40.60 * 16 / 116 = 5.60 exactly
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("19.46"), VatRate.FIVE, Tenge.of("7.16")), // 13.86 + 5.60
        receipt.vatByRate());
    assertEquals(Tenge.of("291.36"), receipt.total());       // 100.50 + 150.26 + 40.60
  }

  @Test
  void everyItemRoundingRoundsEachSumToWholeTengeAndTakesVatOnTheRoundedSum() {
    Receipt receipt = roundingSample(Rounding.EVERY_ITEM);

    assertEquals(Tenge.of("101.00"), receipt.itemSum(0));    // 100.50 -> 101 (half tenge rounds up)
    assertEquals(Tenge.of("13.93"), receipt.itemVat(0));     // 101.00 * 16 / 116 = 13.9310 -> 13.93
    assertEquals(Tenge.of("150.00"), receipt.itemSum(1));    // 150.26 -> 150
    assertEquals(Tenge.of("7.14"), receipt.itemVat(1));      // 150.00 * 5 / 105 = 7.1429 -> 7.14
    assertEquals(Tenge.of("41.00"), receipt.itemSum(2));     // 40.60 -> 41
    assertEquals(Tenge.of("5.66"), receipt.itemVat(2));      // 41.00 * 16 / 116 = 5.6552 -> 5.66
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("19.59"), VatRate.FIVE, Tenge.of("7.14")), // 13.93 + 5.66
        receipt.vatByRate());
    assertEquals(Tenge.of("292.00"), receipt.total());       // 101 + 150 + 41
  }

  @Test
  void everyItemRoundingTakesTheUnroundedProductLessTheWholeTengeDiscount() {
    Receipt receipt = sale()
        .item(Item.builder("Хлеб").unitPrice("100.30").discount(Tenge.of("0.50")).vat(VatRate.SIXTEEN).build())
        .rounding(Rounding.EVERY_ITEM)
        .build();

    assertEquals(Tenge.of("99.00"), receipt.itemSum(0));     // round0(100.30 - round0(0.50)) = round0(99.30)
    assertEquals(Tenge.of("13.66"), receipt.itemVat(0));     // 99.00 * 16 / 116 = 13.655 -> 13.66
    assertEquals(Tenge.of("99.00"), receipt.total());
  }

  @Test
  void everyItemRoundingRoundsTheProductOnlyOnceAndTheMarkupToWholeTenge() {
    Receipt receipt = sale()
        .item(Item.builder("Сыр").quantity("0.333").unit(Unit.KILOGRAM).unitPrice("1.50")
            .markup(Tenge.of("0.49")).vat(VatRate.SIXTEEN).build())
        .rounding(Rounding.EVERY_ITEM)
        .build();

    // 1.50 * 0.333 = 0.4995 (round2 would make 0.50 and round0 then 1); markup 0.49 counts 0
    assertEquals(Tenge.of("0.00"), receipt.itemSum(0));
  }

  @Test
  void everyItemRoundingCountsEachCheckModifierInWholeTengeSplitInWholeTenge() {
    Receipt receipt = sale()
        .item("Хлеб", "1", "100.00", VatRate.SIXTEEN)
        .item("Витамины", "1", "50.00", VatRate.FIVE)
        .markup(Tenge.of("41.28"), "Доставка")
        .discount(Tenge.of("10.50"), "Скидка")
        .rounding(Rounding.EVERY_ITEM)
        .build();

    assertEquals(Tenge.of("41.00"), receipt.modifierAmount(0)); // a 41.28 markup counts 41
    assertEquals(Tenge.of("11.00"), receipt.modifierAmount(1)); // 10.50 -> 11
    assertEquals(Map.of(VatRate.FIVE, Tenge.of("14.00"), VatRate.SIXTEEN, Tenge.of("27.00")), // 41 * 50 / 150 = 13.67 -> 14
        receipt.modifierShares(0));
    assertEquals(Map.of(VatRate.FIVE, Tenge.of("4.00"), VatRate.SIXTEEN, Tenge.of("7.00")), // 11 * 50 / 150 = 3.67 -> 4
        receipt.modifierShares(1));
    // 13.79 + 3.72 (27 at 16 %) - 0.97 (7 at 16 %); 2.38 + 0.67 (14 at 5 %) - 0.19 (4 at 5 %)
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("16.54"), VatRate.FIVE, Tenge.of("2.86")), receipt.vatByRate());
    assertEquals(Tenge.of("180.00"), receipt.total());       // 100 + 50 + 41 - 11
  }

  @Test
  void modifierAmountIsTheGivenAmountWithoutEveryItemRounding() {
    Receipt receipt = sale().item("Хлеб", "1", "100.00", VatRate.SIXTEEN).markup(Tenge.of("41.28"), "")
        .rounding(Rounding.TOTAL_ONLY).build();

    assertEquals(Tenge.of("41.28"), receipt.modifierAmount(0));
    assertEquals(Tenge.of("141.00"), receipt.total());       // 141.28 rounded once
  }

  @Test
  void totalOnlyRoundingRoundsTheTotalButLeavesItemsAndVatToTheTiyn() {
    Receipt receipt = roundingSample(Rounding.TOTAL_ONLY);

    assertEquals(Tenge.of("100.50"), receipt.itemSum(0));
    assertEquals(Tenge.of("13.86"), receipt.itemVat(0));
    assertEquals(Tenge.of("150.26"), receipt.itemSum(1));
    assertEquals(Map.of(VatRate.SIXTEEN, Tenge.of("19.46"), VatRate.FIVE, Tenge.of("7.16")), // as with NONE
        receipt.vatByRate());
    assertEquals(Tenge.of("291.00"), receipt.total());       // 291.36 -> 291
  }

  @Test
  void halfTengeItemRoundsUpUnderEveryItemRounding() {
    Receipt receipt = sale().item("Булочка", "1", "100.50", VatRate.SIXTEEN).rounding(Rounding.EVERY_ITEM).build();

    assertEquals(Tenge.of("100.50"), receipt.items().get(0).sum()); // Item.sum() is before receipt rounding
    assertEquals(Tenge.of("101.00"), receipt.itemSum(0));    // 100.50 -> 101
    assertEquals(Tenge.of("13.93"), receipt.itemVat(0));     // 101.00 * 16 / 116 = 13.931 -> 13.93 (not 13.86)
    assertEquals(Tenge.of("101.00"), receipt.total());
  }

  @Test
  void halfTengeTotalRoundsUpUnderTotalOnlyRounding() {
    Receipt receipt = sale()
        .item("Булочка", "1", "60.25", VatRate.SIXTEEN)
        .item("Чай", "1", "40.25", VatRate.SIXTEEN)
        .rounding(Rounding.TOTAL_ONLY)
        .build();

    assertEquals(Tenge.of("101.00"), receipt.total());       // 60.25 + 40.25 = 100.50 -> 101
  }

  // ---- payments --------------------------------------------------------------------------------

  @Test
  void changeIsWhatWasPaidAboveTheTotal() {
    Receipt.Builder builder = sale()
        .item(kilograms("Сыр твёрдый", "1.375", "2890.50", VatRate.SIXTEEN))
        .item("Молоко 1 л", "3", "199.99", VatRate.SIXTEEN);   // total 3974.44 + 599.97 = 4574.41

    Receipt cash = builder.build().newBuilder().payment(PaymentType.CASH, "5000.00").build();
    assertEquals(Tenge.of("5000.00"), cash.paid());
    assertEquals(Tenge.of("425.59"), cash.change());         // 5000.00 - 4574.41

    Receipt cardAndCash = builder.build().newBuilder()
        .payment(PaymentType.CARD, "4000.00").payment(PaymentType.CASH, "600.00").build();
    assertEquals(Tenge.of("4600.00"), cardAndCash.paid());
    assertEquals(Tenge.of("25.59"), cardAndCash.change());   // 4000.00 + 600.00 - 4574.41

    Receipt exact = builder.build().newBuilder().payment(PaymentType.CARD, "4574.41").build();
    assertEquals(Tenge.ZERO, exact.change());
  }

  @Test
  void changeUnderTotalOnlyRoundingIsFromTheRoundedTotal() {
    Receipt receipt = roundingSample(Rounding.TOTAL_ONLY).newBuilder().payment(PaymentType.CASH, "300.00").build();

    assertEquals(Tenge.of("9.00"), receipt.change());        // 300.00 - 291.00
  }

  // ---- features, builder, time -----------------------------------------------------------------

  @Test
  void plainSaleUsesNoFeatures() {
    Receipt receipt = sale().item("Хлеб", "1", "150.00", VatRate.SIXTEEN).payment(PaymentType.CARD, "150.00").build();

    assertEquals(EnumSet.noneOf(ReceiptFeature.class), receipt.features());
  }

  @Test
  void featuresListEverythingTheReceiptUses() {
    Item marked = Item.builder("Обувь").quantity("2").unitPrice("15000.00").vat(VatRate.SIXTEEN)
        .gtin("04600000000017").markingCode("010460000000001721abc").markingCode("010460000000001721abd")
        .discount(Tenge.of("1000.00")).section(2)
        .principal(new Principal("ТОО «Комитент»", Xin.parse("131240010479"))).build();
    Item single = Item.builder("Духи").unitPrice("9000.00").vat(VatRate.SIXTEEN)
        .markingCode("010460000000002421xyz").build();
    Receipt receipt = sale()
        .item(marked)
        .item(single)
        .discount(Tenge.of("100.00"), "")
        .customer(Customer.email("buyer@example.kz").withXin(Xin.parse("181040037076")))
        .payment(PaymentType.MOBILE, "37900.00")
        .rounding(Rounding.EVERY_ITEM)
        .build();

    assertEquals(EnumSet.of(ReceiptFeature.MARKING_CODE, ReceiptFeature.MARKING_CODE_LIST,
            ReceiptFeature.GOODS_IDENTIFIERS, ReceiptFeature.ITEM_MODIFIERS, ReceiptFeature.PRINCIPAL,
            ReceiptFeature.SECTIONS, ReceiptFeature.CHECK_MODIFIERS, ReceiptFeature.CUSTOMER_CONTACT,
            ReceiptFeature.CUSTOMER_XIN, ReceiptFeature.MOBILE_PAYMENT, ReceiptFeature.ROUNDING),
        receipt.features());
  }

  @Test
  void returnsAndPurchasesAreFeatures() {
    ReturnBasis basis = new ReturnBasis("1234567890", MARCH_2026, "010100012345", Tenge.of("150.00"), false);

    assertEquals(EnumSet.of(ReceiptFeature.RETURNS),
        Receipt.saleReturn(SELLER, basis).item("Хлеб", "1", "150.00", VatRate.SIXTEEN).build().features());
    assertEquals(EnumSet.of(ReceiptFeature.PURCHASES),
        Receipt.purchase(SELLER).item("Хлеб", "1", "150.00", VatRate.SIXTEEN).build().features());
    assertEquals(EnumSet.of(ReceiptFeature.PURCHASES, ReceiptFeature.RETURNS),
        Receipt.purchaseReturn(SELLER, basis).item("Хлеб", "1", "150.00", VatRate.SIXTEEN).build().features());
  }

  @Test
  void newBuilderRoundTripGivesAnEqualReceipt() {
    ReturnBasis basis = new ReturnBasis("1234567890", MARCH_2026, "010100012345", Tenge.of("3900.00"), true);
    Receipt receipt = Receipt.saleReturn(SELLER, basis).operationTime(MARCH_2026)
        .item(kilograms("Сыр твёрдый", "1.375", "2890.50", VatRate.SIXTEEN))
        .item("Бинт", "2", "500.00", VatRate.FIVE)
        .discount(Tenge.of("100.00"), "Скидка")
        .markup(Tenge.of("10.00"), "Упаковка")
        .payment(PaymentType.CASH, "5000.00")
        .customer(Customer.phone("+77011234567"))
        .rounding(Rounding.TOTAL_ONLY)
        .build();

    Receipt copy = receipt.newBuilder().build();
    assertEquals(receipt, copy);
    assertEquals(receipt.hashCode(), copy.hashCode());

    Receipt variant = receipt.newBuilder().rounding(Rounding.NONE).build();
    assertNotEquals(receipt, variant);
    assertEquals(Rounding.TOTAL_ONLY, receipt.rounding());
    assertEquals(receipt, variant.newBuilder().rounding(Rounding.TOTAL_ONLY).build());
  }

  @Test
  void withOperationTimeStampsACopyAndLeavesTheRestAlone() {
    Receipt unstamped = Receipt.sale(SELLER).item("Хлеб", "1", "150.00", VatRate.SIXTEEN)
        .payment(PaymentType.CASH, "200.00").build();
    assertEquals(Optional.empty(), unstamped.operationTime());

    Receipt stamped = unstamped.withOperationTime(MARCH_2026);

    assertEquals(Optional.of(MARCH_2026), stamped.operationTime());
    assertEquals(Optional.empty(), unstamped.operationTime());
    assertEquals(stamped, unstamped.newBuilder().operationTime(MARCH_2026).build());
    assertEquals(Tenge.of("50.00"), stamped.change());       // 200.00 - 150.00
  }

  // ---- derived amounts of an invalid receipt ---------------------------------------------------

  @Test
  void discountLargerThanItsLineMakesDerivedAmountsThrow() {
    Item item = Item.builder("Хлеб").unitPrice("10.00").discount(Tenge.of("10.01")).vat(VatRate.SIXTEEN).build();
    Receipt receipt = sale().item(item).build();             // 10.00 - 10.01 = -0.01

    IllegalStateException onItem = assertThrows(IllegalStateException.class, item::sum);
    assertEquals("Item 'Хлеб' has a discount larger than its line", onItem.getMessage());
    IllegalStateException onTotal = assertThrows(IllegalStateException.class, receipt::total);
    assertEquals("The receipt's total is negative (-0.01): validate it with ReceiptValidator", onTotal.getMessage());
    assertThrows(IllegalStateException.class, () -> receipt.itemSum(0));
  }
}
