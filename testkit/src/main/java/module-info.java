/** Fakes and the driver conformance suite that let shops test without a real cash register. */
module kz.fiscal.testkit {
  requires transitive kz.fiscal.core;
  requires transitive org.junit.jupiter.api;

  exports kz.fiscal.testkit;
}
