package kz.fiscal.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.RegisterId;

/**
 * What a driver is and can carry.
 *
 * @param name the driver's name, e.g. {@code webkassa}
 * @param registerId the register, named stably (provider and its own number: Webkassa's cashbox, a
 *     device's factory number), never by something that changes such as a port path
 * @param rnm the register's registration number at the tax authority, when known
 * @param serialNumber the register's serial number (ZNM), when known
 * @param capabilities the receipt features the driver can carry
 * @param stampsOwnTime whether the register dates each check itself when it makes it (Webkassa v4 takes
 *     no date), so a receipt's operation time is not what the check shows
 */
public record DriverInfo(String name, RegisterId registerId, Optional<String> rnm, Optional<String> serialNumber,
    Set<ReceiptFeature> capabilities, boolean stampsOwnTime) {

  /** A driver whose register prints the receipt's own operation time. */
  public DriverInfo(String name, RegisterId registerId, Optional<String> rnm, Optional<String> serialNumber,
      Set<ReceiptFeature> capabilities) {
    this(name, registerId, rnm, serialNumber, capabilities, false);
  }

  public DriverInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(registerId, "registerId");
    Objects.requireNonNull(rnm, "rnm");
    Objects.requireNonNull(serialNumber, "serialNumber");
    capabilities = Set.copyOf(capabilities);
  }

  /** Whether the driver can carry {@code feature}. */
  public boolean supports(ReceiptFeature feature) {
    return capabilities.contains(feature);
  }
}
