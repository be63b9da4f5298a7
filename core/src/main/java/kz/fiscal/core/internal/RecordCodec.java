package kz.fiscal.core.internal;

import java.util.List;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Operation;
import kz.fiscal.core.Payment;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Item.Principal;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.ReturnVatPolicy;
import kz.fiscal.core.Rounding;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;

/**
 * Writes receipts and fiscal results as compact JSON text for durable journals, and reads them back
 * exactly: {@code read(write(x)).equals(x)} for every value the model can hold (amounts at their scale,
 * times with their offset, absent optionals absent). JDK only. Thread-safe (stateless).
 *
 * <p>Format version 1, pinned by {@code RecordCodecTest}: an object whose first member is
 * {@code "v":1}, members named after the record components; amounts are decimal strings at their
 * scale ({@code "1250.50"}, quantities {@code "1.500"}); times ISO-8601 strings with their own offset;
 * enums by name; {@code Xin} by its digits; a {@code Unit} as {@code {"code":796,"name":"шт"}}; absent
 * optionals omitted (read back from an omitted or {@code null} member). Text is written as-is except
 * for JSON's escapes, control characters and lone surrogates, so it survives any UTF-8 column.
 *
 * <p>Reading is strict: malformed JSON, a missing, mistyped or unknown member, an unknown enum name, an
 * amount finer than its scale or another version throw {@link IllegalArgumentException} naming the
 * position or the member path (e.g. {@code receipt.items[2].unitPrice}), as do texts over 4 Mi
 * characters, nesting deeper than 32 and decimals over 10,000 characters. Writing refuses texts and
 * decimals over those limits too, so that whatever is written can be read back.
 */
public final class RecordCodec {
  /** The format version written, and the only one read. */
  static final int VERSION = 1;

  private RecordCodec() {}

  /**
   * The receipt as JSON.
   *
   * @throws IllegalArgumentException if the text would exceed what {@link #readReceipt} reads back
   */
  public static String writeReceipt(Receipt receipt) {
    JsonWriter w = new JsonWriter(384 + 256 * receipt.items().size());
    w.beginObject().member("v", VERSION).member("operation", receipt.operation());
    Seller seller = receipt.seller();
    w.name("seller").beginObject()
        .member("name", seller.name())
        .verbatim("xin", seller.xin().value())
        .member("address", seller.address())
        .member("vatPayer", seller.vatPayer());
    if (seller.vatCertificate().isPresent()) {
      VatCertificate certificate = seller.vatCertificate().get();
      w.name("vatCertificate").beginObject()
          .member("series", certificate.series()).member("number", certificate.number()).endObject();
    }
    w.member("taxRegime", seller.taxRegime()).endObject();
    if (receipt.operationTime().isPresent()) {
      w.member("operationTime", receipt.operationTime().get());
    }
    w.name("items").beginArray();
    for (Item item : receipt.items()) {
      writeItem(w, item);
    }
    w.endArray().name("modifiers").beginArray();
    for (Modifier modifier : receipt.modifiers()) {
      w.beginObject().member("kind", modifier.kind());
      amount(w, "amount", modifier.amount());
      w.member("text", modifier.text()).endObject();
    }
    w.endArray().name("payments").beginArray();
    for (Payment payment : receipt.payments()) {
      w.beginObject().member("type", payment.type());
      amount(w, "amount", payment.amount()).endObject();
    }
    Customer customer = receipt.customer();
    w.endArray().name("customer").beginObject()
        .member("email", customer.email())
        .member("phone", customer.phone())
        .member("xin", customer.xin().map(Xin::value))
        .endObject();
    if (receipt.returnBasis().isPresent()) {
      ReturnBasis basis = receipt.returnBasis().get();
      w.name("returnBasis").beginObject()
          .member("fiscalSign", basis.fiscalSign())
          .member("dateTime", basis.dateTime())
          .member("rnm", basis.rnm());
      amount(w, "total", basis.total()).member("offline", basis.offline()).endObject();
    }
    w.member("rounding", receipt.rounding());
    if (receipt.returnVatPolicy() != ReturnVatPolicy.ORIGINAL_SALE) {
      w.member("returnVatPolicy", receipt.returnVatPolicy()); // absent means the default, as in records before it
    }
    w.endObject();
    return finish(w, "Receipt");
  }

