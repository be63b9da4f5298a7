package kz.fiscal.testkit.internal.shtrih;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deterministic fiscal sign the registrar issues in place of the OFD (docs/serial-shtrih.md §7.3 [EXT]):
 * HMAC-SHA256 over {@code KZFS1|serial|fd|docType|yyyyMMddHHmm|opType|totalTiyn}, its first 8 bytes
 * reduced to exactly {@code digits} decimal digits. Stateless and thread-safe.
 */
final class FiscalSign {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final long FS32_UNAVAILABLE = 0xFFFF_FFFFL;

  private FiscalSign() {}

  /** FS64: always {@code digits} digits. */
  static long fs64(byte[] key, int digits, long serial, long fd, int docType, LocalDateTime at, int opType,
      long totalTiyn) {
    String msg = "KZFS1|" + serial + "|" + fd + "|" + docType + "|" + MINUTE.format(at) + "|" + opType + "|"
        + totalTiyn;
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac = hmac.doFinal(msg.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
    long h = ByteBuffer.wrap(mac, 0, 8).getLong();
    long low = pow10(digits - 1);
    return Long.remainderUnsigned(h, 9 * low) + low;
  }

  /** FS32: FS64 when it fits below {@code FFFFFFFF}, else {@code FFFFFFFF}. */
  static long fs32(long fs64) {
    return Long.compareUnsigned(fs64, FS32_UNAVAILABLE - 1) <= 0 ? fs64 : FS32_UNAVAILABLE;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
