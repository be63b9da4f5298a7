package kz.fiscal.cloud.webkassa.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes {@code /check} requests by hand, the one body sent for every check: the JSON Moshi's record
 * adapter writes (fields in component order, nulls left out, amounts as {@link WireJson} writes them),
 * without its reflective accessor calls. Reading is left to {@code delegate}. Thread-safe.
 */
final class CheckRequestAdapter extends JsonAdapter<Wire.CheckRequest> {
  private final JsonAdapter<Wire.CheckRequest> delegate;

  CheckRequestAdapter(JsonAdapter<Wire.CheckRequest> delegate) {
    this.delegate = delegate;
  }

  @Override
  public Wire.CheckRequest fromJson(JsonReader reader) throws IOException {
    return delegate.fromJson(reader);
  }

  @Override
  public void toJson(JsonWriter writer, Wire.CheckRequest r) throws IOException {
    if (r == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    writer.name("Token").value(r.token());
    writer.name("CashboxUniqueNumber").value(r.cashboxUniqueNumber());
    writer.name("OperationType").value(r.operationType());
    writer.name("Positions");
    array(writer, r.positions(), CheckRequestAdapter::position);
    writer.name("TicketModifiers");
    array(writer, r.ticketModifiers(), CheckRequestAdapter::modifier);
    writer.name("Payments");
    array(writer, r.payments(), CheckRequestAdapter::payment);
    writer.name("Change");
    decimal(writer, r.change());
    writer.name("RoundType").value(r.roundType());
    writer.name("ExternalCheckNumber").value(r.externalCheckNumber());
    writer.name("CustomerEmail").value(r.customerEmail());
    writer.name("CustomerPhone").value(r.customerPhone());
    writer.name("CustomerXin").value(r.customerXin());
    writer.name("ReturnBasisDetails");
    returnBasis(writer, r.returnBasisDetails());
    writer.endObject();
  }

  private static void position(JsonWriter writer, Wire.Position p) throws IOException {
    if (p == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    writer.name("Count");
    decimal(writer, p.count());
    writer.name("Price");
    decimal(writer, p.price());
    writer.name("TaxPercent").value(p.taxPercent());
    writer.name("Tax");
    decimal(writer, p.tax());
    writer.name("TaxType").value(p.taxType());
    writer.name("PositionName").value(p.positionName());
    writer.name("PositionCode").value(p.positionCode());
    writer.name("Discount");
    decimal(writer, p.discount());
    writer.name("Markup");
    decimal(writer, p.markup());
    writer.name("SectionCode").value(p.sectionCode());
    writer.name("UnitCode").value(p.unitCode());
    writer.name("Mark").value(p.mark());
    writer.name("MarkList");
    array(writer, p.markList(), JsonWriter::value);
    writer.name("GTIN").value(p.gtin());
    writer.name("NTIN").value(p.ntin());
    writer.endObject();
  }

  private static void modifier(JsonWriter writer, Wire.TicketModifier m) throws IOException {
    if (m == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    writer.name("Sum");
    decimal(writer, m.sum());
    writer.name("Text").value(m.text());
    writer.name("Type").value(m.type());
    writer.name("TaxType").value(m.taxType());
    writer.name("TaxPercent").value(m.taxPercent());
    writer.name("Tax");
    decimal(writer, m.tax());
    writer.endObject();
  }

  private static void payment(JsonWriter writer, Wire.Payment p) throws IOException {
    if (p == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    writer.name("Sum");
    decimal(writer, p.sum());
    writer.name("PaymentType").value(p.paymentType());
    writer.endObject();
  }

  private static void returnBasis(JsonWriter writer, Wire.ReturnBasisDetails b) throws IOException {
    if (b == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    writer.name("CheckNumber").value(b.checkNumber());
    writer.name("DateTime").value(b.dateTime());
    writer.name("RegistrationNumber").value(b.registrationNumber());
    writer.name("Total");
    decimal(writer, b.total());
    writer.name("IsOffline").value(b.isOffline());
    writer.endObject();
  }

  /** Writes one element of an array. */
  @FunctionalInterface
  private interface Element<T> {
    void write(JsonWriter writer, T value) throws IOException;
  }

  private static <T> void array(JsonWriter writer, List<T> values, Element<T> element) throws IOException {
    if (values == null) {
      writer.nullValue();
      return;
    }
    writer.beginArray();
    for (T value : values) {
      element.write(writer, value);
    }
    writer.endArray();
  }

  /** As {@link WireJson}'s decimal adapter: plain notation, never an exponent. */
  private static void decimal(JsonWriter writer, BigDecimal value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(WireJson.plain(value));
    }
  }
}
