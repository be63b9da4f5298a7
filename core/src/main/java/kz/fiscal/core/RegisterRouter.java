package kz.fiscal.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.spi.DriverInfo;

/**
 * Chooses the register a new receipt is sent to, among the registers of a {@link FiscalClient} that
 * can carry it. Only a record never sent is routed: from its first send it is bound to its register.
 * Implementations are thread-safe and fast (they run on every {@code fiscalize}).
 */
@FunctionalInterface
public interface RegisterRouter {

  /**
   * The register for {@code receipt}, one of {@code candidates} (never empty; each can carry the
   * receipt's features), or empty when none of them may take it — then the receipt is refused before
   * anything is journaled.
   */
  Optional<RegisterId> choose(Receipt receipt, List<Candidate> candidates);

  /**
   * A register able to carry the receipt.
   *
   * @param register the register
   * @param info its driver's description
   * @param inFlight how many calls of the client are working on it now
   */
  record Candidate(RegisterId register, DriverInfo info, int inFlight) {
    public Candidate {
      Objects.requireNonNull(register, "register");
      Objects.requireNonNull(info, "info");
    }
  }

  /**
   * The least busy of the candidates, the first configured on a tie: a pool of one seller's registers
   * (Webkassa takes one request at a time per cashbox, so throughput grows with cashboxes).
   */
  static RegisterRouter leastBusy() {
    return (receipt, candidates) -> {
      Candidate least = null;
      for (Candidate candidate : candidates) {
        if (least == null || candidate.inFlight() < least.inFlight()) {
          least = candidate;
        }
      }
      return least == null ? Optional.empty() : Optional.of(least.register());
    };
  }

  /**
   * Each seller's own registers, least busy first: a marketplace whose merchants fiscalize on their
   * own registers. A receipt of a seller with no register here, or whose registers cannot carry it, is
   * refused. A return goes to a register of its seller like a sale.
   *
   * @param registersOfSeller the registers of each seller's BIN
   */
  static RegisterRouter bySeller(Map<Xin, ? extends Collection<RegisterId>> registersOfSeller) {
    Map<Xin, Set<RegisterId>> owned = registersOfSeller.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    RegisterRouter leastBusy = leastBusy();
    return (receipt, candidates) -> {
      Set<RegisterId> own = owned.getOrDefault(receipt.seller().xin(), Set.of());
      return leastBusy.choose(receipt, candidates.stream().filter(c -> own.contains(c.register())).toList());
    };
  }
}
