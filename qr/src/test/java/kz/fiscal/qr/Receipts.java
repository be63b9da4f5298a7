package kz.fiscal.qr;

import kz.fiscal.core.Customer;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Seller.TaxRegime;
import kz.fiscal.core.Seller.VatCertificate;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;

/** Receipts the e-check tests share. */
final class Receipts {
  static final Seller VAT_PAYER = Seller.vatPayer("ТОО «Демо Маркет»", Xin.parse("150740001357"),
      "г. Алматы, пр. Абая, 10", new VatCertificate("60001", "1234567"));
  static final Seller NON_VAT_PAYER = Seller.nonVatPayer("ИП «Ромашка»", Xin.parse("181040037076"),
      "г. Астана, ул. Кенесары, 5", TaxRegime.SIMPLIFIED);
  static final String MARKING_CODE = "0104600439931256215Nwc1dJgXJ5.T";

  private Receipts() {}

  /**
   * Tea 2 × 1 250.50 = 2 501.00 (VAT 344.97) and marked goods 1 × 1 000.00 (VAT 137.93), total
   * 3 501.00, paid 3 000.00 by card and 1 000.00 in cash, change 499.00.
   */
  static Receipt.Builder sale(Seller seller) {
    VatRate rate = seller.vatPayer() ? VatRate.SIXTEEN : VatRate.NO_VAT;
    return Receipt.sale(seller)
        .operationTime(Checks.TIME)
        .item(Item.builder("Чай зелёный").nktCode("0902200000").quantity("2").unitPrice("1250.50").vat(rate).build())
        .item(Item.builder("Сигареты «Тест»").nktCode("2402209000").unitPrice("1000.00").vat(rate)
            .markingCode(MARKING_CODE).build())
        .payment(PaymentType.CARD, "3000.00")
        .payment(PaymentType.CASH, "1000.00")
        .customer(Customer.email("buyer@example.kz").withPhone("+77011234567"));
  }
}
