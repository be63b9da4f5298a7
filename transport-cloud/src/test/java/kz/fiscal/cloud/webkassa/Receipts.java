package kz.fiscal.cloud.webkassa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.testkit.FakeWebkassa;

/** Receipts the driver tests send, and a driver configured for a fake register. */
public final class Receipts {
  static final Seller SELLER = Seller.vatPayer("ТОО «Контракт»", Xin.parse("150740001357"), "г. Астана, ул. Кенесары, 1");
  static final OffsetDateTime TIME = OffsetDateTime.parse("2026-11-30T15:04:05+05:00");

  private Receipts() {}

  /**
   * One item at 16 % paid by card, with no operation time: Webkassa dates a check itself, so the client
   * stamps it with now (a receipt dated otherwise is refused before journaling).
   */
  public static Receipt sale(String price) {
    return Receipt.sale(SELLER)
        .item(Item.builder("Чай").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  /** A one-item card return at 16 % of {@code price} against {@code basis}, made now. */
  public static Receipt saleReturn(ReturnBasis basis, String price) {
    return Receipt.saleReturn(SELLER, basis)
        .operationTime(KzTime.now(Clock.systemUTC()))
        .item(Item.builder("Чай").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  /** A deadline for one driver call. */
  public static Instant deadline() {
    return Instant.now().plus(Duration.ofSeconds(10));
  }

  /** A driver builder with {@code fake}'s address, credentials and cash register. */
  static WebkassaDriver.Builder driverFor(FakeWebkassa fake) {
    return driverFor(fake, fake.cashboxNumber());
  }

  /** A driver builder with {@code fake}'s address and credentials for its cash register {@code cashbox}. */
  static WebkassaDriver.Builder driverFor(FakeWebkassa fake, String cashbox) {
    return WebkassaDriver.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey()).login(fake.login())
        .password(fake.password()).cashbox(cashbox);
  }

  /** {@code builder} with {@code count} cashboxes of one account, {@code SWK00040001} onwards. */
  static FakeWebkassa.Builder cashboxes(FakeWebkassa.Builder builder, int count) {
    for (int i = 1; i <= count; i++) {
      builder.cashbox(String.format("SWK%08d", 40_000 + i), String.format("6203%08d", 40_000 + i),
          String.format("WK%010d", 40_000 + i));
    }
    return builder;
  }
}
