package kz.fiscal.qr;

import java.util.Objects;

/**
 * A verification URL that {@link VerificationUrl#parse(String)} cannot read; {@link #parameter()}
 * names what is wrong ({@code i}, {@code f}, {@code s}, {@code t}, or {@code scheme}, {@code host},
 * {@code query} for the URL's frame) and the message says how, quoting the URL.
 */
public final class InvalidVerificationUrlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  InvalidVerificationUrlException(String parameter, String problem, String url) {
    super(problem + ": " + url);
    this.parameter = Objects.requireNonNull(parameter, "parameter");
  }

  /** What is wrong: a query parameter's name, or {@code scheme}, {@code host} or {@code query}. */
  public String parameter() {
    return parameter;
  }
}
