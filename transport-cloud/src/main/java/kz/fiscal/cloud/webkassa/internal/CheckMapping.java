package kz.fiscal.cloud.webkassa.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Operation;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.spi.CheckHistory.CheckSummary;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.core.spi.CheckHistory.ShiftSummary;

/**
 * Maps receipts to {@code /check} requests and the provider's answers back to the SDK's values. Every
 * amount comes from core's receipt math ({@link Receipt#itemVat}, {@link Receipt#modifierShares}), so
 * the VAT sent is the VAT the validator checked. Stateless.
 */
public final class CheckMapping {
  private static final int TAX_TYPE_NONE = 0;
  private static final int TAX_TYPE_VAT = 100;

  private CheckMapping() {}

  /** The {@code /check} request for {@code receipt} under {@code key}, without a token yet. */
  public static Wire.CheckRequest request(IdempotencyKey key, Receipt receipt, String cashbox) {
    List<Wire.Position> positions = new ArrayList<>(receipt.items().size());
    for (int i = 0; i < receipt.items().size(); i++) {
      positions.add(position(receipt.items().get(i), receipt.itemVat(i)));
    }
    List<Wire.TicketModifier> modifiers = new ArrayList<>();
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      Modifier modifier = receipt.modifiers().get(m);
      for (Map.Entry<VatRate, Tenge> share : receipt.modifierShares(m).entrySet()) {
        if (!share.getValue().isZero()) {
          VatRate rate = share.getKey();
          modifiers.add(new Wire.TicketModifier(share.getValue().amount(), modifier.text(), modifier.kind().code(),
              taxType(rate), taxPercent(rate), rate.vatIncludedIn(share.getValue()).amount()));
        }
      }
    }
    List<Wire.Payment> payments = receipt.payments().stream()
        .map(p -> new Wire.Payment(p.amount().amount(), p.type().code()))
        .toList();
    return new Wire.CheckRequest(null, cashbox, receipt.operation().code(), positions,
        modifiers.isEmpty() ? null : modifiers, payments, receipt.change().amount(), receipt.rounding().code(),
        key.value(), receipt.customer().email().orElse(null), receipt.customer().phone().flatMap(Customer::normalizePhone).orElse(null),
        receipt.customer().xin().map(x -> x.value()).orElse(null),
        receipt.returnBasis().map(CheckMapping::returnBasis).orElse(null));
  }

  private static Wire.Position position(Item item, Tenge vat) {
    List<String> marks = item.markingCodes();
    return new Wire.Position(item.quantity().value().stripTrailingZeros(), item.unitPrice().amount(), taxPercent(item.vat()),
        vat.amount(), taxType(item.vat()), item.name(), item.nktCode().orElse(null), nonZero(item.discount()),
        nonZero(item.markup()), item.section() == 0 ? null : item.section(), item.unit().code(),
        marks.size() == 1 ? marks.get(0) : null, marks.size() > 1 ? marks : null, item.gtin().orElse(null),
        item.ntin().orElse(null));
  }

  private static Wire.ReturnBasisDetails returnBasis(ReturnBasis basis) {
    return new Wire.ReturnBasisDetails(basis.fiscalSign(), ProviderTime.iso(basis.dateTime()), basis.rnm(),
        basis.total().amount(), basis.offline());
  }

  private static int taxType(VatRate rate) {
    return rate.isVat() ? TAX_TYPE_VAT : TAX_TYPE_NONE;
  }

  private static Integer taxPercent(VatRate rate) {
    return rate.isVat() ? rate.percent() : null;
  }

  private static BigDecimal nonZero(Tenge amount) {
    return amount.isZero() ? null : amount.amount();
  }

  /**
   * The result of a check the provider made or found.
   *
   * @param total the check's total: the journaled receipt's (the answer carries none)
   * @throws OutcomeUnknownException if the answer lacks what a result must hold: the check exists, but
   *     the SDK cannot prove which it is
   */
  public static FiscalResult result(Wire.CheckData data, Tenge total, String path) throws OutcomeUnknownException {
    return readable(path, "a check", () -> {
      Wire.Cashbox cashbox = data.cashbox();
      if (cashbox == null || cashbox.registrationNumber() == null) {
        throw new IllegalArgumentException("no Cashbox.RegistrationNumber");
      }
      Wire.Ofd ofd = cashbox.ofd();
      return FiscalResult.builder()
          .fiscalSign(data.checkNumber())
          .checkNumber(required(data.checkOrderNumber(), "CheckOrderNumber"))
          .shiftNumber(required(data.shiftNumber(), "ShiftNumber"))
          .rnm(cashbox.registrationNumber())
          .registerSerial(cashbox.identityNumber())
          .dateTime(ProviderTime.parse(required(data.dateTime(), "DateTime")))
          .total(total)
          .offline(Boolean.TRUE.equals(data.offlineMode()))
          .ofd(ofd == null ? new Ofd("", 0, "") : new Ofd(nonNull(ofd.name()), Math.max(0, ofd.code()), nonNull(ofd.host())))
          .verificationUrl(data.ticketUrl())
          .build();
    });
  }

  /** What a history item proves of a check: its total and its operation. */
  public record Identity(Tenge total, Operation operation) {}

  /** The total and operation of a check of the history; an item lacking either cannot prove anything. */
  public static Identity identity(Wire.HistoryItem item, String path) throws OutcomeUnknownException {
    return readable(path, "a check of the history", () -> new Identity(Tenge.of(required(item.total(), "Total")),
        operation(item.operationType()).orElseThrow(() -> new IllegalArgumentException("no known OperationType"))));
  }

  /** A shift of the provider's history. */
  public static ShiftSummary shift(Wire.Shift shift, String path) throws OutcomeUnknownException {
    return readable(path, "a shift", () -> new ShiftSummary(shift.shiftNumber(), ProviderTime.parse(shift.openDate()),
        Optional.ofNullable(shift.closeDate()).map(ProviderTime::parse)));
  }

  /** A check of a shift's history; empty when its operation is one this SDK does not know. */
  public static Optional<CheckSummary> summary(Wire.HistoryItem item, long shiftNumber, String path)
      throws OutcomeUnknownException {
    Optional<Operation> operation = operation(item.operationType());
    return readable(path, "a check of the history", () -> operation.map(op -> new CheckSummary(item.number(),
        count(item.orderNumber()), shiftNumber, ProviderTime.parse(item.registratedOn()), op, Tenge.of(item.total()),
        Boolean.TRUE.equals(item.isOffline()), Optional.ofNullable(item.externalCheckNumber()).map(IdempotencyKey::of),
        Optional.ofNullable(item.ticketUrl()))));
  }

  private static Optional<Operation> operation(Wire.OperationCode code) {
    return code == null || code == Wire.OperationCode.UNKNOWN ? Optional.empty() : Optional.of(Operation.ofCode(code.code()));
  }

  /** An X- or Z-report; a Z-report's answer that cannot be read leaves unknown whether the shift closed. */
  public static ShiftReport report(Wire.Report report, String path) throws OutcomeUnknownException {
    return readable(path, "a report", () -> {
      Map<Operation, ShiftReport.OperationTotals> operations = new EnumMap<>(Operation.class);
      put(operations, Operation.SALE, report.sell());
      put(operations, Operation.PURCHASE, report.buy());
      put(operations, Operation.SALE_RETURN, report.returnSell());
      put(operations, Operation.PURCHASE_RETURN, report.returnBuy());
      return new ShiftReport(report.shiftNumber(), Optional.ofNullable(report.startOn()).map(ProviderTime::parse),
          ProviderTime.parse(report.reportOn()), Optional.ofNullable(report.closeOn()).map(ProviderTime::parse),
          count(report.documentCount()), operations, tenge(report.sumInCashbox()),
          Boolean.TRUE.equals(report.offlineMode()));
    });
  }

  /**
   * What {@code reading} makes of an answer to {@code path}; an answer lacking a field or holding one the
   * SDK's values refuse is unreadable, which proves nothing about what the provider did.
   */
  private static <T> T readable(String path, String what, Supplier<T> reading) throws OutcomeUnknownException {
    try {
      return reading.get();
    } catch (RuntimeException e) {
      throw new OutcomeUnknownException("Webkassa's answer to " + path + " cannot be read as " + what + ": "
          + e.getMessage(), e);
    }
  }

  private static void put(Map<Operation, ShiftReport.OperationTotals> operations, Operation operation,
      Wire.OperationBlock block) {
    if (block == null) {
      return;
    }
    Map<PaymentType, Tenge> payments = new EnumMap<>(PaymentType.class);
    if (block.payments() != null) {
      for (Wire.PaymentByType payment : block.payments()) {
        if (payment.type() != null && payment.type() != Wire.PaymentCode.UNKNOWN) {
          payments.merge(PaymentType.ofCode(payment.type().code()), tenge(payment.sum()), Tenge::plus);
        }
      }
    }
    operations.put(operation, new ShiftReport.OperationTotals(count(block.count()), payments, tenge(block.discount()),
        tenge(block.markup()), tenge(block.vat())));
  }

  private static Tenge tenge(BigDecimal amount) {
    return amount == null ? Tenge.ZERO : Tenge.of(amount);
  }

  private static long count(Long value) {
    return value == null ? 0 : value;
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("no " + field);
    }
    return value;
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
