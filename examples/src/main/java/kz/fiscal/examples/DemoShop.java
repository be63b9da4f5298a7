package kz.fiscal.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptValidator;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.JournalEntry;
import kz.fiscal.qr.EReceipt;
import kz.fiscal.qr.OfdRegistry;
import kz.fiscal.qr.QrCode;
import kz.fiscal.qr.VerificationUrl;
import kz.fiscal.testkit.FakeWebkassa;
import org.h2.jdbcx.JdbcConnectionPool;
import kz.fiscal.testkit.WebkassaFault;

/**
 * The demo: a shop's payment is confirmed and the order becomes exactly one fiscal check, although
 * the cash register's answer is lost on the way; the gateway's repeated notification changes nothing;
 * the buyer gets the e-check with its QR code. The register is the testkit's in-process Webkassa and
 * the journal an H2 file under {@code kz-fiscal-demo} in the temporary directory, so nothing external is needed.
 */
public final class DemoShop {
  /** Outside {@code target/}, so {@code mvn clean} (which {@code .ci/run} does) keeps the last e-check. */
  static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "kz-fiscal-demo");

  private DemoShop() {}

  public static void main(String[] args) throws IOException, FiscalException {
    Seller shop = Seller.vatPayer("ТОО «Демо Маркет»", Xin.parse("150740001357"), "г. Алматы, пр. Абая, 10");
    Receipt receipt = Receipt.sale(shop)
        .operationTime(KzTime.now(Clock.systemUTC()))
        .item(Item.builder("Чай зелёный 100 г").nktCode("0902200000").quantity("2").unitPrice("1250.50")
            .vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Яблоки").quantity(Quantity.of("1.375")).unit(Unit.KILOGRAM).unitPrice("890.00")
            .vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Витамин C").quantity("1").unitPrice("2100.00").vat(VatRate.FIVE).build())
        .discount(Tenge.of("300.00"), "Промокод OSEN")
        .payment(PaymentType.CARD, "5000.00")
        .payment(PaymentType.CASH, "1000.00")
        .customer(Customer.email("buyer@example.kz"))
        .build();
    List<Violation> violations = ReceiptValidator.defaults().validate(receipt);
    System.out.println("Order 1042 is paid: total " + receipt.total() + ", change " + receipt.change()
        + (violations.isEmpty() ? ", the receipt is valid." : ", violations: " + violations));

    freshDirectory();
    JdbcConnectionPool pool = JdbcConnectionPool.create(
        "jdbc:h2:file:" + DIR.toAbsolutePath().resolve("journal") + ";WRITE_DELAY=0", "sa", "");
    try (FakeWebkassa webkassa = FakeWebkassa.start();
        WebkassaDriver driver = WebkassaDriver.builder().baseUrl(webkassa.baseUrl()).apiKey(webkassa.apiKey())
            .login(webkassa.login()).password(webkassa.password()).cashbox(webkassa.cashboxNumber())
            .autoCloseShift(true).build();
        FiscalClient client = FiscalClient.builder().driver(driver).journal(JdbcReceiptJournal.open(pool)).build()) {
      IdempotencyKey key = IdempotencyKey.of("order-1042:sale");

      webkassa.failNext(WebkassaFault.DROP_AFTER_COMMIT);
      System.out.println("Fiscalizing; the register will make the check and lose its answer...");
      FiscalResult check = client.fiscalize(key, receipt);
      System.out.println("Journal: " + client.history(key).stream().map(JournalEntry::to).toList());

      FiscalResult again = client.fiscalize(key, receipt);
      System.out.println("The gateway notifies twice: same fiscal sign " + again.fiscalSign().orElseThrow()
          + "; checks on the register for this order: " + webkassa.checkCount(key.value()));

      OfdRegistry ofds = OfdRegistry.defaults();
      System.out.println();
      System.out.println(EReceipt.text(receipt, check, ofds, EReceipt.WIDTH_58MM));
      Files.writeString(DIR.resolve("e-check.html"), EReceipt.html(receipt, check, ofds));
      Files.write(DIR.resolve("qr.png"), QrCode.png(VerificationUrl.of(check, ofds).text()));
      System.out.println("The buyer's e-check: " + DIR.resolve("e-check.html") + ", its QR code: " + DIR.resolve("qr.png"));
    } finally {
      pool.dispose();
    }

    Receipt mistaken = receipt.newBuilder()
        .item(Item.builder("Сигареты").quantity("2").unitPrice("1100.00").vat(VatRate.TWELVE)
            .markingCode("0104600266011725212345678901234").build())
        .payment(PaymentType.CARD, "100.00")
        .build();
    System.out.println();
    System.out.println("A receipt with mistakes is refused before anything is journaled or sent:");
    for (Violation violation : ReceiptValidator.defaults().validate(mistaken)) {
      System.out.println("  " + violation);
    }
  }

  /** Each run starts with an empty journal, so the demo shows the whole path every time. */
  private static void freshDirectory() throws IOException {
    if (Files.exists(DIR)) {
      try (Stream<Path> files = Files.walk(DIR)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(DIR);
  }
}
