package kz.fiscal.examples;

import kz.fiscal.core.Quantity;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.VatSchedule;
import kz.fiscal.core.Xin;
import java.time.LocalDate;

/** The demo: prices a line and its VAT with the SDK's value types. */
public final class DemoShop {
  private DemoShop() {}

  public static void main(String[] args) {
    Xin seller = Xin.parse("150740001357");
    Tenge price = Tenge.of("1250.50");
    Quantity quantity = Quantity.of("2");
    Tenge sum = price.times(quantity);
    LocalDate today = LocalDate.of(2026, 11, 30);
    VatRate rate = VatRate.SIXTEEN;
    System.out.println("Seller BIN " + seller + " (" + seller.kind() + ")");
    System.out.println("2 x 1250.50 = " + sum + ", VAT " + rate.percent() + "% included: " + rate.vatIncludedIn(sum));
    System.out.println("Rates allowed on " + today + ": " + VatSchedule.defaults().allowedOn(today));
  }
}
