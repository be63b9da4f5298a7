package kz.fiscal.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.ReceiptFeature;

/**
 * What a driver is and can carry.
 *
 * @param name the driver's name, e.g. {@code webkassa}
 * @param registerId how the driver addresses its register (Webkassa's cashbox number, a port path)
 * @param rnm the register's registration number at the tax authority, when known
 * @param serialNumber the register's serial number (ZNM), when known
 * @param capabilities the receipt features the driver can carry
 */
public record DriverInfo(String name, String registerId, Optional<String> rnm, Optional<String> serialNumber,
    Set<ReceiptFeature> capabilities) {

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
