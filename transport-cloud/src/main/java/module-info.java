/** The cloud cash-register transport: {@code WebkassaDriver} (Webkassa API v4). */
module kz.fiscal.cloud {
  requires transitive kz.fiscal.core;
  requires transitive okhttp3;
  requires com.squareup.moshi;

  exports kz.fiscal.cloud.webkassa;
  // Moshi builds the wire records reflectively; the package is not API.
  opens kz.fiscal.cloud.webkassa.internal to com.squareup.moshi;
}
