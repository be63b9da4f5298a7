/** Fakes and the driver conformance suite that let shops test without a real cash register. */
module kz.fiscal.testkit {
  requires transitive kz.fiscal.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires java.logging;
  // FakeWebkassa's implementation only: no MockWebServer, OkHttp or Moshi type is in a public signature.
  requires mockwebserver3;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;

  exports kz.fiscal.testkit;
}
