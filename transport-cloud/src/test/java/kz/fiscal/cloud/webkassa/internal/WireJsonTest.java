package kz.fiscal.cloud.webkassa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireJsonTest {
  private static final Wire.Position SPARSE = new Wire.Position(BigDecimal.ONE, BigDecimal.TEN, null, BigDecimal.ZERO,
      0, "x", null, null, null, null, 796, null, null, null, null);
  private final WireJson json = new WireJson();

  @Test
  void amountsAreWrittenAsPlainJsonNumbersWithTheirScale() {
    String written = json.write(new Wire.Payment(new BigDecimal("500.00"), 1));
    assertEquals("{\"Sum\":500.00,\"PaymentType\":1}", written);
    assertEquals("{\"Sum\":1000,\"PaymentType\":0}", json.write(new Wire.Payment(new BigDecimal("1E+3"), 0)));
  }

  @Test
  void checkRequestsAreWrittenAsTheRecordAdapterWritesThem() {
    JsonAdapter<Wire.CheckRequest> reflective = new Moshi.Builder()
        .add(BigDecimal.class, new JsonAdapter<BigDecimal>() {
          @Override
          public BigDecimal fromJson(JsonReader reader) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            if (value == null) {
              writer.nullValue();
            } else {
              writer.value(value.scale() < 0 ? value.setScale(0) : value);
            }
          }
        })
        .build().adapter(Wire.CheckRequest.class);
    Wire.CheckRequest everything = everything();
    Wire.CheckRequest least = new Wire.CheckRequest(null, "SWK1", 2, List.of(SPARSE), null, List.of(), BigDecimal.ZERO,
        0, "key-2", null, null, null, null);
    for (Wire.CheckRequest request : List.of(everything, least, everything.withToken("другой"))) {
      assertEquals(reflective.toJson(request), json.write(request));
    }
  }

  /** A request with every field of every record set, one sparse position and one sparse modifier beside them. */
  private static Wire.CheckRequest everything() {
    Wire.Position full = new Wire.Position(new BigDecimal("2.5"), new BigDecimal("1250.50"), 16, new BigDecimal("1E+2"),
        100, "Товар \"1\"\n", "P1", new BigDecimal("1.00"), new BigDecimal("2.00"), 3, 796, "mark", List.of("a", "b"),
        "4600000000000", "NTIN");
    return new Wire.CheckRequest("token", "SWK1", 2, List.of(full, SPARSE),
        List.of(new Wire.TicketModifier(new BigDecimal("5.00"), "Скидка", 1, 100, 16, new BigDecimal("0.69")),
            new Wire.TicketModifier(new BigDecimal("5.00"), "x", 2, 0, null, null)),
        List.of(new Wire.Payment(new BigDecimal("500.00"), 1)), new BigDecimal("0.00"), 0, "key-1", "a@b.kz",
        "+77011234567", "150740001357",
        new Wire.ReturnBasisDetails("123", "2024-03-01T10:00:00+05:00", "010101010101", new BigDecimal("9.99"), true));
  }

  @Test
  void theHandWrittenCheckRequestWriterLeavesNoFieldOfItsRecordsOut() {
    String written = new WireJson().write(everything());
    for (Class<?> type : List.of(Wire.CheckRequest.class, Wire.Position.class, Wire.TicketModifier.class,
        Wire.Payment.class, Wire.ReturnBasisDetails.class)) {
      for (RecordComponent component : type.getRecordComponents()) {
        String name = component.getAnnotation(Json.class).name();
        assertTrue(written.contains("\"" + name + "\":"), type.getSimpleName() + "." + name
            + " is not written: CheckRequestAdapter must write every component (and everything() set it)");
      }
    }
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
