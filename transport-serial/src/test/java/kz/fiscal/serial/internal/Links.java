package kz.fiscal.serial.internal;

import java.time.Clock;
import java.time.Duration;
import kz.fiscal.serial.InMemoryLinkPair;

/** Host links with the spec's timeouts scaled down so that every timeout path takes milliseconds. */
final class Links {
  /** T_ctl 60 ms, T_byte 30 ms, T_answer 150 ms, T_busy_max 2 s; bounds as in the spec. */
  static final LinkSettings FAST = LinkSettings.defaults()
      .withLineTimeouts(Duration.ofMillis(60), Duration.ofMillis(30))
      .withAnswerTimeouts(Duration.ofMillis(150), Duration.ofSeconds(2));

  private Links() {}

  static HostLink host(InMemoryLinkPair pair) {
    return host(pair, FAST);
  }

  static HostLink host(InMemoryLinkPair pair, LinkSettings settings) {
    return new HostLink(pair.host(), settings, Clock.systemUTC());
  }

  static Frame frame(String hex) {
    return FrameCodec.decode(java.util.HexFormat.of().parseHex(hex.replace(" ", "")));
  }
}
