package kz.fiscal.testkit.client;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptListener.ReceiptEvent;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;

/**
 * A client on a recording register that prints a second check for a resent key (so a blind resend
 * shows as a duplicate), an in-memory journal, and a clock that sleeping advances.
 */
final class ClientFixture {
  static final Seller SELLER = Seller.vatPayer("ТОО «Тест»", Xin.parse("150740001357"), "г. Алматы, ул. Тестовая, 1");
  static final OffsetDateTime PAID_AT = OffsetDateTime.parse("2026-05-20T10:15:00+05:00");

  final TestClock clock = new TestClock(Instant.parse("2026-05-20T05:15:00Z"));
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  final List<ReceiptEvent> events = Collections.synchronizedList(new ArrayList<>());
  final RecordingFiscalDriver driver;
  final InMemoryReceiptJournal journal = new InMemoryReceiptJournal(clock);
  final FiscalClient client;

  ClientFixture() {
    this(RecordingFiscalDriver.builder().deduplicateKeys(false), 6);
  }

  ClientFixture(RecordingFiscalDriver.Builder register, int maxAttempts) {
    driver = register.clock(clock).build();
    client = clientBuilder(maxAttempts).listener(events::add).build();
  }

  /** Another client on this fixture's register, journal and clock: a 2-minute lease, node {@code test-node}. */
  FiscalClient.Builder clientBuilder(int maxAttempts) {
    return FiscalClient.builder()
        .driver(driver)
        .journal(journal)
        .clock(clock)
        .retryPolicy(policy(maxAttempts))
        .leaseDuration(Duration.ofMinutes(2))
        .nodeId("test-node");
  }

  RetryPolicy policy(int maxAttempts) {
    return RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .jitter(() -> 1.0)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        })
        .build();
  }

  static IdempotencyKey key(String value) {
    return IdempotencyKey.of(value);
  }

  static Receipt sale(String price) {
    return Receipt.sale(SELLER)
        .operationTime(PAID_AT)
        .item(Item.builder("Кофе").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }
}
