package kz.fiscal.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A provider's result as the journal keeps it: a field longer than any real one (a 40-character RNM, a
 * 200 KB verification URL) is dropped and named, so that the check the register made is journaled
 * {@code FISCALIZED} instead of failing the write on every pass. Without its URL the e-check builds the
 * verification URL from the OFD registry. Stateless.
 */
final class StoredResult {
  /** A return basis refuses longer fiscal signs (ReceiptValidator), so such a sign could never be used. */
  static final int MAX_FISCAL_SIGN = 20;
  static final int MAX_RNM = 32;
  static final int MAX_SERIAL = 64;
  static final int MAX_OFD_TEXT = 255;
  static final int MAX_URL = 2048;
  static final int MAX_REFERENCE = 255;

  /** The result to journal, and a sentence per dropped field (empty when nothing was dropped). */
  record Fitted(FiscalResult result, List<String> dropped) {}

  private StoredResult() {}

  static Fitted fit(FiscalResult r) {
    List<String> dropped = new ArrayList<>(0);
    Optional<String> sign = fit(r.fiscalSign(), "fiscalSign", MAX_FISCAL_SIGN, dropped);
    String rnm = fit(Optional.of(r.rnm()), "rnm", MAX_RNM, dropped).orElse("");
    Optional<String> serial = fit(r.registerSerial(), "registerSerial", MAX_SERIAL, dropped);
    String ofdName = fit(Optional.of(r.ofd().name()), "ofd.name", MAX_OFD_TEXT, dropped).orElse("");
    String ofdHost = fit(Optional.of(r.ofd().verificationHost()), "ofd.verificationHost", MAX_OFD_TEXT, dropped)
        .orElse("");
    Optional<String> url = fit(r.verificationUrl(), "verificationUrl", MAX_URL, dropped);
    Optional<String> reference = fit(r.providerReference(), "providerReference", MAX_REFERENCE, dropped);
    if (dropped.isEmpty()) {
      return new Fitted(r, List.of());
    }
    FiscalResult fitted = new FiscalResult(sign, r.checkNumber(), r.shiftNumber(), rnm, serial, r.dateTime(), r.total(),
        r.offline(), new Ofd(ofdName, r.ofd().code(), ofdHost), url, reference, r.register());
    return new Fitted(fitted, List.copyOf(dropped));
  }

  private static Optional<String> fit(Optional<String> value, String field, int max, List<String> dropped) {
    if (value.isPresent() && value.get().length() > max) {
      dropped.add(field + " of " + value.get().length() + " characters (more than " + max + ")");
      return Optional.empty();
    }
    return value;
  }
}
