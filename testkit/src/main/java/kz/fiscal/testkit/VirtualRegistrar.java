package kz.fiscal.testkit;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import kz.fiscal.testkit.internal.shtrih.DeviceLink;
import kz.fiscal.testkit.internal.shtrih.DeviceSettings;
import kz.fiscal.testkit.internal.shtrih.FaultBoard;
import kz.fiscal.testkit.internal.shtrih.LinkCommands;
import kz.fiscal.testkit.internal.shtrih.WireLog;

/**
 * A Shtrih-M fiscal registrar's device side (serial-shtrih.md §1.4, §7.4-§7.6) over plain JDK streams:
 * in-memory pipes, or the peer end of a pty opened as a file. It needs no serial library and shares no
 * code with any driver, so a driver tested against it is checked independently. Thread-safe: the device
 * runs on its own thread, and tests arm faults, power-cycle it and read its log from theirs.
 *
 * <p>This release has the link layer (states, held answers, reply delays, the link faults of §7.5) and
 * answers short status (0x10) in its power-on state; other commands answer {@code 37} ("not supported")
 * until the fiscal state arrives.
 */
public final class VirtualRegistrar implements AutoCloseable {
  /** Which way bytes went. */
  public enum Direction { HOST_TO_DEVICE, DEVICE_TO_HOST }

  /**
   * Bytes the device received or sent as one unit: a control byte, a frame (or what arrived of one),
   * or one transmission.
   *
   * @param at the registrar's clock when the device handled them
   */
  public record WireEntry(Instant at, Direction direction, byte[] bytes) {
    public WireEntry {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(direction, "direction");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The spec's trace notation, e.g. {@code H→D 02 05 10 01 00 00 00 14}. */
    @Override
    public String toString() {
      return (direction == Direction.HOST_TO_DEVICE ? "H→D " : "D→H ")
          + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
  }

  private final MutableClock clock;
  private final FaultBoard faults = new FaultBoard();
  private final WireLog log;
  private final DeviceLink device;
  private final InputStream input;
  private final OutputStream output;

  private VirtualRegistrar(Builder b, InputStream input, OutputStream output) {
    this.clock = MutableClock.of(b.clock);
    this.log = new WireLog(clock);
    this.input = input;
    this.output = output;
    this.device = new DeviceLink(new DeviceSettings(b.replyDelay, b.byteTimeout, b.confirmTimeout, b.execTimes,
        b.baud), new LinkCommands(), faults, log, output);
    device.start(input, "virtual-registrar");
  }

  /** A builder with the spec's defaults: no reply delay, T_dev_byte 50 ms, T_confirm 500 ms, no pacing. */
  public static Builder builder() {
    return new Builder();
  }

  /** Arms {@code fault}; it fires on the frames its trigger names. */
  public void arm(RegistrarFault fault) {
    faults.arm(Objects.requireNonNull(fault, "fault"));
  }

  /** Disarms every fault and ends a silence. */
  public void clearFaults() {
    faults.clear();
    device.endSilence();
  }

  /**
   * Power-cycles the device now: a held or pending answer is lost, a frame being received is dropped,
   * and the device is IDLE when this returns.
   */
  public void reboot() {
    device.powerCycle();
  }

  /** The registrar's clock; tests set or advance it. */
  public MutableClock clock() {
    return clock;
  }

  /** Every byte in and out so far, in the order the device handled them. */
  public List<WireEntry> frameLog() {
    return log.entries();
  }

  /** {@link #frameLog()} in the spec's trace notation, one entry per line. */
  public String trace() {
    return frameLog().stream().map(WireEntry::toString).collect(Collectors.joining("\n"));
  }

  /** The command codes the device executed (committed), in order; {@code FFxx} as {@code 0xFFxx}. */
  public List<Integer> executedCommands() {
    return device.executed();
  }

  /** Stops the device and closes both streams; idempotent. */
  @Override
  public void close() {
    device.stop();
    closeQuietly(input);
    closeQuietly(output);
  }

  private static void closeQuietly(AutoCloseable stream) {
    try {
      stream.close();
    } catch (Exception e) {
      // the line is gone anyway
    }
  }

  /** Configures a registrar. Not thread-safe. */
  public static final class Builder {
    private Duration replyDelay = Duration.ZERO;
    private Duration byteTimeout = Duration.ofMillis(50);
    private Duration confirmTimeout = Duration.ofMillis(500);
    private final Map<Integer, Duration> execTimes = new HashMap<>();
    private int baud;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Wait before each ACK/NAK and before replying to ENQ ({@code replyDelayMs}; a real device ≥ 50 ms). */
    public Builder replyDelay(Duration d) {
      this.replyDelay = requireNotNegative(d, "replyDelay");
      return this;
    }

    /** {@code T_dev_byte}: the longest gap inside a frame before it is dropped or NAKed. */
    public Builder receiveByteTimeout(Duration d) {
      this.byteTimeout = requirePositive(d, "receiveByteTimeout");
      return this;
    }

    /** {@code T_confirm}: how long a sent answer waits for ACK/NAK before it is held. */
    public Builder confirmTimeout(Duration d) {
      this.confirmTimeout = requirePositive(d, "confirmTimeout");
      return this;
    }

    /** Busy time of {@code command} before its answer is ready ({@code execMs[cmd]}). */
    public Builder execTime(int command, Duration d) {
      execTimes.put(command, requireNotNegative(d, "execTime"));
      return this;
    }

    /**
     * Paces every byte sent at 10 bit times of {@code baud} and answers a frame no sooner than its
     * length allows ({@code lineSpeed}), for lines such as a pty that ignore the rate.
     */
    public Builder lineSpeed(int baud) {
      if (baud < 300 || baud > 921_600) {
        throw new IllegalArgumentException("baud must be 300…921600, got " + baud);
      }
      this.baud = baud;
      return this;
    }

    /** The clock the registrar's own clock starts from; system UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts a registrar that reads the host's bytes from {@code in} and writes to {@code out}. */
    public VirtualRegistrar start(InputStream in, OutputStream out) {
      return new VirtualRegistrar(this, Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"));
    }

    /**
     * Starts a registrar on a port opened as a file, e.g. the peer end of a pty pair that socat made
     * with {@code raw,echo=0}.
     *
     * @throws UncheckedIOException when the port cannot be opened
     */
    public VirtualRegistrar start(Path port) {
      try {
        return start(new FileInputStream(port.toFile()), new FileOutputStream(port.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + port, e);
      }
    }

    private static Duration requireNotNegative(Duration d, String name) {
      if (Objects.requireNonNull(d, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }

    private static Duration requirePositive(Duration d, String name) {
      if (requireNotNegative(d, name).isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
