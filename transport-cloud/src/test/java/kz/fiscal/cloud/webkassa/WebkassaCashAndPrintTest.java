package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.fiscal.core.DeliveryFailedException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyConflictException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.ReceiptRejectedException;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.CashOperations.CashMovement;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.testkit.FakeWebkassa;
import kz.fiscal.testkit.WebkassaFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cash in and out, the Z-report whose answer was lost, and the print format, against the fake on real
 * sockets. Webkassa promises no duplicate detection and no lookup for cash operations or a Z-report.
 */
class WebkassaCashAndPrintTest {
  private static final String MONEY = "/api/v4/MoneyOperation";
  private static final String Z = "/api/v4/ZReport";

  private final FakeWebkassa fake = FakeWebkassa.start();
  private final WebkassaDriver driver = Receipts.driverFor(fake).build();

  @AfterEach
  void stop() {
    driver.close();
    fake.close();
  }

  @Test
  void cashInAndCashOutMoveTheDrawerAndAKeyAlreadyRecordedIsNotSentAgain() throws Exception {
    CashMovement in = driver.cashIn(IdempotencyKey.of("float-1"), Tenge.of("5000.00"), Receipts.deadline());
    CashMovement out = driver.cashOut(IdempotencyKey.of("lift-1"), Tenge.of("1500.00"), Receipts.deadline());

    assertEquals(CashMovement.Direction.IN, in.direction());
    assertEquals(Tenge.of("5000.00"), in.amount());
    assertEquals(CashMovement.Direction.OUT, out.direction());
    assertEquals(new BigDecimal("3500.00"), fake.cashInDrawer());
    assertEquals(in, driver.cashIn(IdempotencyKey.of("float-1"), Tenge.of("5000.00"), Receipts.deadline()));
    assertThrows(IdempotencyConflictException.class,
        () -> driver.cashOut(IdempotencyKey.of("float-1"), Tenge.of("5000.00"), Receipts.deadline()));
    assertEquals(2, fake.requests(MONEY).size());
    Map<String, Object> sent = fake.requests(MONEY).get(0).json();
    assertEquals(0, ((Number) sent.get("OperationType")).intValue());
    assertEquals("float-1", sent.get("ExternalCheckNumber"));
    assertEquals(new BigDecimal("3500.00"), driver.xReport().cashInDrawer().amount());
  }

  @Test
  void aCashOperationWhoseAnswerWasLostStaysInDoubtAndIsNeverSentAgain() throws Exception {
    fake.failNext(MONEY, WebkassaFault.DROP_AFTER_COMMIT);

    assertThrows(OutcomeUnknownException.class,
        () -> driver.cashIn(IdempotencyKey.of("float-2"), Tenge.of("700.00"), Receipts.deadline()));
    OutcomeUnknownException again = assertThrows(OutcomeUnknownException.class,
        () -> driver.cashIn(IdempotencyKey.of("float-2"), Tenge.of("700.00"), Receipts.deadline()));

    assertTrue(again.getMessage().startsWith("The cash operation under key float-2 is in doubt"), again.getMessage());
    assertEquals(1, fake.requests(MONEY).size());
    assertEquals(new BigDecimal("700.00"), fake.cashInDrawer());
  }

  @Test
  void aCashOutBeyondTheDrawerIsRejectedAndMayBeTriedAgain() throws Exception {
    assertThrows(ReceiptRejectedException.class,
        () -> driver.cashOut(IdempotencyKey.of("lift-2"), Tenge.of("10.00"), Receipts.deadline()));
    driver.cashIn(IdempotencyKey.of("float-3"), Tenge.of("10.00"), Receipts.deadline());

    driver.cashOut(IdempotencyKey.of("lift-2"), Tenge.of("10.00"), Receipts.deadline());

    assertEquals(new BigDecimal("0.00"), fake.cashInDrawer());
    assertThrows(IllegalArgumentException.class,
        () -> driver.cashIn(IdempotencyKey.of("float-4"), Tenge.ZERO, Receipts.deadline()));
  }

  @Test
  void aZReportWhoseAnswerWasLostIsKnownMadeByItsShiftsCloseDate() throws Exception {
    driver.register(IdempotencyKey.of("z-1"), Receipts.sale("100.00"), Receipts.deadline());
    driver.register(IdempotencyKey.of("z-2"), Receipts.sale("200.00"), Receipts.deadline());
    driver.cashIn(IdempotencyKey.of("float-5"), Tenge.of("300.00"), Receipts.deadline());
    fake.failNext(Z, WebkassaFault.DROP_AFTER_COMMIT);

    ShiftReport report = driver.closeShift();

    assertEquals(1, report.shiftNumber());
    assertTrue(report.closed());
    assertEquals(2, report.documentCount());
    assertEquals(Tenge.of("300.00"), report.cashInDrawer());
    assertEquals(Map.of(), report.operations());
    assertFalse(fake.shiftOpen());
    assertEquals(1, fake.requests(Z).size());
  }

  @Test
  void aZReportLostBeforeTheProviderMadeItLeavesTheShiftOpenAndClosingAgainWorks() throws Exception {
    driver.register(IdempotencyKey.of("z-3"), Receipts.sale("100.00"), Receipts.deadline());
    fake.failNext(Z, WebkassaFault.DROP_BEFORE_PROCESSING);

    DeliveryFailedException e = assertThrows(DeliveryFailedException.class, driver::closeShift);

    assertEquals("The Z-report's answer was lost and shift 1 is still open in Webkassa's shift history: "
        + "it was not closed", e.getMessage());
    assertTrue(fake.shiftOpen());
    ShiftReport report = driver.closeShift();
    assertEquals(1, report.documentCount());
    assertFalse(fake.shiftOpen());
  }

  @Test
  void thePrintFormatOfAFiscalizedKeyFitsItsPaperAndEndsWithTheChecksQrPayload() throws Exception {
    FiscalResult result = driver.register(IdempotencyKey.of("print-1"), Receipts.sale("1234.50"), Receipts.deadline());

    for (TicketPrint.Paper paper : TicketPrint.Paper.values()) {
      TicketPrint print = driver.printFormat(IdempotencyKey.of("print-1"), paper, Receipts.deadline()).orElseThrow();
      int width = paper == TicketPrint.Paper.MM_58 ? 32 : 48;
      List<TicketPrint.Line> lines = print.lines();
      assertEquals(paper, print.paper());
      assertEquals(new TicketPrint.Line(TicketPrint.Kind.QR, result.verificationUrl().orElseThrow()),
          lines.get(lines.size() - 1));
      assertTrue(lines.contains(new TicketPrint.Line(TicketPrint.Kind.TEXT,
          "ФП" + " ".repeat(width - 2 - result.fiscalSign().orElseThrow().length()) + result.fiscalSign().orElseThrow())),
          lines.toString());
      assertTrue(lines.contains(new TicketPrint.Line(TicketPrint.Kind.TEXT,
          "ИТОГО" + " ".repeat(width - 5 - 7) + "1234.50")), lines.toString());
      for (TicketPrint.Line line : lines.subList(0, lines.size() - 1)) {
        assertTrue(line.value().length() <= width, line.value());
      }
      assertEquals(paper.paperKind(), ((Number) fake.requests("/api/v4/Ticket/PrintFormat")
          .get(fake.requests("/api/v4/Ticket/PrintFormat").size() - 1).json().get("PaperKind")).intValue());
    }
    assertEquals(Optional.empty(), driver.printFormat(IdempotencyKey.of("never-sent"), TicketPrint.Paper.MM_80,
        Receipts.deadline()));
  }
}
