package kz.fiscal.core;

import java.util.Objects;

/**
 * A fiscal data operator as a check names it: requisite 12 (name and verification site).
 *
 * @param name the operator's name, e.g. {@code АО «Казахтелеком»}
 * @param code the operator's code as Webkassa numbers it (1-4 for the operators of the rules), 0 if none
 * @param verificationHost where a buyer checks a check, e.g. {@code consumer.oofd.kz}
 */
public record Ofd(String name, int code, String verificationHost) {
  public Ofd {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verificationHost, "verificationHost");
    if (code < 0) {
      throw new IllegalArgumentException("OFD code must be >= 0, was " + code);
    }
  }
}
