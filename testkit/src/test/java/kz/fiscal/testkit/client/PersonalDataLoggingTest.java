package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kz.fiscal.core.Customer;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Xin;
import kz.fiscal.testkit.LogCapture;
import kz.fiscal.testkit.RecordingFiscalDriver;
import kz.fiscal.testkit.RecordingFiscalDriver.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buyer's e-mail, phone and IIN never reach the logs, the exceptions or the journal's errors. */
class PersonalDataLoggingTest {
  private static final String EMAIL = "aigerim.nurlanovna@example.kz";
  private static final String PHONE = "+77017654321";
  private static final String IIN = "850115300418";

  private LogCapture logs;

  @BeforeEach
  void captureEverything() {
    logs = LogCapture.start();
  }

  @AfterEach
  void stopCapturing() {
    logs.close();
  }

  @Test
  void noPersonalDataInLogsExceptionsOrJournalErrors() throws FiscalException {
    ClientFixture f = new ClientFixture(RecordingFiscalDriver.builder().deduplicateKeys(false), 2);
    assertTrue(Xin.isValid(IIN), "precondition: a valid IIN");
    Receipt receipt = ClientFixture.sale("990.00").newBuilder()
        .customer(Customer.email(EMAIL).withPhone(PHONE).withXin(Xin.parse(IIN)))
        .build();
    f.driver.failNext(Fault.APPLY_THEN_UNKNOWN, Fault.FAIL_BEFORE_APPLYING);
    f.driver.failNextLookups(5);

    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> f.client.fiscalize(key("order-pii"), receipt));
    f.driver.heal();
    f.client.recover();

    List<String> logged = logs.lines();
    List<String> seen = new ArrayList<>(logged);
    seen.add(String.valueOf(e));
    seen.add(String.valueOf(e.getCause()));
    seen.add(f.client.history(key("order-pii")).toString());
    seen.add(f.client.status(key("order-pii")).orElseThrow().lastError().toString());
    seen.add(receipt.customer().toString());
    assertFalse(logged.isEmpty(), "the journal warned about being in memory, at least");
    for (String text : seen) {
      assertFalse(text.contains(EMAIL) || text.contains(PHONE) || text.contains(IIN), () -> "personal data in: " + text);
    }
  }
}
