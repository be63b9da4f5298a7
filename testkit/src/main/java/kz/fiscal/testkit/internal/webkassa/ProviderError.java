package kz.fiscal.testkit.internal.webkassa;

/** An error Webkassa answers as {@code {"Errors":[{"Code":code,"Text":text}]}}; nothing is committed. */
final class ProviderError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int code;

  ProviderError(int code, String text) {
    super(text, null, false, false);
    this.code = code;
  }

  /** A validation error (code 9) whose text names the field. */
  static ProviderError invalid(String field, String problem) {
    return new ProviderError(9, field + ": " + problem);
  }
}
