/** OFD registry, verification URLs, QR images and electronic checks. */
module kz.fiscal.qr {
  requires kz.fiscal.core;
}
