package kz.fiscal.qr;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Tenge;

/**
 * The fiscal data operators an SDK user knows, each with the template of its verification URL
 * (docs/kz-fiscal-rules.md §10); looked up by Webkassa code and by verification host.
 *
 * <p>Immutable and thread-safe: {@link #with(Operator)} returns a new registry. {@link #defaults()} holds
 * the four operators of the rules; an operator the rules do not list (or a changed host) is added
 * with {@link #with(Operator)} as data, not code.
 */
public final class OfdRegistry {

  /** The template every operator of the rules uses: the host (which may carry a path) and the four parameters. */
  public static final String STANDARD_TEMPLATE = "https://{host}?i={i}&f={f}&s={s}&t={t}";

  private static final OfdRegistry DEFAULTS = new OfdRegistry(List.of(
      new Operator(new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz"), STANDARD_TEMPLATE,
          SumFormat.TWO_DECIMALS, List.of("dev.consumer.oofd.kz")),
      new Operator(new Ofd("АО «Транстелеком»", 2, "ofd1.kz/t/"), STANDARD_TEMPLATE,
          SumFormat.TWO_DECIMALS, List.of()),
      new Operator(new Ofd("АО «Jusan Mobile» (KOFD)", 3, "consumer.kofd.kz"), STANDARD_TEMPLATE,
          SumFormat.SHORT, List.of("dev.kofd.kz/consumer")),
      new Operator(new Ofd("ТОО «Smartcontract» (WOFD)", 4, "consumer.wofd.kz"), STANDARD_TEMPLATE,
          SumFormat.TWO_DECIMALS, List.of("cabinet.wofd.kz/consumer"))));

  private final List<Operator> operators;

  private OfdRegistry(List<Operator> operators) {
    this.operators = List.copyOf(operators);
  }

  /**
   * The four operators of docs/kz-fiscal-rules.md §10 with their Webkassa codes 1-4, verification hosts and
   * test or alternative hosts, built with {@link #STANDARD_TEMPLATE} over https. KOFD writes the sum as
   * {@code 2508.0} (as Webkassa's examples show), the others as {@code 500.00}. The names are the
   * operators' Russian names for the check; their exact legal forms are unconfirmed, and like the
   * sum formats they are data: replace an operator with {@link #with(Operator)} to correct them.
   */
  public static OfdRegistry defaults() {
    return DEFAULTS;
  }

  /** A registry that knows no operator. */
  public static OfdRegistry empty() {
    return new OfdRegistry(List.of());
  }

  /**
   * This registry plus {@code operator}; an operator with the same non-zero code, or one sharing a
   * host, is replaced.
   */
  public OfdRegistry with(Operator operator) {
    Objects.requireNonNull(operator, "operator");
    List<Operator> next = new ArrayList<>(operators.size() + 1);
    for (Operator known : operators) {
      boolean sameCode = operator.ofd().code() != 0 && known.ofd().code() == operator.ofd().code();
      if (!sameCode && !known.sharesHostWith(operator)) {
        next.add(known);
      }
    }
    next.add(operator);
    return new OfdRegistry(next);
  }

  /** The operators, in the order they were added. */
  public List<Operator> operators() {
    return operators;
  }

  /** The operator with Webkassa code {@code code}; always empty for 0 (no code). */
  public Optional<Operator> byCode(int code) {
    if (code == 0) {
      return Optional.empty();
    }
    return operators.stream().filter(o -> o.ofd().code() == code).findFirst();
  }

  /**
   * The operator one of whose hosts is {@code host}, compared without scheme, case or trailing
   * slashes: {@code ofd1.kz/t}, {@code ofd1.kz/t/} and {@code https://OFD1.kz/t/} are the same host.
   */
  public Optional<Operator> byHost(String host) {
    String wanted = normalize(host);
    return operators.stream().filter(o -> o.knowsHost(wanted)).findFirst();
  }

  /** The operator that issued a check for {@code ofd}: by code when it has one, else by host. */
  public Optional<Operator> find(Ofd ofd) {
    return byCode(ofd.code()).or(() -> byHost(ofd.verificationHost()));
  }

