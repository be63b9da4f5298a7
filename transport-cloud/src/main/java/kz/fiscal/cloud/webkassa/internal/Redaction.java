package kz.fiscal.cloud.webkassa.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.fiscal.core.Customer;

/**
 * Blanks given secret and personal values wherever they appear in a text, whatever the text is (JSON,
 * HTML, form-encoded): a value case-insensitively, also JSON-unescaped and URL-encoded; a phone in any
 * writing of its digits ({@code +7 (701) 765-43-21}, {@code 8 701 765 43 21}); an IIN/BIN with spaces or
 * dashes between its digits. Immutable and thread-safe.
 */
public final class Redaction {
  /** Blanks nothing. */
  public static final Redaction NONE = new Redaction(List.of());
  private static final String BLANK = "***";
  private static final Pattern VALUE = Pattern.compile(
      "\"(Token|Login|Password|CustomerEmail|CustomerPhone|CustomerXin)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"",
      Pattern.CASE_INSENSITIVE);
  private static final String PHONE_GAP = "[\\s().\\-\\u00a0]*";
  private static final String XIN_GAP = "[\\s\\-\\u00a0]*";

  private final List<Pattern> patterns;

  private Redaction(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  /** The buyer's e-mail, phone and IIN/BIN. */
  public static Redaction of(Customer customer) {
    List<Pattern> patterns = new ArrayList<>(3);
    customer.email().ifPresent(email -> literal(email, patterns));
    customer.phone().ifPresent(phone -> phone(phone, patterns));
    customer.xin().ifPresent(xin -> digits(xin.value(), XIN_GAP, patterns));
    return new Redaction(List.copyOf(patterns));
  }

  /**
   * The secret and personal values a request carries (token, login, password, the buyer's e-mail, phone
   * and IIN/BIN, whatever the keys' case), to blank from the request and from its answer.
   */
  public static Redaction ofRequest(String json) {
    List<Pattern> patterns = new ArrayList<>();
    Matcher values = VALUE.matcher(json);
    while (values.find()) {
      String key = values.group(1).toLowerCase(java.util.Locale.ROOT);
      String value = values.group(2);
      if (key.equals("customerphone")) {
        phone(unescape(value), patterns);
      } else if (key.equals("customerxin")) {
        digits(unescape(value), XIN_GAP, patterns);
      }
      literal(value, patterns);
      literal(unescape(value), patterns);
    }
    return new Redaction(List.copyOf(patterns));
  }

  /** Blanks the values of both. */
  public Redaction and(Redaction other) {
    if (other.patterns.isEmpty() || other == this) {
      return this;
    }
    List<Pattern> both = new ArrayList<>(patterns);
    both.addAll(other.patterns);
    return new Redaction(List.copyOf(both));
  }

  /** {@code text} with every value blanked. */
  public String apply(String text) {
    String clean = text == null ? "" : text;
    for (Pattern pattern : patterns) {
      clean = pattern.matcher(clean).replaceAll(BLANK);
    }
    return clean;
  }

  private static void literal(String value, List<Pattern> patterns) {
    if (value.isEmpty()) {
      return;
    }
    patterns.add(Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (!encoded.equals(value)) {
      patterns.add(Pattern.compile(Pattern.quote(encoded), Pattern.CASE_INSENSITIVE));
      patterns.add(Pattern.compile(Pattern.quote(encoded.replace("+", "%20")), Pattern.CASE_INSENSITIVE));
    }
  }

  /** The phone's national digits with any separators between them, after an optional +7, 7 or 8. */
  private static void phone(String phone, List<Pattern> patterns) {
    Optional<String> wire = Customer.normalizePhone(phone);
    String digits = wire.map(w -> w.substring(1)).orElse(phone.replaceAll("\\D", ""));
    if (digits.length() == 11 && digits.charAt(0) == '7') {
      patterns.add(Pattern.compile("(?:\\+?" + PHONE_GAP + "7|8)?" + PHONE_GAP + gapped(digits.substring(1), PHONE_GAP)));
    } else {
      digits(digits, PHONE_GAP, patterns);
    }
  }

  private static void digits(String digits, String gap, List<Pattern> patterns) {
    if (!digits.isEmpty()) {
      patterns.add(Pattern.compile(gapped(digits, gap)));
    }
  }

  private static String gapped(String digits, String gap) {
    StringBuilder regex = new StringBuilder(digits.length() * (gap.length() + 1));
    for (int i = 0; i < digits.length(); i++) {
      regex.append(i == 0 ? "" : gap).append(digits.charAt(i));
    }
    return regex.toString();
  }

  /** A JSON string's content with its escapes resolved (the common ones; others are kept as written). */
  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder plain = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        if (next == 'u' && i + 4 < value.length()) {
          plain.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          plain.append(switch (next) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> next;
          });
        }
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
