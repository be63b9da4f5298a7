package kz.fiscal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XinTest {

  @ParameterizedTest
  @ValueSource(strings = {"150740001357", "181040037076", "131240010479"})
  void acceptsTheValidBinsOfTheRules(String bin) {
    assertTrue(Xin.isValid(bin));
    assertEquals(bin, Xin.parse(bin).value());
  }

  @Test
  void rejectsTheCommonInvalidSampleNamingTheCheckDigit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Xin.parse("987654321012"));
    assertEquals("IIN/BIN check digit must be 0, is 2", e.getMessage());
    assertFalse(Xin.isValid("987654321012"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"181040037076", "131240010479", "870412300416"})
  void rejectsEverySingleDigitChangeThatTheFirstWeightingDecides(String valid) {
    assertTrue(Xin.isValid(valid) && firstWeightedSum(valid) != 10, "precondition: decided by the first weights");
    int checked = 0;
    for (int position = 0; position < 12; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
        // Digit 11 has weight 11 = 0 (mod 11), and a sum of 10 hands over to the second weights:
        // those changes the published algorithm cannot see (see the next test).
        if (digit == valid.charAt(position) || position == 10 || firstWeightedSum(changed) == 10) {
          continue;
        }
        assertFalse(Xin.isValid(changed), changed + " (changed at " + (position + 1) + ") must be invalid");
        checked++;
      }
    }
    assertTrue(checked >= 80, "checked " + checked + " changes");
  }

  @Test
  void acceptsExactlyTheSingleDigitChangesThePublishedAlgorithmIsBlindTo() {
    // Computed independently of Xin from docs/kz-fiscal-rules.md §5: the check digit cannot protect digit 11
    // (weight 11), and a changed number whose first sum is 10 is judged by the second weights alone.
    assertEquals(List.of("181040037006", "181040037016", "181040037026", "181040037036", "181040037046",
        "181040037056", "181040037066", "181040037086", "181040037096"), validSingleDigitChanges("181040037076"));
    assertEquals(List.of("950740001357", "190740001357", "150940001357", "150745001357", "150740901357",
        "150740011357", "150740008357", "150740001657"), validSingleDigitChanges("150740001357"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"150740001357", "150740000511", "020140000705", "991240000402"})
  void acceptsNumbersWhoseFirstWeightingGivesTenThroughTheSecondWeights(String valid) {
    assertEquals(10, firstWeightedSum(valid), "precondition: the first weighting gives 10");
    assertTrue(Xin.isValid(valid));
  }

  @ParameterizedTest
  @ValueSource(strings = {"15074000050", "02014000078", "99124000044"})
  void rejectsEveryNumberWhoseBothWeightingsGiveTen(String firstEleven) {
    for (char last = '0'; last <= '9'; last++) {
      String candidate = firstEleven + last;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Xin.parse(candidate));
      assertEquals("IIN/BIN is invalid: both check-digit weightings give 10", e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource({
      "8501151,IIN,",
      "0912304,IIN,",
      "1507400,RESIDENT_LEGAL_ENTITY,HEAD_OFFICE",
      "1507410,RESIDENT_LEGAL_ENTITY,BRANCH",
      "1507420,RESIDENT_LEGAL_ENTITY,REPRESENTATIVE_OFFICE",
      "1507430,RESIDENT_LEGAL_ENTITY,FARM",
      "1507500,NON_RESIDENT_LEGAL_ENTITY,HEAD_OFFICE",
      "1507510,NON_RESIDENT_LEGAL_ENTITY,BRANCH",
      "1507520,NON_RESIDENT_LEGAL_ENTITY,REPRESENTATIVE_OFFICE",
      "1507530,NON_RESIDENT_LEGAL_ENTITY,FARM",
      "1507600,JOINT_ENTREPRENEUR,HEAD_OFFICE",
      "1507610,JOINT_ENTREPRENEUR,BRANCH",
      "1507620,JOINT_ENTREPRENEUR,REPRESENTATIVE_OFFICE",
      "1507630,JOINT_ENTREPRENEUR,FARM",
      "1507490,RESIDENT_LEGAL_ENTITY,",
      "1507700,UNCLASSIFIED,",
  })
  void kindAndDivisionFollowDigitsFiveAndSix(String prefix, Xin.Kind kind, Xin.Division division) {
    Xin xin = Xin.parse(withCheckDigit(prefix));
    assertEquals(kind, xin.kind());
    assertEquals(Optional.ofNullable(division), xin.division());
  }

  @Test
  void rejectsWrongLengthNamingIt() {
    assertEquals("IIN/BIN must have exactly 12 digits, has 11 characters",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("15074000135")).getMessage());
    assertEquals("IIN/BIN must have exactly 12 digits, has 13 characters",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("1507400013570")).getMessage());
    assertEquals("IIN/BIN must have exactly 12 digits, has 0 characters",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("")).getMessage());
  }

  @Test
  void rejectsNonDigitsNamingCharacterAndPosition() {
    assertEquals("IIN/BIN must contain digits only, found 'A' at position 3",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("15A740001357")).getMessage());
    assertEquals("IIN/BIN must contain digits only, found '-' at position 5",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("1507-0001357")).getMessage());
  }

  @Test
  void rejectsWhitespaceInsteadOfTrimmingIt() {
    assertEquals("IIN/BIN must contain digits only, found '\\u0020' at position 1",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse(" 15074000135")).getMessage());
    assertEquals("IIN/BIN must have exactly 12 digits, has 13 characters",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("150740001357 ")).getMessage());
    assertEquals("IIN/BIN must contain digits only, found '\\u0009' at position 12",
        assertThrows(IllegalArgumentException.class, () -> Xin.parse("15074000135\t")).getMessage());
  }

  @Test
  void isValidIsFalseForNull() {
    assertFalse(Xin.isValid(null));
  }

  @Test
  void toStringMasksAnIinButShowsABin() {
    Xin iin = Xin.parse(withCheckDigit("8501151"));
    assertEquals(iin.value().substring(0, 4) + "******" + iin.value().substring(10), iin.toString());
    assertEquals("150740001357", Xin.parse("150740001357").toString());
  }

  private static List<String> validSingleDigitChanges(String valid) {
    List<String> accepted = new ArrayList<>();
    for (int position = 0; position < 12; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
        if (digit != valid.charAt(position) && Xin.isValid(changed)) {
          accepted.add(changed);
        }
      }
    }
    return accepted;
  }

  private static int firstWeightedSum(String digits) {
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (digits.charAt(i) - '0') * (i + 1);
    }
    return sum % 11;
  }

  /** Completes a prefix to a valid 12-digit number, choosing serial digits that have a check digit. */
  static String withCheckDigit(String prefix) {
    for (int serial = 0; serial < 10_000; serial++) {
      String eleven = prefix + String.format("%0" + (11 - prefix.length()) + "d", serial);
      int check = Xin.checkDigit(eleven);
      if (check != 10) {
        return eleven + check;
      }
    }
    throw new AssertionError("no valid number with prefix " + prefix);
  }
}
