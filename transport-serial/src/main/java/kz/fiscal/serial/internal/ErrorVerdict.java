package kz.fiscal.serial.internal;

import java.util.Objects;

/**
 * How the driver reads one answer or link outcome: its class and the action that goes with it (docs/serial-shtrih.md
 * §4.5). Immutable.
 */
public record ErrorVerdict(ErrorClass errorClass, Remedy remedy) {
  public ErrorVerdict {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(remedy, "remedy");
  }

  static ErrorVerdict of(ErrorClass errorClass) {
    return new ErrorVerdict(errorClass, Remedy.NONE);
  }
}
