package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link FiscalDriver} passes. A driver's test subclasses it, builds the
 * driver against its register (real or fake) in {@link #createDriver()}, and implements the hooks that
 * reach behind the driver into the register: lose an answer, expire the shift, reject content, count
 * the checks of a key.
 */
public abstract class FiscalDriverContract {
  private static final AtomicInteger KEYS = new AtomicInteger();

  /** The driver under test, made fresh for every test. */
  protected FiscalDriver driver;

  /** Builds the driver against a fresh register. */
  protected abstract FiscalDriver createDriver() throws Exception;

  /** Makes the register apply the next receipt but lose the answer, as a read timeout after the write. */
  protected abstract void loseNextAnswer();

  /** Makes the register's open shift older than 24 hours. */
  protected abstract void expireShift();

  /** Makes the register refuse the next receipt's content. */
  protected abstract void rejectNextReceipt();

  /** How many checks the register holds for {@code key}. */
  protected abstract int ledgerCount(IdempotencyKey key);

  /** Whether the driver under test is configured to close an expired shift itself. */
  protected abstract boolean closesExpiredShift();

  /** The seller the register is registered to; a VAT payer by default. */
  protected Seller seller() {
    return Seller.vatPayer("ТОО «Контракт»", Xin.parse("150740001357"), "г. Астана, ул. Кенесары, 1");
  }

  /** The operation time of the receipts; now at +05:00 by default. */
  protected OffsetDateTime now() {
    return KzTime.now(java.time.Clock.systemUTC());
  }

  /** A deadline for one driver call. */
  protected Instant deadline() {
    return Instant.now().plus(Duration.ofSeconds(30));
  }

  @BeforeEach
  public void openDriver() throws Exception {
    driver = createDriver();
  }

  @AfterEach
  public void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  public void saleIsFiscalizedWithItsTotalAndAFiscalSign() throws FiscalException {
    IdempotencyKey key = newKey();
    Receipt sale = sale("1250.50");

    FiscalResult result = driver.register(key, sale, deadline());

    assertTrue(result.fiscalSign().isPresent(), "a fiscal sign");
    assertEquals(sale.total(), result.total());
    assertEquals(KzTime.OFFSET, result.dateTime().getOffset());
    assertFalse(result.rnm().isBlank(), "an RNM");
    assertEquals(1, ledgerCount(key));
  }

  @Test
  public void returnWithBasisOfTheSaleIsFiscalized() throws FiscalException {
    FiscalResult sold = driver.register(newKey(), sale("1000.00"), deadline());
    IdempotencyKey refundKey = newKey();
    Receipt refund = Receipt.saleReturn(seller(), sold.toReturnBasis())
        .operationTime(now())
        .item("Чай", "1", "1000.00", VatRate.SIXTEEN)
        .payment(PaymentType.CARD, "1000.00")
        .build();

    FiscalResult returned = driver.register(refundKey, refund, deadline());

    assertEquals(refund.total(), returned.total());
    assertEquals(1, ledgerCount(refundKey));
    assertTrue(returned.fiscalSign().isPresent(), "the return has a fiscal sign");
    assertNotEquals(sold.fiscalSign(), returned.fiscalSign(), "the return is a check of its own");
  }

  @Test
  public void sameKeyTwiceGivesOneCheck() throws FiscalException {
    IdempotencyKey key = newKey();
    Receipt sale = sale("700.00");

    FiscalResult first = driver.register(key, sale, deadline());
    FiscalResult second = driver.register(key, sale, deadline());

    assertEquals(first.fiscalSign(), second.fiscalSign());
    assertEquals(1, ledgerCount(key));
  }

  @Test
  public void lookupAfterALostAnswerFindsTheCheck() throws FiscalException {
    IdempotencyKey key = newKey();
    Instant sentAt = Instant.now();
    loseNextAnswer();

    assertThrows(OutcomeUnknownException.class, () -> driver.register(key, sale("980.00"), deadline()));
    Optional<FiscalResult> found = driver.lookup(key, sale("980.00"), sentAt.minusSeconds(1), deadline());

    assertTrue(found.isPresent(), "the applied check is found");
    assertEquals(1, ledgerCount(key));
    assertEquals(sale("980.00").total(), found.get().total());
  }

  @Test
  public void lookupOfAKeyNeverSentIsEmpty() throws FiscalException {
    assertEquals(Optional.empty(), driver.lookup(newKey(), sale("10.00"), Instant.now().minusSeconds(60), deadline()));
  }

  @Test
  public void lookupThatFindsAnotherReceiptsCheckUnderTheKeyIsAKeyCollision() throws FiscalException {
    IdempotencyKey key = newKey();
    Instant sentAt = Instant.now();
    driver.register(key, sale("400.00"), deadline());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> driver.lookup(key, sale("450.00"), sentAt.minusSeconds(1), deadline()));

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
    assertTrue(e.getMessage().contains("400.00") && e.getMessage().contains("450.00"), e.getMessage());
    assertEquals(1, ledgerCount(key));
  }

  @Test
  public void resendingAKeyThatHoldsAnotherReceiptsCheckIsAKeyCollisionNotASecondCheck() throws FiscalException {
    IdempotencyKey key = newKey();
    driver.register(key, sale("400.00"), deadline());

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> driver.register(key, sale("450.00"), deadline()));

    assertEquals(OutcomeUnknownException.Reason.KEY_COLLISION, e.reason());
    assertEquals(1, ledgerCount(key));
  }

  @Test
  public void expiredShiftIsClosedByTheDriverOrReportedAsADeviceProblem() throws FiscalException {
    FiscalResult before = driver.register(newKey(), sale("100.00"), deadline());
    expireShift();
    IdempotencyKey key = newKey();

    if (closesExpiredShift()) {
      FiscalResult result = driver.register(key, sale("200.00"), deadline());
      assertEquals(1, ledgerCount(key));
      assertTrue(result.fiscalSign().isPresent());
      assertTrue(result.shiftNumber() > before.shiftNumber(), "the expired shift was closed and a new one opened");
    } else {
      DeviceException e = assertThrows(DeviceException.class, () -> driver.register(key, sale("200.00"), deadline()));
      assertEquals(DeviceException.Reason.SHIFT_EXPIRED, e.reason());
      assertEquals(0, ledgerCount(key));
    }
  }

  @Test
  public void rejectedContentFiscalizesNothing() throws FiscalException {
    IdempotencyKey key = newKey();
    rejectNextReceipt();

    assertThrows(ReceiptRejectedException.class, () -> driver.register(key, sale("300.00"), deadline()));

    assertEquals(0, ledgerCount(key));
    assertEquals(Optional.empty(), driver.lookup(key, sale("300.00"), Instant.now().minusSeconds(60), deadline()));
  }

  @Test
  public void closingTheShiftReportsItsChecksAndStartsTheNext() throws FiscalException {
    driver.register(newKey(), sale("100.00"), deadline());
    driver.register(newKey(), sale("250.00"), deadline());

    ShiftReport x = driver.xReport();
    ShiftReport z = driver.closeShift();
    FiscalResult next = driver.register(newKey(), sale("50.00"), deadline());

    assertFalse(x.closed());
    assertTrue(z.closed());
    assertEquals(x.shiftNumber(), z.shiftNumber());
    assertTrue(z.documentCount() >= 2, "both checks counted, was " + z.documentCount());
    assertTrue(next.shiftNumber() > z.shiftNumber(), "a new shift after the Z-report");
  }

  @Test
  public void infoNamesTheRegisterAndCarriesReturns() {
    DriverInfo info = driver.info();

    assertFalse(info.name().isBlank());
    assertFalse(info.registerId().number().isBlank());
    assertTrue(info.supports(ReceiptFeature.RETURNS), "every driver carries returns with a basis");
  }

  /** A fresh key for each check of a test run. */
  protected IdempotencyKey newKey() {
    return IdempotencyKey.of("contract-" + ProcessHandle.current().pid() + "-" + KEYS.incrementAndGet());
  }

  /** A one-item card sale at 16 % of {@code price}. */
  protected Receipt sale(String price) {
    return Receipt.sale(seller())
        .operationTime(now())
        .item(Item.builder("Чай").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }
}
