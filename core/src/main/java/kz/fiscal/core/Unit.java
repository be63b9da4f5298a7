package kz.fiscal.core;

import java.util.Objects;

/**
 * A unit of measure by its ESF/OKEI code, as cash registers carry it (docs/kz-fiscal-rules.md §7).
 * Constants cover the common units; any other code can be built with {@link #of(int, String)}.
 *
 * @param code the OKEI code, positive
 * @param name the short name printed on the check
 */
public record Unit(int code, String name) {

  public static final Unit PIECE = new Unit(796, "шт");
  public static final Unit KILOGRAM = new Unit(166, "кг");
  public static final Unit LITRE = new Unit(112, "л");
  public static final Unit METRE = new Unit(6, "м");
  public static final Unit SQUARE_METRE = new Unit(55, "м²");
  public static final Unit CUBIC_METRE = new Unit(113, "м³");
  public static final Unit SERVICE = new Unit(5114, "одн. усл.");
  public static final Unit HOUR = new Unit(356, "ч");
  public static final Unit PACKAGE = new Unit(778, "упак");

  /** @throws IllegalArgumentException if the code is not positive or the name is blank */
  public Unit {
    Objects.requireNonNull(name, "name");
    if (code <= 0) {
      throw new IllegalArgumentException("Unit code must be positive, was " + code);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("Unit name must not be blank");
    }
  }

  /** A unit by code and short name. */
  public static Unit of(int code, String name) {
    return new Unit(code, name);
  }
}
