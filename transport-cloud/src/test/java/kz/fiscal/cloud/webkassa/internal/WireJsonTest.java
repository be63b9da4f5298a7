package kz.fiscal.cloud.webkassa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireJsonTest {
  private final WireJson json = new WireJson();

  @Test
  void amountsAreWrittenAsPlainJsonNumbersWithTheirScale() {
    String written = json.write(new Wire.Payment(new BigDecimal("500.00"), 1));
    assertEquals("{\"Sum\":500.00,\"PaymentType\":1}", written);
    assertEquals("{\"Sum\":1000,\"PaymentType\":0}", json.write(new Wire.Payment(new BigDecimal("1E+3"), 0)));
  }

  @Test
  void absentOptionalFieldsAreLeftOut() {
    assertEquals("{\"Sum\":5.00,\"Text\":\"Скидка\",\"Type\":1,\"TaxType\":0}",
        json.write(new Wire.TicketModifier(new BigDecimal("5.00"), "Скидка", 1, 0, null, null)));
  }

  @Test
  void amountsAreReadFromTheirDigitsNotThroughDouble() throws IOException {
    var read = json.read("{\"Data\":{\"Total\":1,\"Items\":[{\"Number\":\"1\",\"Total\":0.1000000000000000055511151231257827}]}}",
        Wire.CheckPage.class);
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), read.data().items().get(0).total());
  }

  @Test
  void unknownPaymentAndOperationCodesReadAsUnknownInsteadOfFailing() throws IOException {
    var read = json.read("{\"Data\":{\"ShiftNumber\":1,\"ReportOn\":\"30.11.2026 10:00:00\","
        + "\"Sell\":{\"PaymentsByTypesApiModel\":[{\"Type\":7,\"Sum\":1.00},{\"Type\":4,\"Sum\":2.00}]}}}", Wire.Report.class);
    List<Wire.PaymentByType> payments = read.data().sell().payments();
    assertEquals(Wire.PaymentCode.UNKNOWN, payments.get(0).type());
    assertEquals(Wire.PaymentCode.MOBILE, payments.get(1).type());

    var item = json.read("{\"Data\":{\"Items\":[{\"Number\":\"1\",\"OperationType\":9}]}}", Wire.CheckPage.class);
    assertEquals(Wire.OperationCode.UNKNOWN, item.data().items().get(0).operationType());
  }

  @Test
  void errorsAreReadWithoutData() throws IOException {
    var read = json.read("{\"Errors\":[{\"Code\":14,\"Text\":\"Дубликат\"}]}", Wire.CheckData.class);
    assertNull(read.data());
    assertEquals(new Wire.Error(14, "Дубликат"), read.errors().get(0));
  }

  @Test
  void bodiesOfTheWrongShapeAreIoErrors() {
    assertThrows(IOException.class, () -> json.read("<html></html>", Wire.CheckData.class));
    assertThrows(IOException.class, () -> json.read("null", Wire.CheckData.class));
    assertThrows(IOException.class, () -> json.read("{\"Data\":{\"CheckOrderNumber\":\"abc\"}}", Wire.CheckData.class));
  }
}
