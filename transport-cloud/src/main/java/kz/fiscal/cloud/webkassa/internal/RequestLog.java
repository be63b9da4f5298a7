package kz.fiscal.cloud.webkassa.internal;

import java.lang.System.Logger.Level;
import java.util.regex.Pattern;

/**
 * Logs exchanges with the provider at {@code DEBUG} through {@code System.Logger}, with secrets and
 * personal data blanked: tokens, login, password, buyer e-mail, phone and IIN/BIN never reach a log.
 * Headers (the API key) are never logged. Thread-safe.
 */
public final class RequestLog {
  private static final System.Logger LOG = System.getLogger("kz.fiscal.cloud.webkassa");
  private static final Pattern SECRET = Pattern.compile(
      "\"(Token|Login|Password|CustomerEmail|CustomerPhone|CustomerXin)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)");

  /** Whether exchanges are logged at all (so callers skip building the text). */
  public boolean enabled() {
    return LOG.isLoggable(Level.DEBUG);
  }

  void request(String path, String json) {
    if (enabled()) {
      LOG.log(Level.DEBUG, "Webkassa request POST {0} {1}", path, redact(json));
    }
  }

  void answer(String path, int status, long millis, String body) {
    if (enabled()) {
      LOG.log(Level.DEBUG, "Webkassa answer to {0}: HTTP {1} in {2} ms {3}", path, status, millis, redact(body));
    }
  }

  void failure(String path, String what) {
    LOG.log(Level.DEBUG, "Webkassa call to {0} failed: {1}", path, what);
  }

  /** {@code json} with the values of secret and personal fields replaced by {@code "***"}. */
  public static String redact(String json) {
    return SECRET.matcher(json).replaceAll("\"$1\":\"***\"");
  }
}
