/**
 * OFD registry, verification URLs, QR images and electronic checks; depends on core and ZXing core.
 * Only {@code kz.fiscal.qr} is API: {@code kz.fiscal.qr.internal} is not exported.
 */
module kz.fiscal.qr {
  // Its API takes and returns core types (FiscalResult, Receipt): a reader of kz.fiscal.qr reads core.
  requires transitive kz.fiscal.core;
  requires com.google.zxing;

  exports kz.fiscal.qr;
}
