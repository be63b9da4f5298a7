package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Operation;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.Test;

class RecordingFiscalDriverTest {
  private static final Seller SELLER = Seller.vatPayer("ТОО", Xin.parse("150740001357"), "Алматы");
  private static final IdempotencyKey KEY = IdempotencyKey.of("k-1");
  private final RecordingFiscalDriver register = RecordingFiscalDriver.builder().deduplicateKeys(false).build();

  @Test
  void failBeforeApplyingAppliesNothing() {
    register.failNext(Fault.FAIL_BEFORE_APPLYING);

    assertThrows(DeliveryFailedException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));

    assertEquals(0, register.ledgerCount(KEY));
  }

  @Test
  void applyThenUnknownAppliesButLosesTheAnswer() throws FiscalException {
    register.failNext(Fault.APPLY_THEN_UNKNOWN);

    assertThrows(OutcomeUnknownException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));

    assertEquals(1, register.ledgerCount(KEY));
    assertEquals(Optional.of(register.ledger().get(0).result()), register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
  }

  @Test
  void unknownWithoutApplyingLeavesNoCheck() throws FiscalException {
    register.failNext(Fault.UNKNOWN_WITHOUT_APPLYING);

    assertThrows(OutcomeUnknownException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));

    assertEquals(Optional.empty(), register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
  }

  @Test
  void rejectAndDeviceBlockedApplyNothingAndFaultsAreUsedInOrder() throws FiscalException {
    register.failNext(Fault.REJECT, Fault.DEVICE_BLOCKED);

    assertThrows(ReceiptRejectedException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));
    assertThrows(DeviceException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));
    register.register(KEY, sale("10.00"), Instant.MAX);

    assertEquals(1, register.ledgerCount(KEY));
    assertEquals(3, register.registerCalls());
  }

  @Test
  void failingLookupsThrowUntilUsedUp() throws FiscalException {
    register.failNextLookups(2);

    assertThrows(OutcomeUnknownException.class, () -> register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
    assertThrows(OutcomeUnknownException.class, () -> register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));

    assertEquals(Optional.empty(), register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
    assertEquals(3, register.lookupCalls());
  }

  @Test
  void withoutDeduplicationAResentKeyPrintsASecondCheck() throws FiscalException {
    FiscalResult first = register.register(KEY, sale("10.00"), Instant.MAX);
    FiscalResult second = register.register(KEY, sale("10.00"), Instant.MAX);

    assertNotEquals(first.fiscalSign(), second.fiscalSign());
    assertEquals(2, register.ledgerCount(KEY));
  }

  @Test
  void blockedRegisterRefusesEverythingUntilUnblocked() throws FiscalException {
    register.block();

    DeviceException e = assertThrows(DeviceException.class, () -> register.register(KEY, sale("10.00"), Instant.MAX));
    assertThrows(DeviceException.class, () -> register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
    register.unblock();

    assertEquals(DeviceException.Reason.BLOCKED, e.reason());
    assertEquals(Optional.empty(), register.lookup(KEY, sale("10.00"), Instant.EPOCH, Instant.MAX));
  }

  @Test
  void zReportTotalsTheShiftByOperationAndPaymentType() throws FiscalException {
    register.register(IdempotencyKey.of("a"), sale("1160.00"), Instant.MAX);
    register.register(IdempotencyKey.of("b"), Receipt.sale(SELLER).operationTime(now())
        .item("Чай", "1", "580.00", VatRate.SIXTEEN).payment(PaymentType.CASH, "600.00").build(), Instant.MAX);

    ShiftReport z = register.closeShift();

    assertEquals(1, z.shiftNumber());
    assertEquals(2, z.documentCount());
    ShiftReport.OperationTotals sales = z.operations().get(Operation.SALE);
    assertEquals(2, sales.count());
    assertEquals(Map.of(PaymentType.CARD, Tenge.of("1160.00"), PaymentType.CASH, Tenge.of("580.00")), sales.payments());
    assertEquals(Tenge.of("240.00"), sales.vat()); // 1160 * 16 / 116 = 160; 580 * 16 / 116 = 80
    assertEquals(Tenge.of("580.00"), z.cashInDrawer());
    assertEquals(2, register.xReport().shiftNumber());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.parse("2026-06-01T12:00:00+05:00");
  }

  private static Receipt sale(String price) {
    return Receipt.sale(SELLER).operationTime(now()).item("Чай", "1", price, VatRate.SIXTEEN)
        .payment(PaymentType.CARD, price).build();
  }
}