  static String normalize(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("https://")) {
      h = h.substring(8);
    } else if (h.startsWith("http://")) {
      h = h.substring(7);
    }
    int end = h.length();
    while (end > 0 && h.charAt(end - 1) == '/') {
      end--;
    }
    return h.substring(0, end);
  }

  /** How an operator writes the total in its URL; parsing accepts every form. */
  public enum SumFormat {
    /** Always two decimals: {@code 500.00}, {@code 2508.50}. */
    TWO_DECIMALS,
    /** Trailing zeros dropped but one decimal kept: {@code 2508.0}, {@code 2508.5}, {@code 2508.55}. */
    SHORT;

    /** The amount in this format. */
    public String format(Tenge amount) {
      if (this == TWO_DECIMALS) {
        return amount.toString();
      }
      BigDecimal stripped = amount.amount().stripTrailingZeros();
      return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }
  }

  /**
   * One fiscal data operator: the {@link Ofd} a check names, the template of its verification URL,
   * its sum format and the hosts besides {@link Ofd#verificationHost()} it answers on (test and
   * alternative sites).
   *
   * <p>The template is an {@code http://} or {@code https://} URL with the placeholders {@code {i}}
   * (fiscal sign), {@code {f}} (RNM), {@code {s}} (total), {@code {t}} (date-time as
   * {@code yyyyMMdd'T'HHmmss} at +05:00) and optionally {@code {host}}, replaced by the host of the
   * check's {@link Ofd} when it is one of this operator's hosts, else by the main host. Hosts may
   * carry a path ({@code ofd1.kz/t/}).
   *
   * @param ofd name, Webkassa code and main verification host
   * @param urlTemplate the verification URL with placeholders, e.g. {@link #STANDARD_TEMPLATE}
   * @param sumFormat how the total is written
   * @param otherHosts test and alternative verification hosts
   */
  public record Operator(Ofd ofd, String urlTemplate, SumFormat sumFormat, List<String> otherHosts) {

    /** @throws IllegalArgumentException naming a placeholder the template lacks, or a scheme other than http(s) */
    public Operator {
      Objects.requireNonNull(ofd, "ofd");
      Objects.requireNonNull(urlTemplate, "urlTemplate");
      Objects.requireNonNull(sumFormat, "sumFormat");
      otherHosts = List.copyOf(otherHosts);
      if (!urlTemplate.startsWith("https://") && !urlTemplate.startsWith("http://")) {
        throw new IllegalArgumentException("URL template must start with http:// or https://, was '" + urlTemplate + "'");
      }
      for (String placeholder : List.of("{i}", "{f}", "{s}", "{t}")) {
        if (!urlTemplate.contains(placeholder)) {
          throw new IllegalArgumentException("URL template lacks the placeholder " + placeholder + ": '" + urlTemplate + "'");
        }
      }
    }

    /** An operator whose URL follows {@link #STANDARD_TEMPLATE} with the sum as {@code 500.00}. */
    public static Operator standard(Ofd ofd, String... otherHosts) {
      return new Operator(ofd, STANDARD_TEMPLATE, SumFormat.TWO_DECIMALS, List.of(otherHosts));
    }

    /** The main host followed by the other hosts. */
    public List<String> hosts() {
      List<String> hosts = new ArrayList<>(otherHosts.size() + 1);
      hosts.add(ofd.verificationHost());
      hosts.addAll(otherHosts);
      return hosts;
    }

    /** The URL of a check, with {@code host} in place of {@code {host}} when this operator knows it. */
    String expand(String host, String fiscalSign, String rnm, Tenge total, OffsetDateTime dateTime) {
      String chosen = knowsHost(normalize(host)) ? host : ofd.verificationHost();
      return urlTemplate
          .replace("{host}", chosen)
          .replace("{i}", fiscalSign)
          .replace("{f}", rnm)
          .replace("{s}", sumFormat.format(total))
          .replace("{t}", VerificationUrl.urlTime(dateTime));
    }

    private boolean knowsHost(String normalizedHost) {
      for (String known : hosts()) {
        if (normalize(known).equals(normalizedHost)) {
          return true;
        }
      }
      return false;
    }

    private boolean sharesHostWith(Operator other) {
      for (String host : other.hosts()) {
        if (knowsHost(normalize(host))) {
          return true;
        }
      }
      return false;
    }
  }
}
