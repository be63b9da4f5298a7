package kz.fiscal.testkit.internal.shtrih;

import static kz.fiscal.testkit.internal.shtrih.DeviceError.check;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.fiscal.testkit.RegistrarDocument;

/**
 * Check commands (docs/serial-shtrih.md §7.2): 80/82 register a line, 89 subtotal, 85/FF45 close, 88 cancel, FFF0
 * return basis, with their state and parameter checks in the spec's order. Called by
 * {@link FiscalCommands} under the state's lock, after the common checks.
 */
final class CheckCommands {
  static final long MAX_AMOUNT = 9_999_999_999L;
  private static final int TEXT_SIZE = 40;
  private static final int MAX_CLOSE_TEXT = 64;

  private final FiscalState s;

  CheckCommands(FiscalState s) {
    this.s = s;
  }

  byte[] line(Request r, int operator) {
    boolean saleReturn = r.command == 0x82;
    check(!s.shiftOpen(), s.settings.shiftNotOpenCode());
    check(s.check.isEmpty() && s.shiftExpired(), DeviceError.SHIFT_EXPIRED);
    s.check.ifPresent(c -> {
      check(c.saleReturn != saleReturn, DeviceError.OTHER_CHECK_TYPE);
      check(!c.actsOn(operator), DeviceError.OTHER_OPERATOR);
    });
    long quantity = r.le(4, 5);
    long price = r.le(9, 5);
    int department = r.u8(14);
    check(quantity == 0, DeviceError.BAD_PARAMETERS);
    check(quantity > MAX_AMOUNT, 0x62);
    check(price > MAX_AMOUNT, 0x61);
    check(department > 16, 0x63);
    int group = 0;
    for (int i = 15; i <= 18; i++) {
      int tax = r.u8(i);
      check(tax > 4 || (tax != 0 && group != 0), DeviceError.BAD_PARAMETERS);
      group = tax != 0 ? tax : group;
    }
    long product = quantity * price;
    // the line sum (product + 500) / 1000 exceeds the largest amount exactly when product >= MAX · 1000 + 500
    check(Math.multiplyHigh(quantity, price) != 0 || product < 0 || product >= MAX_AMOUNT * 1000 + 500, 0x60);
    long sum = (product + 500) / 1000;
    long subtotal = s.check.map(c -> c.subtotal).orElse(0L) + sum;
    check(subtotal > MAX_AMOUNT, DeviceError.TOTAL_OVERFLOW);
    check(s.check.map(c -> c.lines.size()).orElse(0) + 1 > s.settings.maxLines(), DeviceError.TOO_MANY_LINES);
    OpenCheck open = s.check.orElseGet(() -> new OpenCheck(saleReturn, operator));
    open.lines.add(new RegistrarDocument.Line(quantity, price, department, group, r.text(19, TEXT_SIZE), sum));
    open.subtotal = subtotal;
    s.check = Optional.of(open);
    s.print(r.command);
    return new AnswerBody(r.command).u8(operator).toBytes();
  }

  byte[] subtotal(int operator) {
    OpenCheck open = s.check.orElseThrow(() -> new DeviceError(DeviceError.NO_CHECK));
    return new AnswerBody(0x89).u8(operator).le(open.subtotal, 5).toBytes();
  }

  byte[] cancel(int operator) {
    OpenCheck open = s.check.orElseThrow(() -> new DeviceError(DeviceError.NO_CHECK));
    check(!open.actsOn(operator), DeviceError.OTHER_OPERATOR);
    s.check = Optional.empty();
    s.advanceDocRunning();
    s.print(0x88);
    return new AnswerBody(0x88).u8(operator).toBytes();
  }

