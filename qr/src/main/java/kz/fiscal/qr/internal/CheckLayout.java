package kz.fiscal.qr.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Payment;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.qr.VerificationUrl;
import kz.fiscal.qr.internal.Block.Line;
import kz.fiscal.qr.internal.Block.Pair;
import kz.fiscal.qr.internal.Block.Qr;
import kz.fiscal.qr.internal.Block.Rule;
import kz.fiscal.qr.internal.Block.Title;

/**
 * Lays out every requisite of docs/kz-fiscal-rules.md §6 as {@link Block}s, in the order a check prints them.
 * The buyer's e-mail and phone are masked (personal data), an IIN too; a BIN is shown. Stateless; not API.
 */
public final class CheckLayout {
  /** «ФИСКАЛЬНЫЙ ЧЕК» in Russian and Kazakh. */
  public static final String FISCAL_CHECK = "ФИСКАЛЬНЫЙ ЧЕК";
  public static final String FISCAL_CHECK_KK = "ФИСКАЛДЫҚ ЧЕК";
  /** The mark of a check made without a link to the OFD. */
  public static final String OFFLINE_MARK = "АВТОНОМНЫЙ РЕЖИМ";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);

  private CheckLayout() {}

  /** The blocks of the e-check of {@code receipt} as {@code result} fiscalized it, its QR encoding {@code url}. */
  public static List<Block> blocks(Receipt receipt, FiscalResult result, VerificationUrl url) {
    List<Block> blocks = new ArrayList<>(receipt.items().size() * 5 + 40);
    Seller seller = receipt.seller();
    blocks.add(new Title(clean(seller.name())));
    blocks.add(new Line(clean(seller.address())));
    blocks.add(pair(seller.xin().kind().isBin() ? "БИН" : "ИИН", seller.xin().value()));
    seller.vatCertificate().ifPresent(c -> blocks.add(
        pair("Свидетельство НДС", "серия " + clean(c.series()) + " № " + clean(c.number()))));
    blocks.add(new Rule());
    blocks.add(new Title(FISCAL_CHECK));
    blocks.add(new Title(FISCAL_CHECK_KK));
    blocks.add(new Title(operation(receipt)));
    if (result.offline()) {
      blocks.add(new Title(OFFLINE_MARK));
    }
    blocks.add(pair("ЗНМ", result.registerSerial().map(CheckLayout::clean).orElse("не сообщён")));
    blocks.add(pair("РНМ", clean(result.rnm())));
    blocks.add(pair("Чек №", Long.toString(result.checkNumber())));
    blocks.add(pair("Смена №", Long.toString(result.shiftNumber())));
    blocks.add(pair("Дата и время", TIME.format(result.dateTime())));
    blocks.add(new Rule());
    for (int i = 0; i < receipt.items().size(); i++) {
      items(blocks, receipt, i);
    }
    blocks.add(new Rule());
    for (int m = 0; m < receipt.modifiers().size(); m++) {
      Modifier modifier = receipt.modifiers().get(m);
      String label = modifier.kind() == Modifier.Kind.DISCOUNT ? "Скидка" : "Наценка";
      String sign = modifier.kind() == Modifier.Kind.DISCOUNT ? "-" : "+";
      // What the total counts (whole tenge with EVERY_ITEM), so the lines add up to ИТОГО.
      blocks.add(pair(modifier.text().isBlank() ? label : label + ": " + clean(modifier.text()),
          sign + receipt.modifierAmount(m)));
    }
    blocks.add(new Pair("ИТОГО", receipt.total().toString(), true));
    for (Payment payment : receipt.payments()) {
      blocks.add(pair(payment(payment), payment.amount().toString()));
    }
    blocks.add(pair("Сдача", receipt.change().toString()));
    vat(blocks, receipt);
    receipt.returnBasis().ifPresent(basis -> returnBasis(blocks, basis));
    customer(blocks, receipt.customer());
    blocks.add(new Rule());
    blocks.add(pair("ОФД", clean(result.ofd().name())));
    blocks.add(pair("Проверка чека", clean(url.host())));
    blocks.add(pair("Фискальный признак", url.fiscalSign()));
    blocks.add(new Qr(clean(url.text())));
    return blocks;
  }

  private static void items(List<Block> blocks, Receipt receipt, int index) {
    Item item = receipt.items().get(index);
    blocks.add(new Line((index + 1) + ". " + clean(item.name())));
    blocks.add(pair(item.quantity() + " " + item.unit().name() + " × " + item.unitPrice(),
        receipt.itemSum(index).toString()));
    if (!item.discount().isZero()) {
      blocks.add(pair("Скидка", "-" + item.discount()));
    }
    if (!item.markup().isZero()) {
      blocks.add(pair("Наценка", "+" + item.markup()));
    }
    if (receipt.seller().vatPayer() && item.vat().isVat()) {
      blocks.add(pair("НДС " + item.vat().percent() + "%", receipt.itemVat(index).toString()));
    }
    item.nktCode().ifPresent(code -> blocks.add(pair("Код НКТ", clean(code))));
    for (String code : item.markingCodes()) {
      blocks.add(pair("Код маркировки", clean(code)));
    }
    item.principal().ifPresent(p -> blocks.add(pair("Принципал", clean(p.name()) + ", " + p.xin())));
  }

  private static void vat(List<Block> blocks, Receipt receipt) {
    Map<VatRate, Tenge> byRate = receipt.vatByRate();
    if (!receipt.seller().vatPayer() || byRate.isEmpty()) {
      blocks.add(new Line("Без НДС"));
      return;
    }
    for (VatRate rate : VatRate.values()) {
      Tenge vat = byRate.get(rate);
      if (vat != null) {
        blocks.add(pair("в т.ч. НДС " + rate.percent() + "%", vat.toString()));
      }
    }
  }

  private static void returnBasis(List<Block> blocks, ReturnBasis basis) {
    blocks.add(new Line("Основание возврата:"));
    blocks.add(pair("ФП чека", clean(basis.fiscalSign())));
    blocks.add(pair("РНМ", clean(basis.rnm())));
    blocks.add(pair("Дата и время", TIME.format(KzTime.of(basis.dateTime()))));
    blocks.add(pair("Сумма", basis.total().toString()));
  }

  private static void customer(List<Block> blocks, Customer customer) {
    customer.xin().ifPresent(xin -> blocks.add(pair("ИИН/БИН покупателя", xin.toString())));
    customer.email().ifPresent(email -> blocks.add(pair("E-mail покупателя", maskEmail(clean(email)))));
    customer.phone().ifPresent(phone -> blocks.add(pair("Телефон покупателя", maskPhone(clean(phone)))));
  }

  private static String operation(Receipt receipt) {
    return switch (receipt.operation()) {
      case SALE -> "ПРОДАЖА";
      case SALE_RETURN -> "ВОЗВРАТ ПРОДАЖИ";
      case PURCHASE -> "ПОКУПКА";
      case PURCHASE_RETURN -> "ВОЗВРАТ ПОКУПКИ";
    };
  }

  private static String payment(Payment payment) {
    return switch (payment.type()) {
      case CASH -> "Наличные";
      case CARD -> "Банковская карта";
      case MOBILE -> "Мобильный платёж";
    };
  }

  /** {@code b***@example.kz}: the first character of the mailbox and the domain. */
  static String maskEmail(String email) {
    int at = email.lastIndexOf('@');
    return at < 1 ? "***" : email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
  }

  /** {@code +*******4567}: every digit but the last four hidden. */
  static String maskPhone(String phone) {
    int digits = (int) phone.chars().filter(Character::isDigit).count();
    StringBuilder masked = new StringBuilder(phone.length());
    int seen = 0;
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      boolean digit = Character.isDigit(c);
      masked.append(digit && seen++ < digits - 4 ? '*' : c);
    }
    return masked.toString();
  }

  private static Pair pair(String label, String value) {
    return new Pair(label, value, false);
  }

  /** {@code text} with line and paragraph separators, tabs and other control characters turned into spaces. */
  static String clean(String text) {
    StringBuilder cleaned = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (cleaned == null) {
          cleaned = new StringBuilder(text);
        }
        cleaned.setCharAt(i, ' ');
      }
    }
    return cleaned == null ? text : cleaned.toString();
  }
}
