package kz.fiscal.cloud.webkassa.internal;

import java.lang.System.Logger.Level;
import java.util.regex.Pattern;

/**
 * Logs exchanges with the provider at {@code DEBUG} through {@code System.Logger}, with secrets and
 * personal data blanked: tokens, login, password, buyer e-mail, phone and IIN/BIN never reach a log.
 * The provider's error texts are blanked too, since they may quote a rejected field's value; the
 * exception thrown for the error carries the text with the buyer's data removed. Headers (the API key)
 * are never logged. Keys are matched in any case, and the request's own secret and personal values are
 * blanked wherever they appear in the request and its answer ({@link Redaction}), so an HTML or
 * form-encoded echo leaks nothing either. Thread-safe.
 */
public final class RequestLog {
  private static final System.Logger LOG = System.getLogger("kz.fiscal.cloud.webkassa");
  private static final String VALUE = "\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)";
  private static final Pattern SECRET =
      Pattern.compile("\"(Token|Login|Password|CustomerEmail|CustomerPhone|CustomerXin)\"" + VALUE,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ANSWER_SECRET =
      Pattern.compile("\"(Token|Login|Password|CustomerEmail|CustomerPhone|CustomerXin|Text)\"" + VALUE,
          Pattern.CASE_INSENSITIVE);

  /** The login and password of the last login this log saw, blanked from every later answer too. */
  private volatile Redaction credentials = Redaction.NONE;

  /** Whether exchanges are logged at all (so the redaction is skipped when they are not). */
  private boolean enabled() {
    return LOG.isLoggable(Level.DEBUG);
  }

  /** Logs the request; returns what to blank from its answer ({@link Redaction#NONE} when nothing is logged). */
  Redaction request(String path, String json) {
    if (!enabled()) {
      return Redaction.NONE;
    }
    Redaction values = Redaction.ofRequest(json);
    if (path.endsWith("/Authorize")) {
      credentials = values;
    }
    LOG.log(Level.DEBUG, "Webkassa request POST {0} {1}", path, values.apply(redact(json)));
    return values.and(credentials);
  }

  void answer(String path, int status, long millis, String body, Redaction values) {
    if (enabled()) {
      LOG.log(Level.DEBUG, "Webkassa answer to {0}: HTTP {1} in {2} ms {3}", path, status, millis,
          values.apply(ANSWER_SECRET.matcher(body).replaceAll("\"$1\":\"***\"")));
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
