package kz.fiscal.benchmarks;

import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.qr.EReceipt;
import kz.fiscal.qr.OfdRegistry;
import kz.fiscal.qr.QrCode;
import kz.fiscal.qr.QrOptions;
import kz.fiscal.qr.VerificationUrl;
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

/**
 * Cost of the buyer's side of a check: the QR PNG of a typical verification URL at 256 px (target
 * ≤ 1 ms), its SVG, and the HTML and 48-column text e-check of a 50-item receipt.
 *
 * <p>Run (no {@code mvn install} needed): {@code mvn -q -B -pl benchmarks -am -DskipTests package
 * dependency:build-classpath -Dmdep.outputFile=target/classpath.txt} then {@code java -cp
 * benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main QrBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QrBenchmark {

  private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 3, 2, 14, 30, 5, 0, KzTime.OFFSET);
  private static final QrOptions PNG_256 = QrOptions.ofSize(256);
  private static final String TYPICAL_URL =
      "https://consumer.oofd.kz?i=2644393108&f=010101012345&s=12734.50&t=20260302T143005";

  private Receipt receipt;
  private FiscalResult result;
  private String url;

  /** Builds the 50-item receipt and its result once, and checks the URL is the typical one. */
  @Setup
  public void setUp() {
    Seller seller = Seller.vatPayer("ТОО «Ромашка»", Xin.parse("150740001357"), "Алматы, пр. Абая 1");
    Receipt.Builder builder = Receipt.sale(seller).operationTime(TIME);
    for (int i = 1; i <= 50; i++) {
      builder.item(Item.builder("Товар №" + i + " «Пример» <размер " + (i % 5 + 1) + ">")
          .nktCode("0902200" + String.format("%03d", i)).quantity(Integer.toString(i % 3 + 1))
          .unitPrice((100 + i) + ".50").vat(i % 4 == 0 ? VatRate.FIVE : VatRate.SIXTEEN).build());
    }
    Receipt draft = builder.build();
    receipt = draft.newBuilder().payment(PaymentType.CARD, draft.total()).build();
    result = FiscalResult.builder().fiscalSign("2644393108").checkNumber(17).shiftNumber(3).rnm("010101012345")
        .registerSerial("SWK00032685").dateTime(TIME).total(receipt.total())
        .ofd(OfdRegistry.defaults().byCode(1).orElseThrow().ofd()).build();
    url = VerificationUrl.of(result, OfdRegistry.defaults()).text();
    if (!url.equals(TYPICAL_URL) || receipt.items().size() != 50) {
      throw new IllegalStateException("Not the typical check: " + url);
    }
  }

  /** The figure: one 256 px PNG of an 81-character verification URL, level M. */
  @Benchmark
  public byte[] png256() {
    return QrCode.png(url, PNG_256);
  }

  /** The same code as SVG. */
  @Benchmark
  public String svg() {
    return QrCode.svg(url);
  }

  /** The second figure: the HTML e-check of a 50-item receipt, its 192 px QR PNG included. */
  @Benchmark
  public String html50Items() {
    return EReceipt.html(receipt, result);
  }

  /** The 80 mm text e-check of the same receipt. */
  @Benchmark
  public String text50Items() {
    return EReceipt.text(receipt, result, EReceipt.WIDTH_80MM);
  }
}
