package kz.fiscal.testkit;

import static kz.fiscal.testkit.WebkassaCalls.code;
import static kz.fiscal.testkit.WebkassaCalls.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeWebkassaAuthorizeTest {
  private final FakeWebkassa fake = WebkassaCalls.startFake();
  private final WebkassaCalls calls = new WebkassaCalls(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void authorizeWithTheRightCredentialsGivesA32HexToken() throws IOException {
    String token = calls.authorize();

    assertTrue(token.matches("[0-9a-f]{32}"), token);
    assertEquals(1, fake.authorizeCount());
  }

  @Test
  void aWrongApiKeyIsCode3() throws IOException {
    WebkassaCalls.Answer answer = calls.send("/api/v4/Authorize", "other-key",
        "{\"Login\":\"" + fake.login() + "\",\"Password\":\"" + fake.password() + "\"}");

    assertEquals(200, answer.status());
    assertEquals(3, code(answer.json()));
    assertEquals(0, fake.authorizeCount());
  }

  @Test
  void aWrongPasswordIsCode1() throws IOException {
    Map<String, Object> answer = calls.post("/api/v4/Authorize",
        "{\"Login\":\"" + fake.login() + "\",\"Password\":\"wrong\"}");

    assertEquals(1, code(answer));
  }

  @Test
  void aNewAuthorizeRevokesTheOlderToken() throws IOException {
    String first = calls.authorize();
    String second = calls.authorize();

    assertNotEquals(first, second);
    calls.token = first;
    assertEquals(2, code(calls.call("/api/v4/XReport", "")));
    calls.token = second;
    assertEquals(1L, ((Number) data(calls.call("/api/v4/XReport", "")).get("ShiftNumber")).longValue());
  }

  @Test
  void expiredTokensAnswerCode2UntilTheNextAuthorize() throws IOException {
    calls.authorize();
    fake.expireTokens();

    assertEquals(2, code(calls.call("/api/v4/XReport", "")));
    calls.authorize();
    data(calls.call("/api/v4/XReport", ""));
    assertEquals(2, fake.authorizeCount());
  }

  @Test
  void aMissingTokenIsCode2() throws IOException {
    Map<String, Object> answer = calls.post("/api/v4/XReport",
        "{\"CashboxUniqueNumber\":\"" + fake.cashboxNumber() + "\"}");

    assertEquals(2, code(answer));
  }

  @Test
  void anUnknownCashboxIsCode6() throws IOException {
    calls.authorize();

    Map<String, Object> answer = calls.post("/api/v4/XReport",
        "{\"Token\":\"" + calls.token + "\",\"CashboxUniqueNumber\":\"SWK99999999\"}");

    assertEquals(6, code(answer));
  }

  @Test
  void aBodyThatIsNotJsonIsCode9() throws IOException {
    assertEquals(9, code(calls.post("/api/v4/Authorize", "Login=a&Password=b")));
  }

  @Test
  void anUnknownPathIs404() throws IOException {
    assertEquals(404, calls.send("/api/v4/Nothing", fake.apiKey(), "{}").status());
  }
}
