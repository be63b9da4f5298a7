package kz.fiscal.serial.internal;

import java.util.Optional;

/** Which fiscal sign a document carries (docs/serial-shtrih.md §6.1): the tail's FS64, else a usable FS32. Stateless. */
final class FiscalSigns {
  private static final long FS32_UNAVAILABLE = 0xFFFF_FFFFL;

  private FiscalSigns() {}

  static Optional<String> of(Optional<KzTail> tail, long fs32) {
    if (tail.isPresent()) {
      return Optional.of(tail.get().fiscalSignText());
    }
    return fs32 == FS32_UNAVAILABLE ? Optional.empty() : Optional.of(Long.toString(fs32));
  }
}
