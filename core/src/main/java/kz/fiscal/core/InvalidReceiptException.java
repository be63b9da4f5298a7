package kz.fiscal.core;

import java.util.List;

/** The receipt breaks local rules or uses a feature the driver cannot carry; nothing was journaled or sent. */
public final class InvalidReceiptException extends FiscalException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /** @throws IllegalArgumentException if {@code violations} is empty */
  public InvalidReceiptException(List<Violation> violations) {
    super(describe(violations), null);
    this.violations = List.copyOf(violations);
  }

  /** Every violation found, at least one. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("An invalid receipt has at least one violation");
    }
    StringBuilder text = new StringBuilder("Receipt is invalid (").append(violations.size())
        .append(violations.size() == 1 ? " violation): " : " violations): ");
    for (int i = 0; i < violations.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    return text.toString();
  }
}
