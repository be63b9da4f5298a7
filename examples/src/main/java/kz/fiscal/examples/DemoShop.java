package kz.fiscal.examples;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kz.fiscal.core.Customer;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Quantity;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.ReceiptValidator;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.Unit;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Xin;

/**
 * The demo: a shop builds the receipt of a paid order, validates it against the Kazakh rules and
 * prints it; then shows what the validator says about a receipt with mistakes.
 */
public final class DemoShop {
  private DemoShop() {}

  public static void main(String[] args) {
    Seller shop = Seller.vatPayer("ТОО «Демо Маркет»", Xin.parse("150740001357"), "г. Алматы, пр. Абая, 10");
    OffsetDateTime paidAt = OffsetDateTime.parse("2026-11-30T14:05:00+05:00");

    Receipt receipt = Receipt.sale(shop)
        .operationTime(paidAt)
        .item(Item.builder("Чай зелёный 100 г").nktCode("0902200000").quantity("2").unitPrice("1250.50")
            .vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Яблоки").quantity(Quantity.of("1.375")).unit(Unit.KILOGRAM).unitPrice("890.00")
            .vat(VatRate.SIXTEEN).build())
        .item(Item.builder("Витамин C").quantity("1").unitPrice("2100.00").vat(VatRate.FIVE).build())
        .discount(Tenge.of("300.00"), "Промокод OSEN")
        .payment(PaymentType.CARD, "5000.00")
        .payment(PaymentType.CASH, "1000.00")
        .customer(Customer.email("buyer@example.kz"))
        .build();

    List<Violation> violations = ReceiptValidator.defaults().validate(receipt);
    print(receipt);
    System.out.println(violations.isEmpty() ? "Valid: ready to fiscalize." : "Violations: " + violations);

    Receipt mistaken = receipt.newBuilder()
        .item(Item.builder("Сигареты").quantity("2").unitPrice("1100.00").vat(VatRate.TWELVE)
            .markingCode("0104600266011725212345678901234").build())
        .payment(PaymentType.CARD, "100.00")
        .build();
    System.out.println();
    System.out.println("A receipt with mistakes:");
    for (Violation violation : ReceiptValidator.defaults().validate(mistaken)) {
      System.out.println("  " + violation);
    }
  }

  private static void print(Receipt receipt) {
    System.out.println(receipt.seller().name() + ", БИН " + receipt.seller().xin().value());
    System.out.println(receipt.seller().address());
    System.out.println(receipt.operation() + " " + receipt.operationTime().orElseThrow());
    for (int i = 0; i < receipt.items().size(); i++) {
      Item item = receipt.items().get(i);
      System.out.printf("  %-20s %7s %-3s x %9s = %9s  (VAT %s%%: %s)%n", item.name(), item.quantity(),
          item.unit().name(), item.unitPrice(), receipt.itemSum(i), item.vat().percent(), receipt.itemVat(i));
    }
    receipt.modifiers().forEach(m -> System.out.println("  " + m.kind() + " " + m.amount() + " " + m.text()));
    System.out.println("TOTAL   " + receipt.total());
    for (Map.Entry<VatRate, Tenge> vat : receipt.vatByRate().entrySet()) {
      System.out.println("  incl. VAT " + vat.getKey().percent() + "%: " + vat.getValue());
    }
    receipt.payments().forEach(p -> System.out.println("  " + p.type() + " " + p.amount()));
    System.out.println("CHANGE  " + receipt.change());
  }
}
