/** The cloud cash-register transport: {@code WebkassaDriver} (Webkassa API v4). */
module kz.fiscal.cloud {
  requires kz.fiscal.core;
}
