package kz.fiscal.core.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.Customer;
import kz.fiscal.core.Item;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Modifier;
import kz.fiscal.core.Payment;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReturnVatPolicy;
import kz.fiscal.core.ReturnBasis;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;

/**
 * SHA-256 over a canonical text form of a receipt: equal receipts, however built, give equal digests;
 * any change of a field that reaches the check gives another. Amounts are written at their fixed scale
 * and times as instants, so {@code 1.5} and {@code 1.50}, or the same moment at two offsets, agree.
 */
public final class ReceiptDigest {
  private static final HexFormat HEX = HexFormat.of();
  /** Never used itself, only copied; null when the platform lacks SHA-256 (then every digest says so). */
  private static final MessageDigest PROTOTYPE = prototype();

  private ReceiptDigest() {}

  private static MessageDigest prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** The digest of {@code receipt}, 64 hex characters. */
  public static String of(Receipt receipt) {
    return of(canonical(receipt));
  }

  static String of(String canonical) {
    return HEX.formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  /** A fresh SHA-256: a copy of the prototype, which skips the provider lookup of {@code getInstance}. */
  private static MessageDigest sha256() {
    if (PROTOTYPE != null) {
      try {
        return (MessageDigest) PROTOTYPE.clone();
      } catch (CloneNotSupportedException e) {
        // a provider whose digests cannot be copied: look one up each time
      }
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** The canonical form: one field after another, each text length-prefixed so no separator can be forged. */
  static String canonical(Receipt r) {
    StringBuilder b = new StringBuilder(512);
    b.append("v1|op=").append(r.operation().code());
    Seller s = r.seller();
    text(b, "seller", s.name());
    text(b, "xin", s.xin().value());
    text(b, "addr", s.address());
    b.append("|vat=").append(s.vatPayer()).append("|regime=").append(s.taxRegime());
    s.vatCertificate().ifPresent(c -> {
      text(b, "certS", c.series());
      text(b, "certN", c.number());
    });
    r.operationTime().ifPresent(t -> b.append("|time=").append(KzTime.of(t).toInstant()));
    b.append("|round=").append(r.rounding().code());
    if (r.returnVatPolicy() != ReturnVatPolicy.ORIGINAL_SALE) {
      b.append("|vatPolicy=").append(r.returnVatPolicy()); // absent for the default: older digests stay valid
    }
    for (Item item : r.items()) {
      b.append("|item");
      text(b, "name", item.name());
      optional(b, "nkt", item.nktCode());
      optional(b, "ntin", item.ntin());
      optional(b, "gtin", item.gtin());
      b.append("|q=").append(item.quantity().value().toPlainString())
          .append("|u=").append(item.unit().code())
          .append("|p=");
      tenge(b, item.unitPrice());
      b.append("|d=");
      tenge(b, item.discount());
      b.append("|m=");
      tenge(b, item.markup());
      b.append("|vat=").append(item.vat().name())
          .append("|sec=").append(item.section());
      list(b, "mark", item.markingCodes());
      item.principal().ifPresent(p -> {
        text(b, "principal", p.name());
        text(b, "pxin", p.xin().value());
      });
    }
    for (Modifier m : r.modifiers()) {
      b.append("|mod=").append(m.kind().code()).append(':');
      tenge(b, m.amount());
      text(b, "text", m.text());
    }
    for (Payment p : r.payments()) {
      b.append("|pay=").append(p.type().code()).append(':');
      tenge(b, p.amount());
    }
    Customer c = r.customer();
    optional(b, "email", c.email());
    optional(b, "phone", c.phone());
    c.xin().ifPresent(x -> text(b, "cxin", x.value()));
    if (r.returnBasis().isPresent()) {
      ReturnBasis basis = r.returnBasis().get();
      text(b, "basis", basis.fiscalSign());
      b.append("|bt=").append(basis.dateTime().toInstant());
      text(b, "brnm", basis.rnm());
      b.append("|btotal=").append(basis.total()).append("|boff=").append(basis.offline());
    }
    return b.toString();
  }

  /**
   * The amount as {@link Tenge#toString()} writes it ({@code 1250.50}), without the intermediate
   * strings of {@code BigDecimal.toPlainString} for the amounts a long holds.
   */
  static void tenge(StringBuilder b, Tenge tenge) {
    BigDecimal amount = tenge.amount();
    if (amount.scale() != 2 || amount.precision() > 18) {
      b.append(amount.toPlainString());
      return;
    }
    long tiyn = amount.unscaledValue().longValue();
    long cents = tiyn % 100;
    b.append(tiyn / 100).append('.').append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
  }

  private static void text(StringBuilder b, String tag, String value) {
    b.append('|').append(tag).append('=').append(value.length()).append(':').append(value);
  }

  private static void optional(StringBuilder b, String tag, Optional<String> value) {
    if (value.isPresent()) {
      text(b, tag, value.get());
    }
  }

  private static void list(StringBuilder b, String tag, List<String> values) {
    for (String value : values) {
      text(b, tag, value);
    }
  }
}
