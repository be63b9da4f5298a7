package kz.fiscal.testkit.nodes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.FiscalDriver;

/** The paid orders every node works on, and how a node is set up: the same in every thread and process. */
final class Workload {
  private static final Seller SELLER = Seller.vatPayer("ТОО «Два узла»", Xin.parse("150740001357"),
      "г. Алматы, ул. Тестовая, 2");

  private Workload() {}

  static IdempotencyKey key(int k) {
    return IdempotencyKey.of("order-" + k);
  }

  /** The receipt of order {@code k}, paid at {@code paidAt}: every node sends the same one for a key. */
  static Receipt sale(int k, OffsetDateTime paidAt) {
    String price = (k % 500 + 1) + ".00";
    return Receipt.sale(SELLER)
        .operationTime(paidAt)
        .item(Item.builder("Кофе").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  /** Orders 0 to {@code keys - 1} in an order of their own. */
  static List<Integer> shuffled(int keys, long seed) {
    List<Integer> order = new ArrayList<>(keys);
    for (int k = 0; k < keys; k++) {
      order.add(k);
    }
    Collections.shuffle(order, new Random(seed));
    return order;
  }

  /**
   * A node: its own id, journal and lease. A caller waits at most 0.3 s for another worker's outcome,
   * then leaves the key to that worker or to recovery.
   */
  static FiscalClient node(String nodeId, ReceiptJournal journal, FiscalDriver driver, Duration lease) {
    return FiscalClient.builder()
        .driver(driver)
        .journal(journal)
        .nodeId(nodeId)
        .leaseDuration(lease)
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5))
            .maxAttempts(20).timeout(Duration.ofMillis(300)).build())
        .build();
  }

  /**
   * Fiscalizes every key in {@code order} once {@code start} opens, collecting the results. An outcome in
   * doubt (another worker holds the key) is left to that worker or to recovery; any other failure lands
   * in {@code unexpected}. An {@link Error}, such as a killed node's, ends the work.
   */
  static void work(FiscalClient client, List<Integer> order, OffsetDateTime paidAt, CountDownLatch start,
      Map<IdempotencyKey, List<FiscalResult>> answers, Set<String> unexpected) throws InterruptedException {
    start.await();
    for (int k : order) {
      IdempotencyKey key = key(k);
      try {
        FiscalResult result = client.fiscalize(key, sale(k, paidAt));
        answers.computeIfAbsent(key, x -> Collections.synchronizedList(new ArrayList<>())).add(result);
      } catch (OutcomeUnknownException e) {
        // left to the worker holding the key, or to recovery
      } catch (FiscalException | RuntimeException e) {
        unexpected.add(key.value() + ": " + e);
      }
    }
  }

  /** Every pending record: requested, sent or in doubt. */
  static List<ReceiptRecord> pending(ReceiptJournal journal) {
    List<ReceiptRecord> pending = new ArrayList<>();
    for (ReceiptStatus status : List.of(ReceiptStatus.REQUESTED, ReceiptStatus.SENT, ReceiptStatus.IN_DOUBT)) {
      pending.addAll(journal.findByStatus(status, 100_000));
    }
    return pending;
  }

  /** The pending records whose lease a worker of the node named {@code ownerPrefix} holds. */
  static List<ReceiptRecord> pendingOwnedBy(ReceiptJournal journal, String ownerPrefix) {
    return pending(journal).stream()
        .filter(r -> r.owner().filter(owner -> owner.startsWith(ownerPrefix)).isPresent())
        .toList();
  }

  static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
