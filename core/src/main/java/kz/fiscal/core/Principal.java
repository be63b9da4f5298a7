package kz.fiscal.core;

import java.util.Objects;

/**
 * The principal on whose behalf an agent sells an item (marketplaces, commission sales). Agent
 * requisites on Kazakh checks are unconfirmed (kz-fiscal-rules §11), so this is optional data.
 *
 * @param name the principal's name
 * @param xin the principal's IIN/BIN
 */
public record Principal(String name, Xin xin) {
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(xin, "xin");
  }
}
