package kz.fiscal.testkit.internal.shtrih;

import java.time.Duration;
import java.util.Map;

/**
 * The registrar's fiscal options (docs/serial-shtrih.md §7.1-§7.5), fixed when it starts.
 *
 * @param serial the device serial number (0x11, FF01)
 * @param bin the seller's BIN in the INN field of 0x11
 * @param fsKey the HMAC key of the fiscal sign (§7.3)
 * @param fsDigits the digits of FS64, 9…19
 * @param taxRates basis points per tax group 1…4
 * @param printTimes how long submode 5 lasts after a printing command, per command code
 * @param maxLines the most lines a check takes before {@code 94}
 * @param shiftNotOpenCode {@code 3D} or {@code 16}
 * @param rebootCancelsCheck whether a power cycle discards an open check
 */
public record FiscalSettings(long serial, long bin, byte[] fsKey, int fsDigits, Map<Integer, Integer> taxRates,
    Map<Integer, Duration> printTimes, int maxLines, int shiftNotOpenCode, boolean rebootCancelsCheck) {
  public FiscalSettings {
    fsKey = fsKey.clone();
    taxRates = Map.copyOf(taxRates);
    printTimes = Map.copyOf(printTimes);
  }

  @Override
  public byte[] fsKey() {
    return fsKey.clone();
  }

  Duration printTime(int command) {
    return printTimes.getOrDefault(command, Duration.ZERO);
  }

  int taxRate(int group) {
    return taxRates.getOrDefault(group, 0);
  }
}
