/** Fakes and the driver conformance suite that let shops test without a real cash register. */
module kz.fiscal.testkit {
  requires kz.fiscal.core;
  requires org.junit.jupiter.api;
}
