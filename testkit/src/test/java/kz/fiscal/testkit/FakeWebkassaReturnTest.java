package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.cash;
import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static kz.fiscal.testkit.WebkassaCalls.item;
import static kz.fiscal.testkit.WebkassaCalls.operation;
import static kz.fiscal.testkit.WebkassaCalls.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A return must name a check in the fake's ledger exactly and may not take back more than it had. */
class FakeWebkassaReturnTest {
  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake);
  private String sign;

  @BeforeEach
  void sell() throws IOException {
    sign = (String) calls.sell("sale-1", "500.00", "68.97").get("CheckNumber");
  }

  @AfterEach
  void close() {
    fake.close();
  }

  private Map<String, Object> refund(int type, String key, String amount, String tax, String basis) throws IOException {
    return calls.check(operation(type, key, item("1", amount, tax), cash(amount)) + ",\"ReturnBasisDetails\":" + basis);
  }

  private String basis(String checkNumber, String dateTime, String rnm, String total, boolean offline) {
    return "{\"CheckNumber\":\"" + checkNumber + "\",\"DateTime\":\"" + dateTime + "\",\"RegistrationNumber\":\"" + rnm
        + "\",\"Total\":" + total + ",\"IsOffline\":" + offline + "}";
  }

  private String exactBasis() {
    return basis(sign, "2026-03-02T09:00:00+05:00", fake.rnm(), "500.00", false);
  }

  @Test
  void aReturnNamingTheSaleExactlyIsCommitted() throws IOException {
    data(refund(3, "refund-1", "500.00", "68.97", exactBasis()));

    assertEquals(3, fake.check("refund-1").orElseThrow().operationType());
  }

  @Test
  void theBasisTimeIsComparedAsAnInstant() throws IOException {
    data(refund(3, "refund-1", "100.00", "13.79", basis(sign, "2026-03-02T04:00:00Z", fake.rnm(), "500.00", false)));

    assertEquals(1, fake.checkCount("refund-1"));
  }

  @Test
  void aBasisThatDiffersInAnyFieldIsCode9NamingIt() throws IOException {
    assertRefused("ReturnBasisDetails.CheckNumber: no check with fiscal sign 1",
        basis("1", "2026-03-02T09:00:00+05:00", fake.rnm(), "500.00", false));
    assertRefused("ReturnBasisDetails.RegistrationNumber: expected 620300145316, got 620300145317",
        basis(sign, "2026-03-02T09:00:00+05:00", "620300145317", "500.00", false));
    assertRefused("ReturnBasisDetails.Total: expected 500.00, got 400.00",
        basis(sign, "2026-03-02T09:00:00+05:00", fake.rnm(), "400", false));
    assertRefused("ReturnBasisDetails.IsOffline: expected false, got true",
        basis(sign, "2026-03-02T09:00:00+05:00", fake.rnm(), "500.00", true));
    assertRefused("ReturnBasisDetails.DateTime: expected 2026-03-02T04:00:00Z, got 2026-03-02T04:00:01Z",
        basis(sign, "2026-03-02T09:00:01+05:00", fake.rnm(), "500.00", false));
    assertRefused("ReturnBasisDetails.DateTime: must be ISO-8601 with an offset, got 02.03.2026 09:00:00",
        basis(sign, "02.03.2026 09:00:00", fake.rnm(), "500.00", false));
  }

  private void assertRefused(String expected, String basis) throws IOException {
    Map<String, Object> answer = refund(3, "refund-1", "100.00", "13.79", basis);

    assertEquals(9, code(answer));
    assertEquals(expected, text(answer));
    assertEquals(0, fake.checkCount("refund-1"));
  }

  @Test
  void aPurchaseReturnCannotReturnASale() throws IOException {
    Map<String, Object> answer = refund(1, "refund-1", "100.00", "13.79", exactBasis());

    assertEquals("ReturnBasisDetails.CheckNumber: check " + sign + " has OperationType 2, a return of type 1 needs 0",
        text(answer));
  }

  @Test
  void returnsMayNotTakeBackMoreThanTheOriginalHad() throws IOException {
    data(refund(3, "refund-1", "300.00", "41.38", exactBasis()));

    Map<String, Object> answer = refund(3, "refund-2", "300.00", "41.38", exactBasis());

    assertEquals(9, code(answer));
    assertEquals("ReturnBasisDetails.Total: the return's total 300.00 exceeds what remains of the original, 200.00",
        text(answer));
    data(refund(3, "refund-3", "200.00", "27.59", exactBasis()));
  }
}
