package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnumsTest {

  @Test
  void operationCodesMatchTheProtocol() {
    assertEquals(0, Operation.PURCHASE.code());
    assertEquals(1, Operation.PURCHASE_RETURN.code());
    assertEquals(2, Operation.SALE.code());
    assertEquals(3, Operation.SALE_RETURN.code());
    assertEquals(Operation.SALE_RETURN, Operation.ofCode(3));
    assertTrue(Operation.SALE_RETURN.isReturn() && Operation.PURCHASE_RETURN.isReturn());
  }

  @Test
  void paymentCodesMatchTheProtocolAndWithdrawnOnesAreRefused() {
    assertEquals(0, PaymentType.CASH.code());
    assertEquals(1, PaymentType.CARD.code());
    assertEquals(4, PaymentType.MOBILE.code());
    assertEquals(PaymentType.MOBILE, PaymentType.ofCode(4));
    assertEquals("Payment type 2 (credit) was withdrawn in protocol 2.0.2",
        assertThrows(IllegalArgumentException.class, () -> PaymentType.ofCode(2)).getMessage());
    assertEquals("Payment type 3 (tare) was withdrawn in protocol 2.0.2",
        assertThrows(IllegalArgumentException.class, () -> PaymentType.ofCode(3)).getMessage());
  }

  @Test
  void unitsCarryTheirOkeiCodes() {
    assertEquals(796, Unit.PIECE.code());
    assertEquals(166, Unit.KILOGRAM.code());
    assertEquals(112, Unit.LITRE.code());
    assertEquals(5114, Unit.SERVICE.code());
    assertEquals("Unit code must be positive, was 0",
        assertThrows(IllegalArgumentException.class, () -> Unit.of(0, "x")).getMessage());
  }
}