  /**
   * The receipt {@link #writeReceipt} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static Receipt readReceipt(String json) {
    JsonObject r = JsonObject.parse(json, "receipt");
    version(r);
    Operation operation = r.enumeration("operation", Operation.values());
    Seller seller = readSeller(r.object("seller"));
    var operationTime = r.optionalTime("operationTime");
    List<Item> items = r.objects("items", RecordCodec::readItem);
    List<Modifier> modifiers = r.objects("modifiers", m -> {
      Modifier.Kind kind = m.enumeration("kind", Modifier.Kind.values());
      Tenge amount = m.decimal("amount", Tenge::of);
      String text = m.string("text");
      return m.finish(() -> new Modifier(kind, amount, text));
    });
    List<Payment> payments = r.objects("payments", p -> {
      PaymentType type = p.enumeration("type", PaymentType.values());
      Tenge amount = p.decimal("amount", Tenge::of);
      return p.finish(() -> new Payment(type, amount));
    });
    JsonObject c = r.object("customer");
    var email = c.optionalString("email");
    var phone = c.optionalString("phone");
    var xin = c.optionalString("xin", Xin::parse);
    Customer customer = c.finish(() -> new Customer(email, phone, xin));
    var returnBasis = r.optionalObject("returnBasis").map(b -> {
      String fiscalSign = b.string("fiscalSign");
      var dateTime = b.time("dateTime");
      String rnm = b.string("rnm");
      Tenge total = b.decimal("total", Tenge::of);
      boolean offline = b.bool("offline");
      return b.finish(() -> new ReturnBasis(fiscalSign, dateTime, rnm, total, offline));
    });
    Rounding rounding = r.enumeration("rounding", Rounding.values());
    ReturnVatPolicy policy = r.optionalString("returnVatPolicy", ReturnVatPolicy::valueOf)
        .orElse(ReturnVatPolicy.ORIGINAL_SALE);
    return r.finish(() -> new Receipt(operation, seller, operationTime, items, modifiers, payments, customer,
        returnBasis, rounding, policy));
  }

  /**
   * The result as JSON.
   *
   * @throws IllegalArgumentException if the text would exceed what {@link #readResult} reads back
   */
  public static String writeResult(FiscalResult result) {
    JsonWriter w = new JsonWriter(384);
    w.beginObject().member("v", VERSION)
        .member("fiscalSign", result.fiscalSign())
        .member("checkNumber", result.checkNumber())
        .member("shiftNumber", result.shiftNumber())
        .member("rnm", result.rnm())
        .member("registerSerial", result.registerSerial())
        .member("dateTime", result.dateTime());
    amount(w, "total", result.total()).member("offline", result.offline());
    Ofd ofd = result.ofd();
    w.name("ofd").beginObject()
        .member("name", ofd.name()).member("code", ofd.code()).member("verificationHost", ofd.verificationHost())
        .endObject()
        .member("verificationUrl", result.verificationUrl())
        .member("providerReference", result.providerReference())
        .member("register", result.register().map(RegisterId::toString))
        .endObject();
    return finish(w, "Fiscal result");
  }

