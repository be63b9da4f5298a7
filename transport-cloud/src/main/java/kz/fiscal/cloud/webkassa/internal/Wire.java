package kz.fiscal.cloud.webkassa.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * Webkassa API v4's JSON shapes, spelled as the provider spells them (docs/webkassa-v4.md). Public records
 * only because Moshi decodes public records; this package is not API. Absent optional fields are
 * {@code null} so they are left out of the JSON; answer fields the SDK can do without are boxed, so
 * that their absence is judged by the mapping rather than failing the whole answer.
 */
public final class Wire {
  private Wire() {}

  /** Every answer: {@code Data} on success, {@code Errors} on failure. */
  public record Envelope<D>(@Json(name = "Data") D data, @Json(name = "Errors") List<Error> errors) {}

  public record Error(@Json(name = "Code") int code, @Json(name = "Text") String text) {}

  public record AuthorizeRequest(@Json(name = "Login") String login, @Json(name = "Password") String password) {}

  public record TokenData(@Json(name = "Token") String token) {}

  public record CheckRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber,
      @Json(name = "OperationType") int operationType,
      @Json(name = "Positions") List<Position> positions,
      @Json(name = "TicketModifiers") List<TicketModifier> ticketModifiers,
      @Json(name = "Payments") List<Payment> payments,
      @Json(name = "Change") BigDecimal change,
      @Json(name = "RoundType") int roundType,
      @Json(name = "ExternalCheckNumber") String externalCheckNumber,
      @Json(name = "CustomerEmail") String customerEmail,
      @Json(name = "CustomerPhone") String customerPhone,
      @Json(name = "CustomerXin") String customerXin,
      @Json(name = "ReturnBasisDetails") ReturnBasisDetails returnBasisDetails) {

    /** The same request under a fresh token. */
    public CheckRequest withToken(String newToken) {
      return new CheckRequest(newToken, cashboxUniqueNumber, operationType, positions, ticketModifiers, payments,
          change, roundType, externalCheckNumber, customerEmail, customerPhone, customerXin, returnBasisDetails);
    }
  }

  public record Position(
      @Json(name = "Count") BigDecimal count,
      @Json(name = "Price") BigDecimal price,
      @Json(name = "TaxPercent") Integer taxPercent,
      @Json(name = "Tax") BigDecimal tax,
      @Json(name = "TaxType") int taxType,
      @Json(name = "PositionName") String positionName,
      @Json(name = "PositionCode") String positionCode,
      @Json(name = "Discount") BigDecimal discount,
      @Json(name = "Markup") BigDecimal markup,
      @Json(name = "SectionCode") Integer sectionCode,
      @Json(name = "UnitCode") int unitCode,
      @Json(name = "Mark") String mark,
      @Json(name = "MarkList") List<String> markList,
      @Json(name = "GTIN") String gtin,
      @Json(name = "NTIN") String ntin) {}

  public record TicketModifier(
      @Json(name = "Sum") BigDecimal sum,
      @Json(name = "Text") String text,
      @Json(name = "Type") int type,
      @Json(name = "TaxType") int taxType,
      @Json(name = "TaxPercent") Integer taxPercent,
      @Json(name = "Tax") BigDecimal tax) {}

  public record Payment(@Json(name = "Sum") BigDecimal sum, @Json(name = "PaymentType") int paymentType) {}

  public record ReturnBasisDetails(
      @Json(name = "CheckNumber") String checkNumber,
      @Json(name = "DateTime") String dateTime,
      @Json(name = "RegistrationNumber") String registrationNumber,
      @Json(name = "Total") BigDecimal total,
      @Json(name = "IsOffline") boolean isOffline) {}

  /**
   * {@code /check}'s answer, and the lookup's (docs/webkassa-v4.md promises the same fields, no total); fields
   * the SDK does not use are left out (Moshi skips them).
   */
  public record CheckData(
      @Json(name = "CheckNumber") String checkNumber,
      @Json(name = "DateTime") String dateTime,
      @Json(name = "OfflineMode") Boolean offlineMode,
      @Json(name = "Cashbox") Cashbox cashbox,
      @Json(name = "CheckOrderNumber") Long checkOrderNumber,
      @Json(name = "ShiftNumber") Long shiftNumber,
      @Json(name = "TicketUrl") String ticketUrl) {

    /** This answer, with {@code shift} as its shift when it names none (a lookup asks one shift). */
    public CheckData inShift(long shift) {
      return shiftNumber != null ? this
          : new CheckData(checkNumber, dateTime, offlineMode, cashbox, checkOrderNumber, shift, ticketUrl);
    }
  }

  public record Cashbox(
      @Json(name = "RegistrationNumber") String registrationNumber,
      @Json(name = "IdentityNumber") String identityNumber,
      @Json(name = "Ofd") Ofd ofd) {}

  public record Ofd(@Json(name = "Name") String name, @Json(name = "Host") String host, @Json(name = "Code") int code) {}

  /** Calls that name only the register. */
  public record CashboxRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber) {}

  public record LookupRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber,
      @Json(name = "ExternalCheckNumber") String externalCheckNumber,
      @Json(name = "ShiftNumber") long shiftNumber) {}

  public record PageRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber,
      @Json(name = "ShiftNumber") Long shiftNumber,
      @Json(name = "Skip") int skip,
      @Json(name = "Take") int take) {}

  /** {@code MoneyOperation}: {@code OperationType} 0 cash in, 1 cash out. */
  public record MoneyRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber,
      @Json(name = "OperationType") int operationType,
      @Json(name = "Sum") BigDecimal sum,
      @Json(name = "ExternalCheckNumber") String externalCheckNumber) {}

  public record MoneyData(@Json(name = "Sum") BigDecimal sum, @Json(name = "DateTime") String dateTime) {}

  /** {@code Ticket/PrintFormat}: {@code PaperKind} 0 = 80 mm, 3 = 58 mm, 12 = A4. */
  public record PrintRequest(
      @Json(name = "Token") String token,
      @Json(name = "CashboxUniqueNumber") String cashboxUniqueNumber,
      @Json(name = "ExternalCheckNumber") String externalCheckNumber,
      @Json(name = "PaperKind") int paperKind) {}

  public record PrintData(@Json(name = "Lines") List<PrintLine> lines) {}

  /** {@code Type} 0 text, 1 base64 image, 2 QR payload. */
  public record PrintLine(@Json(name = "Type") Integer type, @Json(name = "Value") String value) {}

  public record ShiftPage(@Json(name = "Total") Integer total, @Json(name = "Shifts") List<Shift> shifts) {}

  public record Shift(
      @Json(name = "ShiftNumber") long shiftNumber,
      @Json(name = "OpenDate") String openDate,
      @Json(name = "CloseDate") String closeDate) {}

  public record CheckPage(@Json(name = "Total") Integer total, @Json(name = "Items") List<HistoryItem> items) {}

  public record HistoryItem(
      @Json(name = "Number") String number,
      @Json(name = "OrderNumber") Long orderNumber,
      @Json(name = "RegistratedOn") String registratedOn,
      @Json(name = "OperationType") OperationCode operationType,
      @Json(name = "Total") BigDecimal total,
      @Json(name = "IsOffline") Boolean isOffline,
      @Json(name = "TicketUrl") String ticketUrl,
      @Json(name = "ExternalCheckNumber") String externalCheckNumber) {}

  public record Report(
      @Json(name = "ShiftNumber") long shiftNumber,
      @Json(name = "StartOn") String startOn,
      @Json(name = "ReportOn") String reportOn,
      @Json(name = "CloseOn") String closeOn,
      @Json(name = "DocumentCount") Long documentCount,
      @Json(name = "Sell") OperationBlock sell,
      @Json(name = "Buy") OperationBlock buy,
      @Json(name = "ReturnSell") OperationBlock returnSell,
      @Json(name = "ReturnBuy") OperationBlock returnBuy,
      @Json(name = "SumInCashbox") BigDecimal sumInCashbox,
      @Json(name = "OfflineMode") Boolean offlineMode) {}

  public record OperationBlock(
      @Json(name = "Count") Long count,
      @Json(name = "Discount") BigDecimal discount,
      @Json(name = "Markup") BigDecimal markup,
      @Json(name = "Vat") BigDecimal vat,
      @Json(name = "PaymentsByTypesApiModel") List<PaymentByType> payments) {}

  public record PaymentByType(@Json(name = "Type") PaymentCode type, @Json(name = "Sum") BigDecimal sum) {}

  /** An enum the provider sends as a number; numbers this SDK does not know read as the fallback. */
  interface Coded {
    int code();
  }

  /** A payment type as the provider numbers it. */
  public enum PaymentCode implements Coded {
    CASH(0), CARD(1), MOBILE(4), UNKNOWN(-1);

    private final int code;

    PaymentCode(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  /** An operation as the provider numbers it. */
  public enum OperationCode implements Coded {
    BUY(0), BUY_RETURN(1), SELL(2), SELL_RETURN(3), UNKNOWN(-1);

    private final int code;

    OperationCode(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }
}
