package kz.fiscal.testkit.internal.webkassa;

import java.time.Clock;
import java.util.List;

/** What a fake Webkassa is configured with; the first cashbox is the default one. */
public record Settings(
    String apiKey,
    String login,
    String password,
    List<Register> cashboxes,
    String address,
    Ofd ofd,
    Clock clock,
    String employeeName) {

  /** One cash register: Webkassa's UniqueNumber, its RNM and its serial number (ZNM). */
  public record Register(String uniqueNumber, String rnm, String identityNumber) {}

  /** The OFD the registers report to. */
  public record Ofd(String name, int code, String host) {}

  public Settings {
    cashboxes = List.copyOf(cashboxes);
    if (cashboxes.isEmpty()) {
      throw new IllegalArgumentException("at least one cashbox is required");
    }
  }
}