  /**
   * The result {@link #writeResult} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static FiscalResult readResult(String json) {
    JsonObject r = JsonObject.parse(json, "result");
    version(r);
    var fiscalSign = r.optionalString("fiscalSign");
    long checkNumber = r.integer("checkNumber", 0, Long.MAX_VALUE);
    long shiftNumber = r.integer("shiftNumber", 0, Long.MAX_VALUE);
    String rnm = r.string("rnm");
    var registerSerial = r.optionalString("registerSerial");
    var dateTime = r.time("dateTime");
    Tenge total = r.decimal("total", Tenge::of);
    boolean offline = r.bool("offline");
    JsonObject o = r.object("ofd");
    String ofdName = o.string("name");
    int ofdCode = (int) o.integer("code", 0, Integer.MAX_VALUE);
    String host = o.string("verificationHost");
    Ofd ofd = o.finish(() -> new Ofd(ofdName, ofdCode, host));
    var verificationUrl = r.optionalString("verificationUrl");
    var providerReference = r.optionalString("providerReference");
    var register = r.optionalString("register", RegisterId::parse);
    return r.finish(() -> new FiscalResult(fiscalSign, checkNumber, shiftNumber, rnm, registerSerial, dateTime,
        total, offline, ofd, verificationUrl, providerReference, register));
  }

  private static void writeItem(JsonWriter w, Item item) {
    w.beginObject()
        .member("name", item.name())
        .member("nktCode", item.nktCode())
        .member("ntin", item.ntin())
        .member("gtin", item.gtin());
    decimal(w, "quantity", item.quantity().value().toPlainString());
    w.name("unit").beginObject().member("code", item.unit().code()).member("name", item.unit().name()).endObject();
    amount(w, "unitPrice", item.unitPrice());
    amount(w, "discount", item.discount());
    amount(w, "markup", item.markup());
    w.member("vat", item.vat()).member("section", item.section()).name("markingCodes").beginArray();
    for (String code : item.markingCodes()) {
      w.value(code);
    }
    w.endArray();
    if (item.principal().isPresent()) {
      Principal principal = item.principal().get();
      w.name("principal").beginObject()
          .member("name", principal.name()).verbatim("xin", principal.xin().value()).endObject();
    }
    w.endObject();
  }

  private static Item readItem(JsonObject i) {
    String name = i.string("name");
    var nktCode = i.optionalString("nktCode");
    var ntin = i.optionalString("ntin");
    var gtin = i.optionalString("gtin");
    Quantity quantity = i.decimal("quantity", Quantity::of);
    JsonObject u = i.object("unit");
    int unitCode = (int) u.integer("code", 1, Integer.MAX_VALUE);
    String unitName = u.string("name");
    Unit unit = u.finish(() -> new Unit(unitCode, unitName));
    Tenge unitPrice = i.decimal("unitPrice", Tenge::of);
    Tenge discount = i.decimal("discount", Tenge::of);
    Tenge markup = i.decimal("markup", Tenge::of);
    VatRate vat = i.enumeration("vat", VatRate.values());
    int section = (int) i.integer("section", 0, Integer.MAX_VALUE);
    List<String> markingCodes = i.strings("markingCodes");
    var principal = i.optionalObject("principal").map(p -> {
      String principalName = p.string("name");
      Xin xin = p.string("xin", Xin::parse);
      return p.finish(() -> new Principal(principalName, xin));
    });
    return i.finish(() -> new Item(name, nktCode, ntin, gtin, quantity, unit, unitPrice, discount, markup, vat,
        section, markingCodes, principal));
  }

  private static Seller readSeller(JsonObject s) {
    String name = s.string("name");
    Xin xin = s.string("xin", Xin::parse);
    String address = s.string("address");
    boolean vatPayer = s.bool("vatPayer");
    var certificate = s.optionalObject("vatCertificate").map(c -> {
      String series = c.string("series");
      String number = c.string("number");
      return c.finish(() -> new VatCertificate(series, number));
    });
    TaxRegime taxRegime = s.enumeration("taxRegime", TaxRegime.values());
    return s.finish(() -> new Seller(name, xin, address, vatPayer, certificate, taxRegime));
  }

  private static void version(JsonObject r) {
    long version = r.integer("v", 0, Long.MAX_VALUE);
    if (version != VERSION) {
      throw r.error("v", "unsupported format version " + version + ", this SDK reads version " + VERSION);
    }
  }

  private static JsonWriter amount(JsonWriter w, String name, Tenge amount) {
    return decimal(w, name, amount.amount().toPlainString());
  }

  private static JsonWriter decimal(JsonWriter w, String name, String plain) {
    if (plain.length() > JsonObject.MAX_DECIMAL) {
      throw new IllegalArgumentException(
          name + " has " + plain.length() + " characters, more than the " + JsonObject.MAX_DECIMAL + " read back");
    }
    return w.verbatim(name, plain);
  }

  private static String finish(JsonWriter w, String what) {
    if (w.length() > JsonParser.MAX_LENGTH) {
      throw new IllegalArgumentException(what + " JSON would have " + w.length() + " characters, more than the "
          + JsonParser.MAX_LENGTH + " read back");
    }
    return w.toString();
  }
}
