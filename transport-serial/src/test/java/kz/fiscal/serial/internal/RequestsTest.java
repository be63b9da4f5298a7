package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.SpecBytes.times;
import static kz.fiscal.serial.internal.SpecBytes.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import kz.fiscal.serial.internal.Requests.LineRequest;
import kz.fiscal.serial.internal.Requests.ReturnBasisRequest;
import org.junit.jupiter.api.Test;

/** Every request example of docs/serial-shtrih.md §1.7 and §3, byte for byte. */
class RequestsTest {
  private static final long CASHIER = 1;
  private static final long ADMIN = 30;

  @Test
  void passwordOnlyRequestsMatchTheSpecExamples() {
    assertEquals("02 05 10 01 00 00 00 14", wire(Requests.shortStatus(CASHIER)));
    assertEquals("02 05 11 01 00 00 00 15", wire(Requests.fullStatus(CASHIER)));
    assertEquals("02 05 E0 01 00 00 00 E4", wire(Requests.openShift(CASHIER)));
    assertEquals("02 05 89 01 00 00 00 8D", wire(Requests.subtotal(CASHIER)));
    assertEquals("02 05 88 01 00 00 00 8C", wire(Requests.cancelCheck(CASHIER)));
    assertEquals("02 05 40 1E 00 00 00 5B", wire(Requests.xReport(ADMIN)));
    assertEquals("02 05 41 1E 00 00 00 5A", wire(Requests.zReport(ADMIN)));
    assertEquals("02 05 B0 01 00 00 00 B4", wire(Requests.continuePrint(CASHIER)));
    assertEquals("02 06 FF 01 1E 00 00 00 E6", wire(Requests.storageStatus(ADMIN)));
  }

  @Test
  void deviceTypeRequestHasNoPassword() {
    assertEquals("02 01 FC FD", wire(Requests.deviceType()));
  }

  @Test
  void findDocumentCarriesTheFdNumberLittleEndian() {
    assertEquals("02 0A FF 0A 1E 00 00 00 07 00 00 00 E6", wire(Requests.findDocument(ADMIN, 7)));
  }

  @Test
  void saleLineOfTwoAtOneHundredFiftyTengeMatchesTheSpec() {
    Frame sale = Requests.registerLine(Command.SALE, CASHIER, new LineRequest(2000, 15000, 1, 1, "Товар"));

    assertEquals("02 3C 80 01 00 00 00 D0 07 00 00 00 98 3A 00 00 00 01 01 00 00 00 D2 EE E2 E0 F0"
        + times(35, "00") + " 06", wire(sale));
  }

  @Test
  void returnLineInGroupTwoMatchesTheSpec() {
    Frame ret = Requests.registerLine(Command.SALE_RETURN, CASHIER, new LineRequest(1000, 15000, 1, 2, "Товар"));

    assertEquals("02 3C 82 01 00 00 00 E8 03 00 00 00 98 3A 00 00 00 01 02 00 00 00 D2 EE E2 E0 F0"
        + times(35, "00") + " 3B", wire(ret));
  }

  @Test
  void classicCloseWithFiveHundredTengeCashMatchesTheSpec() {
    assertEquals("02 47 85 01 00 00 00 50 C3" + times(64, "00") + " 50",
        wire(Requests.closeCheck(CASHIER, new long[] {50000}, "")));
  }

  @Test
  void extendedCloseLeavesTaxesToTheDeviceAndMatchesTheSpec() {
    assertEquals("02 76 FF 45 1E 00 00 00 50 C3 00 00 00" + times(76, "00") + times(30, "FF") + " 01 40",
        wire(Requests.closeCheckExtended(ADMIN, new long[] {50000}, 0, 0x01, "")));
  }

  @Test
  void extendedCloseTextIsUnpaddedAndCutAtSixtyFourBytes() {
    Frame frame = Requests.closeCheckExtended(ADMIN, new long[0], 0, 0x02, "Ә".repeat(70));

    assertEquals(2 + 116 + 64, frame.body().length);
    assertEquals((byte) 0xC0, frame.body()[2 + 116]);
  }

  @Test
  void returnBasisMatchesTheSpec() {
    Frame basis = Requests.returnBasis(ADMIN, new ReturnBasisRequest(321520655220L,
        LocalDateTime.of(2025, 9, 10, 6, 22, 21), "010100012345", 30000, false));

    assertEquals("02 26 FF F0 1E 00 00 00 74 DB 1F DC 4A 00 00 00 19 09 0A 06 16 15 30 31 30 31 30 30 30 31 32 33"
        + " 34 35 30 75 00 00 00 00 4A", wire(basis));
  }

  @Test
  void valuesOutsideTheProtocolRangeAreRefusedBeforeEncoding() {
    LineRequest zeroQuantity = new LineRequest(0, 100, 1, 1, "x");
    LineRequest hugePrice = new LineRequest(1000, 10_000_000_000L, 1, 1, "x");

    assertEquals("quantity must be 1…9999999999, got 0", assertThrows(IllegalArgumentException.class,
        () -> Requests.registerLine(Command.SALE, CASHIER, zeroQuantity)).getMessage());
    assertEquals("price must be 0…9999999999, got 10000000000", assertThrows(IllegalArgumentException.class,
        () -> Requests.registerLine(Command.SALE, CASHIER, hugePrice)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LineRequest(1000, 1, 17, 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> new LineRequest(1000, 1, 1, 5, "x"));
    assertThrows(IllegalArgumentException.class,
        () -> Requests.registerLine(Command.SUBTOTAL, CASHIER, new LineRequest(1000, 1, 1, 1, "x")));
    assertThrows(IllegalArgumentException.class, () -> Requests.shortStatus(0x1_0000_0000L));
    assertThrows(IllegalArgumentException.class, () -> Requests.closeCheck(CASHIER, new long[5], ""));
    assertThrows(IllegalArgumentException.class,
        () -> Requests.closeCheckExtended(ADMIN, new long[0], 100, 0x01, ""));
    assertThrows(IllegalArgumentException.class,
        () -> Requests.closeCheckExtended(ADMIN, new long[0], 0, 0x03, ""));
    assertThrows(IllegalArgumentException.class,
        () -> new ReturnBasisRequest(1, LocalDateTime.of(2026, 1, 1, 0, 0), "12345", 1, false));
  }
}
