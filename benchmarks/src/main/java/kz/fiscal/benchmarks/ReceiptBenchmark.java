package kz.fiscal.benchmarks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.Customer;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptValidator;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.VatSchedule;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Xin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of turning a shop's order into a validated receipt: a 10-item sale with four VAT rates, an item
 * discount, a check-level discount, card + cash payments with change and a customer e-mail, built
 * through the public builder from decimal strings and validated. The target is under 5 µs per receipt.
 *
 * <p>Run (no {@code mvn install} needed): {@code mvn -q -B -pl benchmarks -am -DskipTests package
 * dependency:build-classpath -Dmdep.outputFile=target/classpath.txt} then {@code java -cp
 * benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main ReceiptBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReceiptBenchmark {

  private static final Seller SELLER =
      Seller.vatPayer("ТОО «Ромашка»", Xin.parse("150740001357"), "Алматы, пр. Абая 1");
  private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 3, 2, 14, 30, 0, 0, KzTime.OFFSET);
  private static final Tenge EXPECTED_TOTAL = Tenge.of("19897.16");

  private final ReceiptValidator validator =
      ReceiptValidator.of(VatSchedule.defaults(), Clock.fixed(TIME.toInstant(), KzTime.OFFSET));
  private Receipt receipt;

  /** Builds the receipt once and proves it is the valid one, so the benchmarks measure the happy path. */
  @Setup
  public void buildValidReceipt() {
    receipt = build();
    List<Violation> violations = validator.validate(receipt);
    if (!violations.isEmpty() || !receipt.total().equals(EXPECTED_TOTAL)) {
      throw new IllegalStateException("Benchmark receipt is not the valid one: total " + receipt.total() + ", "
          + violations);
    }
  }

  /** The figure: build and validate one receipt. */
  @Benchmark
  public void buildAndValidate(Blackhole blackhole) {
    Receipt built = build();
    blackhole.consume(built);
    blackhole.consume(validator.validate(built));
  }

  /** Validation alone, on a receipt built once. */
  @Benchmark
  public List<Violation> validateOnly() {
    return validator.validate(receipt);
  }

  /** Building alone (parsing the amounts included), to split the first figure. */
  @Benchmark
  public Receipt buildOnly() {
    return build();
  }

  /** Items sum to 20 397.16; less 500.00 makes 19 897.16; paid 20 000.00, change 102.84 from cash. */
  static Receipt build() {
    return Receipt.sale(SELLER)
        .operationTime(TIME)
        .item("Кофе в зёрнах, 1 кг", "1", "8990.00", VatRate.SIXTEEN)
        .item("Молоко 2,5 %, 1 л", "2", "489.90", VatRate.SIXTEEN)
        .item(Item.builder("Сыр «Российский»").quantity("0.356").unit(Unit.KILOGRAM).unitPrice("4290.00")
            .vat(VatRate.SIXTEEN).nktCode("0406.90.000.0").build())
        .item("Парацетамол 500 мг №20", "1", "385.50", VatRate.FIVE)
        .item(Item.builder("Витамин C 1000 мг").quantity("2").unitPrice("1450.50").discount(Tenge.of("290.10"))
            .vat(VatRate.FIVE).build())
        .item("Журнал «Forbes Kazakhstan»", "1", "1500.00", VatRate.TEN)
        .item("Подарочная упаковка", "1", "250.00", VatRate.NO_VAT)
        .item(Item.builder("Яблоки «Апорт»").quantity("1.25").unit(Unit.KILOGRAM).unitPrice("899.00")
            .vat(VatRate.SIXTEEN).build())
        .item("Шоколад молочный 90 г", "3", "649.99", VatRate.SIXTEEN)
        .item("Вода питьевая 0,5 л (экспорт)", "6", "180.00", VatRate.ZERO)
        .discount(Tenge.of("500.00"), "Скидка по карте лояльности")
        .payment(PaymentType.CARD, "15000.00")
        .payment(PaymentType.CASH, "5000.00")
        .customer(Customer.email("buyer@example.kz"))
        .build();
  }
}
