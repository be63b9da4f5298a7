package kz.fiscal.testkit.internal.shtrih;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.RegistrarState;

/** The check being registered (docs/serial-shtrih.md §7.1 {@code check}). Guarded by the {@link FiscalState} lock. */
final class OpenCheck {
  final boolean saleReturn;
  final int owner;
  final List<RegistrarDocument.Line> lines = new ArrayList<>();
  long subtotal;
  Optional<RegistrarDocument.ReturnBasis> basis = Optional.empty();

  OpenCheck(boolean saleReturn, int owner) {
    this.saleReturn = saleReturn;
    this.owner = owner;
  }

  /** Whether {@code operator} may act on this check: its owner, or an administrator (29, 30). */
  boolean actsOn(int operator) {
    return operator == owner || operator >= 29;
  }

  /** The mode byte: {@code 08} sale, {@code 28} sale return. */
  int modeByte() {
    return saleReturn ? 0x28 : 0x08;
  }

  RegistrarState.OpenCheck view() {
    return new RegistrarState.OpenCheck(saleReturn, owner, lines, subtotal, basis);
  }
}
