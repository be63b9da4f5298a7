package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptValidator;
import kz.fiscal.core.Rounding;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.VatSchedule;
import kz.fiscal.testkit.FakeWebkassa;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Core's receipt arithmetic and the provider's agree: every valid sale, whatever its quantities,
 * prices, discounts, markups, check-level modifiers, rates and rounding, is accepted by the testkit's
 * Webkassa — which recomputes each position's and each modifier's VAT and the total on its own and
 * refuses a difference of one tiyn — and the provider's total is the receipt's.
 */
class WebkassaDriverPropertiesTest {
  private static final AtomicLong KEYS = new AtomicLong();
  private static FakeWebkassa fake;
  private static WebkassaDriver driver;

  @BeforeContainer
  static void start() {
    fake = FakeWebkassa.start();
    driver = Receipts.driverFor(fake).build();
  }

  @AfterContainer
  static void stop() {
    driver.close();
    fake.close();
  }

  @Property(tries = 300)
  void everyValidSaleIsAcceptedWithTheReceiptsOwnTotal(@ForAll("sales") Receipt sale) throws FiscalException {
    Assume.that(ReceiptValidator.defaults().validate(sale).isEmpty());
    IdempotencyKey key = IdempotencyKey.of("property-" + KEYS.incrementAndGet());

    FiscalResult result = driver.register(key, sale, Receipts.deadline());

    assertEquals(sale.total(), result.total());
    assertEquals(0, fake.check(key.value()).orElseThrow().total().compareTo(sale.total().amount()),
        "the provider's total is the receipt's");
  }

  /** One line of a sale before it is priced into an item. */
  private record Line(long thousandths, long priceTiyn, VatRate rate, long discountPercent, long markupTiyn) {}

  @Provide
  Arbitrary<Receipt> sales() {
    List<VatRate> rates = new ArrayList<>(VatSchedule.defaults().allowedOn(LocalDate.now(KzTime.OFFSET)));
    Arbitrary<Line> lines = Combinators.combine(
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.longs().between(1, 20).map(units -> units * 1000)),
            Tuple.of(1, Arbitraries.longs().between(1, 50_000))),
        Arbitraries.longs().between(1, 5_000_000),
        Arbitraries.of(rates),
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 90))),
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 50_000)))).as(Line::new);
    return Combinators.combine(
        lines.list().ofMinSize(1).ofMaxSize(8),
        Arbitraries.of(Rounding.class),
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 40))),
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().between(1, 100_000))),
        Arbitraries.integers().between(0, 2)).as(WebkassaDriverPropertiesTest::sale);
  }

  private static Receipt sale(List<Line> lines, Rounding rounding, long discountPercent, long markupTiyn, int paying) {
    OffsetDateTime now = KzTime.now(Clock.systemUTC());
    Receipt.Builder builder = Receipt.sale(Receipts.SELLER).operationTime(now).rounding(rounding);
    for (Line line : lines) {
      Quantity quantity = Quantity.of(BigDecimal.valueOf(line.thousandths(), 3));
      Tenge price = Tenge.ofTiyn(line.priceTiyn());
      long lineTiyn = price.times(quantity).toTiyn();
      builder.item(Item.builder("Товар").quantity(quantity).unit(quantity.isWhole() ? Unit.PIECE : Unit.KILOGRAM)
          .unitPrice(price).vat(line.rate())
          .discount(Tenge.ofTiyn(lineTiyn * line.discountPercent() / 100))
          .markup(Tenge.ofTiyn(line.markupTiyn())).build());
    }
    Receipt items = builder.build();
    long itemsTiyn = items.total().toTiyn();
    if (discountPercent > 0 && itemsTiyn * discountPercent / 100 > 0) {
      builder.discount(Tenge.ofTiyn(itemsTiyn * discountPercent / 100), "Скидка");
    }
    if (markupTiyn > 0) {
      builder.markup(Tenge.ofTiyn(markupTiyn), "Доставка");
    }
    Tenge total = builder.build().total();
    switch (paying) {
      case 0 -> builder.payment(PaymentType.CARD, total);
      case 1 -> builder.payment(PaymentType.CASH, Tenge.ofTiyn((total.toTiyn() / 100_000 + 1) * 100_000));
      default -> {
        Tenge card = Tenge.ofTiyn(total.toTiyn() / 2);
        builder.payment(PaymentType.CARD, card).payment(PaymentType.CASH, total.minus(card).plus(Tenge.of("100.00")));
      }
    }
    return builder.build();
  }
}