  /** 85 and FF45: the check becomes the fiscal document {@code fdLast + 1}. */
  byte[] close(Request r, int operator) {
    boolean extended = r.command == 0xFF45;
    OpenCheck open = s.check.orElseThrow(() -> new DeviceError(DeviceError.NO_CHECK));
    check(!open.actsOn(operator), DeviceError.OTHER_OPERATOR);
    if (!extended) {
      check(r.le(24, 2) != 0 || r.le(26, 4) != 0, DeviceError.BAD_PARAMETERS);
    }
    List<Long> payments = new ArrayList<>();
    for (int slot = 0; slot < (extended ? 16 : 4); slot++) {
      long paid = r.le(4 + 5 * slot, 5);
      check(paid > MAX_AMOUNT, slot < 4 ? 0x41 + slot : DeviceError.BAD_PARAMETERS);
      payments.add(paid);
    }
    check(payments.subList(3, payments.size()).stream().anyMatch(p -> p != 0), DeviceError.BAD_PARAMETERS);
    int rounding = extended ? r.u8(84) : 0;
    int taxSystem = extended ? r.u8(115) : 0;
    check(rounding > 99 || rounding > open.subtotal, DeviceError.BAD_PARAMETERS);
    check(extended && Integer.bitCount(taxSystem) != 1, DeviceError.BAD_PARAMETERS);
    check(open.subtotal == 0, DeviceError.ZERO_TOTAL);
    long payable = open.subtotal - rounding;
    long paid = payments.stream().mapToLong(Long::longValue).sum();
    check(paid < payable, 0x45);
    check(payments.get(1) + payments.get(2) > payable, DeviceError.NON_CASH_TOO_LARGE);
    check(extended && r.data.length - 116 > MAX_CLOSE_TEXT, DeviceError.BAD_PARAMETERS);

    RegistrarDocument signed = s.document(RegistrarDocument.Type.CHECK, open.saleReturn ? 2 : 1, payable, operator);
    RegistrarDocument doc = new RegistrarDocument(signed.fd(), signed.type(), signed.dateTime(), signed.fiscalSign(),
        signed.fs32(), signed.operation(), payable, open.lines, payments, paid - payable, rounding, vat(open),
        taxSystem, s.shiftNumber, s.receiptNo + 1, operator, open.basis, s.ofdOffline);
    s.store(doc);
    s.receiptNo++;
    s.advanceDocRunning();
    s.check = Optional.empty();
    s.print(r.command);
    if (!extended) {
      return new AnswerBody(0x85).u8(operator).le(doc.changeTiyn(), 5).toBytes();
    }
    AnswerBody answer = new AnswerBody(0xFF45).le(doc.changeTiyn(), 5).le(doc.fd(), 4).le(doc.fs32(), 4)
        .dateTime5(doc.dateTime());
    return (s.kzTail ? answer.kzTail(doc.fiscalSign(), doc.offline()) : answer).toBytes();
  }

  /** FFF0 [EXT]: stores the original check's basis in the open return check. */
  byte[] returnBasis(Request r) {
    OpenCheck open = s.check.orElseThrow(() -> new DeviceError(DeviceError.NO_CHECK));
    check(!open.saleReturn, DeviceError.OTHER_CHECK_TYPE);
    String rnm = new String(r.data, 18, 12, java.nio.charset.StandardCharsets.ISO_8859_1);
    check(!rnm.matches("[0-9]{12}"), DeviceError.BAD_PARAMETERS);
    LocalDateTime at;
    try {
      at = LocalDateTime.of(2000 + r.u8(12), r.u8(13), r.u8(14), r.u8(15), r.u8(16), r.u8(17));
    } catch (java.time.DateTimeException e) {
      throw new DeviceError(DeviceError.BAD_PARAMETERS);
    }
    open.basis = Optional.of(new RegistrarDocument.ReturnBasis(r.le(4, 8), at, rnm, r.le(30, 5), r.u8(35) == 1));
    return new AnswerBody(0xFFF0).toBytes();
  }

  /** VAT per tax group, computed per line (§2.1) at the configured rates. */
  private Map<Integer, Long> vat(OpenCheck open) {
    Map<Integer, Long> byGroup = new TreeMap<>();
    for (RegistrarDocument.Line line : open.lines) {
      if (line.taxGroup() != 0) {
        int rate = s.settings.taxRate(line.taxGroup());
        long vat = (2 * line.sumTiyn() * rate + (10_000 + rate)) / (2L * (10_000 + rate));
        byGroup.merge(line.taxGroup(), vat, Long::sum);
      }
    }
    return byGroup;
  }
}
