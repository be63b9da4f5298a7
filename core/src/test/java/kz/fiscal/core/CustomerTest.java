package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CustomerTest {

  @ParameterizedTest
  @ValueSource(strings = {"+77011234567", "+7 701 123 45 67", "8 (701) 123-45-67", "8(701)1234567", "87011234567",
      "7011234567", "77011234567", "+7 (701) 123-45-67", "701.123.45.67", "+7\u00a0701\u00a01234567"})
  void phonesAsPeopleWriteThemAreNormalizedForTheWire(String phone) {
    assertEquals(Optional.of("+77011234567"), Customer.normalizePhone(phone));
  }

  @Test
  void foreignNumbersKeepTheirDigits() {
    assertEquals(Optional.of("+4915112345678"), Customer.normalizePhone("+49 151 1234 5678"));
    assertEquals(Optional.of("+770112345678901"), Customer.normalizePhone("+770112345678901"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "770112345", "+7701123456789012", "77011234567+", "+7 701 123 45 6x",
      "7 + 701 1234567", "++77011234567", "+7/701/1234567", "tel:+77011234567"})
  void whatCannotBeAPhoneIsNotNormalized(String phone) {
    assertEquals(Optional.empty(), Customer.normalizePhone(phone));
  }

  @Test
  void nullContactsAreRefusedNamingTheParameter() {
    assertEquals("email", assertThrows(NullPointerException.class, () -> Customer.email(null)).getMessage());
    assertEquals("phone", assertThrows(NullPointerException.class, () -> Customer.phone(null)).getMessage());
    assertEquals("xin", assertThrows(NullPointerException.class, () -> Customer.ANONYMOUS.withXin(null)).getMessage());
  }
}
