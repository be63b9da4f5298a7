package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void acceptsFiftyCharactersOfTheAllowedSet() {
    String fifty = "order-1042:sale_v2." + "x".repeat(31);
    assertEquals(fifty, IdempotencyKey.of(fifty).value());
  }

  @Test
  void rejectsEmptyAndTooLongKeys() {
    assertEquals("Idempotency key must have 1 to 50 characters, has 0",
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of("")).getMessage());
    assertEquals("Idempotency key must have 1 to 50 characters, has 51",
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of("k".repeat(51))).getMessage());
  }

  @Test
  void rejectsCharactersOutsideTheSetNamingThePosition() {
    assertEquals("Idempotency key may hold only A-Z a-z 0-9 . _ : -, found ' ' at position 6",
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of("order 1")).getMessage());
    assertEquals("Idempotency key may hold only A-Z a-z 0-9 . _ : -, found 'з' at position 1",
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of("заказ")).getMessage());
  }
}
