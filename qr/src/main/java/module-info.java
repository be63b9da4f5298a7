/**
 * OFD registry, verification URLs, QR images and electronic checks; depends on core and ZXing core.
 * Only {@code kz.fiscal.qr} is API: {@code kz.fiscal.qr.internal} is not exported.
 */
module kz.fiscal.qr {
  requires kz.fiscal.core;
  requires com.google.zxing;

  exports kz.fiscal.qr;
}
