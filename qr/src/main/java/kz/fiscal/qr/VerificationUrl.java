package kz.fiscal.qr;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Tenge;

/**
 * The URL where a buyer verifies a check, which its QR code encodes (docs/kz-fiscal-rules.md §10):
 * {@code <host>?i=<fiscal sign>&f=<RNM>&s=<total>&t=<yyyyMMdd'T'HHmmss at +05:00>}.
 *
 * <p>{@link #text()} is the URL itself and is what {@link #toString()} returns. Immutable and
 * thread-safe.
 *
 * @param fiscalSign the check's fiscal sign, decimal digits
 * @param rnm the register's registration number, decimal digits
 * @param total the check's total
 * @param dateTime when the check was issued, at +05:00, whole seconds
 * @param host the verification host as the URL writes it, with its path if any (e.g. {@code ofd1.kz/t/})
 * @param text the URL
 */
public record VerificationUrl(String fiscalSign, String rnm, Tenge total, OffsetDateTime dateTime, String host,
    String text) {

  private static final DateTimeFormatter URL_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern SUM = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
  private static final Pattern TIME = Pattern.compile("[0-9]{8}T[0-9]{6}");

  public VerificationUrl {
    Objects.requireNonNull(fiscalSign, "fiscalSign");
    Objects.requireNonNull(rnm, "rnm");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(text, "text");
    dateTime = KzTime.of(KzTime.requirePlausible(dateTime, "dateTime")).truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The verification URL of {@code result}: the provider's URL verbatim when the result carries one
   * (its other fields then come from the result), else built from the template of the result's
   * operator in {@code registry} (found by code, else by host).
   *
   * @throws IllegalStateException if the result has no fiscal sign ({@link FiscalResult#needsAttention()})
   * @throws IllegalArgumentException if the registry does not know the result's operator, or the built
   *     URL does not parse (e.g. an RNM that is not digits; {@link InvalidVerificationUrlException})
   */
  public static VerificationUrl of(FiscalResult result, OfdRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    String sign = result.fiscalSign().orElseThrow(() -> new IllegalStateException(
        "Check " + result.checkNumber() + " of shift " + result.shiftNumber() + " has no known fiscal sign"));
    if (result.verificationUrl().isPresent()) {
      return new VerificationUrl(sign, result.rnm(), result.total(), result.dateTime(),
          result.ofd().verificationHost(), result.verificationUrl().get());
    }
    OfdRegistry.Operator operator = registry.find(result.ofd()).orElseThrow(() -> new IllegalArgumentException(
        "OFD '" + result.ofd().name() + "' (code " + result.ofd().code() + ", host " + result.ofd().verificationHost()
            + ") is not in the registry: add it with OfdRegistry.with"));
    return parse(operator.expand(result.ofd().verificationHost(), sign, result.rnm(), result.total(),
        result.dateTime()));
  }

  /**
   * Reads a verification URL, http or https, whatever the operator: the sum as {@code 500.00},
   * {@code 2508.0} or {@code 2508}; parameters in any order; other parameters and a fragment ignored.
   *
   * @throws InvalidVerificationUrlException naming the part that is missing or malformed
   */
  public static VerificationUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String lower = url.toLowerCase(Locale.ROOT);
    int hostStart = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
    if (hostStart < 0) {
      throw new InvalidVerificationUrlException("scheme", "Verification URL must start with http:// or https://", url);
    }
    int fragment = url.indexOf('#');
    String body = fragment < 0 ? url : url.substring(0, fragment);
    int query = body.indexOf('?');
    if (query < 0) {
      throw new InvalidVerificationUrlException("query", "Verification URL has no query (?i=…&f=…&s=…&t=…)", url);
    }
    String host = body.substring(hostStart, query);
    if (host.isEmpty() || host.startsWith("/") || host.chars().anyMatch(c -> c <= ' ')) {
      throw new InvalidVerificationUrlException("host", "Verification URL host must be non-empty without spaces, was '"
          + host + "'", url);
    }
    Map<String, String> params = parameters(body.substring(query + 1), url);
    String sign = required(params, "i", "fiscal sign", DIGITS, "decimal digits", url);
    String rnm = required(params, "f", "RNM", DIGITS, "decimal digits", url);
    String sum = required(params, "s", "total", SUM, "a decimal amount such as 500.00, 2508.0 or 2508", url);
    String time = required(params, "t", "date-time", TIME, "yyyyMMdd'T'HHmmss", url);
    return new VerificationUrl(sign, rnm, Tenge.of(sum), dateTime(time, url), host, url);
  }

  /** The URL. */
  @Override
  public String toString() {
    return text;
  }

  /** {@code time} at +05:00 as the URL's {@code t} writes it. */
  static String urlTime(OffsetDateTime time) {
    return URL_TIME.format(KzTime.of(time));
  }

  private static Map<String, String> parameters(String query, String url) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.length() == 1 && "ifst".contains(name)
          && params.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
        throw new InvalidVerificationUrlException(name, "Verification URL parameter '" + name + "' appears twice", url);
      }
    }
    return params;
  }

  private static String required(Map<String, String> params, String name, String meaning, Pattern form,
      String formText, String url) {
    String value = params.get(name);
    if (value == null) {
      throw new InvalidVerificationUrlException(name,
          "Verification URL lacks parameter '" + name + "' (" + meaning + ")", url);
    }
    if (!form.matcher(value).matches()) {
      throw new InvalidVerificationUrlException(name, "Verification URL parameter '" + name + "' (" + meaning
          + ") must be " + formText + ", was '" + value + "'", url);
    }
    return value;
  }

  private static OffsetDateTime dateTime(String time, String url) {
    try {
      LocalDateTime local = LocalDateTime.parse(time, URL_TIME);
      if (local.getYear() < 1970) {
        throw new DateTimeException("year before 1970");
      }
      return local.atOffset(KzTime.OFFSET);
    } catch (DateTimeException e) {
      throw new InvalidVerificationUrlException("t", "Verification URL parameter 't' (date-time) is no valid time: '"
          + time + "' (" + e.getMessage() + ")", url);
    }
  }
}
