package kz.fiscal.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import kz.fiscal.cloud.webkassa.WebkassaDriver;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.qr.EReceipt;
import kz.fiscal.qr.OfdRegistry;
import kz.fiscal.qr.QrCode;
import kz.fiscal.qr.VerificationUrl;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The README's quick start, compiled and run by {@code QuickStartTest}: the README shows the code
 * between the {@code README} markers verbatim, so it cannot rot. The testkit's {@code FakeWebkassa}
 * stands in for {@code https://devkkm.webkassa.kz}, so it runs without an account or a network.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start with its journal and e-check under {@code args[0]} (default
   * {@code kz-fiscal-quickstart} in the system's temporary directory).
   *
   * @param args an optional directory
   * @throws Exception whatever the quick start throws
   */
  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0])
        : Path.of(System.getProperty("java.io.tmpdir"), "kz-fiscal-quickstart");
    try (FakeWebkassa webkassa = FakeWebkassa.start()) {
      run(webkassa, dir);
    }
  }

  static void run(FakeWebkassa webkassa, Path dir) throws Exception {
    Files.createDirectories(dir);
    // README-BEGIN quickstart
    // The journal: an H2 file, one process. WRITE_DELAY=0 keeps the last commit through a kill -9.
    JdbcConnectionPool pool = JdbcConnectionPool.create(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal") + ";WRITE_DELAY=0", "sa", "");
    try (WebkassaDriver driver = WebkassaDriver.builder()
            .baseUrl(webkassa.baseUrl())             // production: https://kkm.webkassa.kz
            .apiKey(webkassa.apiKey())
            .login(webkassa.login())
            .password(webkassa.password())
            .cashbox(webkassa.cashboxNumber())
            .build();
        FiscalClient client = FiscalClient.builder()
            .driver(driver)
            .journal(JdbcReceiptJournal.open(pool))  // creates or migrates the schema
            .listener(event -> System.out.println("  " + event.key() + ": " + event.to()))
            .build()) {
      client.recover();                            // on start: finish what a crash left pending

      Seller shop = Seller.vatPayer("ТОО «Демо Маркет»", Xin.parse("150740001357"), "г. Алматы, пр. Абая, 10");
      Receipt receipt = Receipt.sale(shop)
          .operationTime(KzTime.now(Clock.systemUTC()))
          .item(Item.builder("Чай зелёный").nktCode("0902200000").quantity("2").unitPrice("1250.50")
              .vat(VatRate.SIXTEEN).build())
          .payment(PaymentType.CARD, "2501.00")
          .customer(Customer.email("buyer@example.kz"))
          .build();
      IdempotencyKey key = IdempotencyKey.of("order-1042:sale");   // one key per paid order

      // The register makes the check and its answer is lost: fiscalize looks it up and returns it.
      webkassa.failNext(WebkassaFault.DROP_AFTER_COMMIT);
      FiscalResult check = client.fiscalize(key, receipt);
      System.out.println("Fiscal sign " + check.fiscalSign().orElseThrow());

      // The payment gateway notifies twice: the journal answers, the register is not asked again.
      FiscalResult again = client.fiscalize(key, receipt);
      System.out.println("Same check: " + again.equals(check) + ", checks for the order: "
          + webkassa.checkCount(key.value()));

      // The buyer's QR code and e-check.
      OfdRegistry ofds = OfdRegistry.defaults();
      VerificationUrl url = VerificationUrl.of(check, ofds);
      System.out.println("QR: " + url.text());
      Files.write(dir.resolve("qr.png"), QrCode.png(url.text()));
      Files.writeString(dir.resolve("e-check.html"), EReceipt.html(receipt, check, ofds));
      System.out.println(EReceipt.text(receipt, check, ofds, EReceipt.WIDTH_58MM));

      // A receipt that breaks a rule is refused before anything is journaled or sent.
      Receipt mistaken = Receipt.sale(shop)
          .operationTime(KzTime.now(Clock.systemUTC()))
          .item(Item.builder("Кофе").quantity("1").unitPrice("3000.00").vat(VatRate.TWELVE).build())
          .payment(PaymentType.CARD, "100.00")
          .build();
      try {
        client.fiscalize(IdempotencyKey.of("order-1043:sale"), mistaken);
      } catch (InvalidReceiptException e) {
        for (Violation violation : e.violations()) {
          System.out.println("Refused: " + violation);
        }
      }
    } finally {
      pool.dispose();
    }
    // README-END quickstart
  }
}
