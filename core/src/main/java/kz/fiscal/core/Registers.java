package kz.fiscal.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptRecord;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.Violation.ViolationCode;

/**
 * A client's registers: their drivers in the order configured, how busy each is, and the router that
 * picks one for a receipt never sent. A record once sent goes to its own register only. Thread-safe.
 */
final class Registers {
  private final Map<RegisterId, FiscalDriver> drivers;
  private final Map<RegisterId, AtomicInteger> inFlight = new LinkedHashMap<>();
  private final RegisterRouter router;

  /** @throws IllegalArgumentException if two drivers name the same register */
  Registers(List<FiscalDriver> configured, RegisterRouter router) {
    Map<RegisterId, FiscalDriver> byId = new LinkedHashMap<>();
    for (FiscalDriver driver : configured) {
      RegisterId id = driver.info().registerId();
      if (byId.putIfAbsent(id, driver) != null) {
        throw new IllegalArgumentException("Two drivers name register " + id);
      }
      inFlight.put(id, new AtomicInteger());
    }
    this.drivers = Collections.unmodifiableMap(byId);
    this.router = router;
  }

  Optional<FiscalDriver> driver(RegisterId register) {
    return Optional.ofNullable(drivers.get(register));
  }

  Set<RegisterId> ids() {
    return drivers.keySet();
  }

  /**
   * The register a receipt never sent goes to: {@code named} when the caller names one, else the
   * router's choice among the registers that can carry it. Adds a violation and returns empty when no
   * register takes it.
   */
  Optional<RegisterId> route(Receipt receipt, Optional<RegisterId> named, List<Violation> violations) {
    if (named.isPresent() && !drivers.containsKey(named.get())) {
      violations.add(new Violation(ViolationCode.NO_REGISTER, "register",
          "register " + named.get() + " is not one of this client's " + drivers.keySet()));
      return Optional.empty();
    }
    Set<ReceiptFeature> features = receipt.features();
    List<RegisterRouter.Candidate> able = new ArrayList<>(drivers.size());
    for (Map.Entry<RegisterId, FiscalDriver> e : drivers.entrySet()) {
      if (named.isPresent() && !named.get().equals(e.getKey())) {
        continue;
      }
      DriverInfo info = e.getValue().info();
      if (info.capabilities().containsAll(features)) {
        able.add(new RegisterRouter.Candidate(e.getKey(), info, inFlight.get(e.getKey()).get()));
      }
    }
    if (able.isEmpty()) {
      violations.addAll(missingFeatures(features, named));
      return Optional.empty();
    }
    Optional<RegisterId> chosen = named.isPresent() ? named : router.choose(receipt, Collections.unmodifiableList(able));
    if (chosen.isEmpty() || !isAmong(chosen.get(), able)) {
      violations.add(new Violation(ViolationCode.NO_REGISTER, "seller.xin", "no register of this client takes"
          + " receipts of seller " + receipt.seller().xin().value() + " (registers " + drivers.keySet() + ")"));
      return Optional.empty();
    }
    return chosen;
  }

  private static boolean isAmong(RegisterId register, List<RegisterRouter.Candidate> candidates) {
    for (RegisterRouter.Candidate candidate : candidates) {
      if (candidate.register().equals(register)) {
        return true;
      }
    }
    return false;
  }

  /** Each feature no register (or the named one) carries; or, when each is carried somewhere, the mismatch. */
  private List<Violation> missingFeatures(Set<ReceiptFeature> features, Optional<RegisterId> named) {
    Set<ReceiptFeature> carried = EnumSet.noneOf(ReceiptFeature.class);
    drivers.forEach((id, driver) -> {
      if (named.map(id::equals).orElse(true)) {
        carried.addAll(driver.info().capabilities());
      }
    });
    List<Violation> missing = new ArrayList<>();
    for (ReceiptFeature feature : features) {
      if (!carried.contains(feature)) {
        missing.add(new Violation(ViolationCode.UNSUPPORTED_BY_DRIVER, feature.path(),
            "the driver cannot carry " + feature));
      }
    }
    if (missing.isEmpty()) {
      missing.add(new Violation(ViolationCode.NO_REGISTER, "items", "no single register carries all of " + features));
    }
    return missing;
  }

  /**
   * Where a journaled record is worked: the register it is bound to; for one sent before registers were
   * recorded, the client's only register. Empty when that register is not this client's, or when such an
   * old record meets several registers (a person must say which).
   */
  Optional<RegisterId> home(ReceiptRecord record) {
    if (record.register().isPresent()) {
      return record.register().filter(drivers::containsKey);
    }
    return drivers.size() == 1 ? Optional.of(drivers.keySet().iterator().next()) : Optional.empty();
  }

  /** Whether {@code record} has never been sent, so it may be routed anew. */
  static boolean neverSent(ReceiptRecord record) {
    return record.register().isEmpty() && record.attempts() == 0;
  }

  /** Counts a run starting on {@code register}; the least-busy router reads the count. */
  void enter(RegisterId register) {
    inFlight.get(register).incrementAndGet();
  }

  /** Counts a run on {@code register} ended. */
  void leave(RegisterId register) {
    inFlight.get(register).decrementAndGet();
  }
}
