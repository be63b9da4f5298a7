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
import kz.fiscal.testkit.internal.shtrih.FiscalCommands;
import kz.fiscal.testkit.internal.shtrih.FiscalMemoryJson;
import kz.fiscal.testkit.internal.shtrih.FiscalSettings;
import kz.fiscal.testkit.internal.shtrih.FiscalState;
import kz.fiscal.testkit.internal.shtrih.WireLog;

/**
 * A Shtrih-M fiscal registrar's device side (docs/serial-shtrih.md §1.4, §7.4-§7.6) over plain JDK streams:
 * in-memory pipes, or the peer end of a pty opened as a file. It needs no serial library and shares no
 * code with any driver, so a driver tested against it is checked independently. Thread-safe: the device
 * runs on its own thread, and tests arm faults, power-cycle it and read its log from theirs.
 *
 * <p>Behind the link layer (states, held answers, reply delays, the link faults of §7.5) it keeps the
 * fiscal state of §7.1 (shift with its 24 h limit on its own clock at +05:00, the open check, counters,
 * and a fiscal memory of documents signed as §7.3 says) and runs every command of §3 with the checks and
 * error precedence of §7.2. The fiscal knobs of §7.5 ({@link RegistrarFault#forceError}, paper out,
 * OFD offline, FF commands unsupported, KZ tail off) are methods here; {@link #snapshot()} and
 * {@link #restore(String)} carry fiscal memory across registrars.
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

    /** The trace notation of docs/serial-shtrih.md §1.7, e.g. {@code H→D 02 05 10 01 00 00 00 14}. */
    @Override
    public String toString() {
      return (direction == Direction.HOST_TO_DEVICE ? "H→D " : "D→H ")
          + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
  }

  private final MutableClock clock;
  private final FiscalState fiscal;
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
    this.fiscal = new FiscalState(new FiscalSettings(b.serial, b.bin, b.fsKey, b.fsDigits, b.taxRates, b.printTimes,
        b.maxLines, b.shiftNotOpenCode, b.rebootCancelsCheck), clock);
    this.device = new DeviceLink(new DeviceSettings(b.replyDelay, b.byteTimeout, b.confirmTimeout, b.execTimes,
        b.baud), new FiscalCommands(fiscal), faults, log, output);
    device.start(input, "virtual-registrar");
  }

  /** A builder with the defaults of docs/serial-shtrih.md §7.4: no reply delay, T_dev_byte 50 ms, T_confirm 500 ms, no pacing. */
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

  /** Takes the paper out (passive paper-out, §7.5): submode 1, flags {@code 0210}, until {@link #paperLoaded()}. */
  public void paperOut() {
    fiscal.paperOut();
  }

  /**
   * Loads paper: after a passive paper-out the device is ready (submode 0); after paper ran out while
   * printing it waits for B0 (submode 3).
   */
  public void paperLoaded() {
    fiscal.paperLoaded();
  }

  /** The next printing command commits and answers OK, then the paper is out (submode 2, §7.5). */
  public void paperOutDuringNextPrint() {
    fiscal.armPaperOutDuringNextPrint();
  }

  /** While on, documents are made offline: tail flag bit 0, FF0A "OFD receipt" 0, FF01 warning bit 3. */
  public void ofdOffline(boolean on) {
    fiscal.ofdOffline(on);
  }

  /** While on, every FFxx frame is answered in the old-firmware form {@code FF 37} (§1.3). */
  public void fnCommandsUnsupported(boolean on) {
    fiscal.ffUnsupported(on);
  }

  /** Whether FF45 and FF0A answers carry the KZ tail (§3.12); on by default. */
  public void kzTail(boolean on) {
    fiscal.kzTail(on);
  }

  /** The fiscal state now (§7.1). */
  public RegistrarState state() {
    return fiscal.view();
  }

  /** Fiscal memory: every document, in FD order, FD 1 (registration) first. */
  public List<RegistrarDocument> documents() {
    return fiscal.documents();
  }

  /** Fiscal memory, counters, the shift and any open check as JSON, for {@link #restore(String)}. */
  public String snapshot() {
    return FiscalMemoryJson.write(fiscal);
  }

  /**
   * Replaces the fiscal state with a {@link #snapshot()}, as a registrar restarted on the same fiscal
   * memory. Faults, paper and printing are left as they are.
   *
   * @throws IllegalArgumentException when {@code json} is not a snapshot
   */
  public void restore(String json) {
    FiscalMemoryJson.read(Objects.requireNonNull(json, "json"), fiscal);
  }

  /** The registrar's clock; tests set or advance it. */
  public MutableClock clock() {
    return clock;
  }

  /** Every byte in and out so far, in the order the device handled them. */
  public List<WireEntry> frameLog() {
    return log.entries();
  }

  /** {@link #frameLog()} in the trace notation of docs/serial-shtrih.md §1.7, one entry per line. */
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
    private long serial = 12_345_678;
    private long bin = 150_740_001_357L;
    private byte[] fsKey = "virtual-registrar-ofd-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private int fsDigits = 12;
    private final Map<Integer, Integer> taxRates = new HashMap<>(Map.of(1, 1600, 2, 1200, 3, 0, 4, 500));
    private final Map<Integer, Duration> printTimes = new HashMap<>();
    private int maxLines = 200;
    private int shiftNotOpenCode = 0x3D;
    private boolean rebootCancelsCheck;

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

    /** The serial number (12345678 by default); also the 16-digit storage serial. */
    public Builder serial(long serial) {
      if (serial < 0 || serial > 0xFFFF_FFFEL) {
        throw new IllegalArgumentException("a serial is a uint32 below FFFFFFFF, got " + serial);
      }
      this.serial = serial;
      return this;
    }

    /** The seller's BIN/IIN in the INN field of 0x11 (150740001357 by default). */
    public Builder bin(long bin) {
      if (bin < 0 || bin > 999_999_999_999L) {
        throw new IllegalArgumentException("a BIN has 12 digits, got " + bin);
      }
      this.bin = bin;
      return this;
    }

    /** The fiscal sign's HMAC key ({@code fsKey}) and digit count ({@code fsDigits}, 9…19) of §7.3. */
    public Builder fiscalSign(String key, int digits) {
      if (digits < 9 || digits > 19) {
        throw new IllegalArgumentException("fsDigits must be 9…19, got " + digits);
      }
      this.fsKey = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      this.fsDigits = digits;
      return this;
    }

    /** The rate of tax group 1…4 in basis points (defaults 1600, 1200, 0, 500). */
    public Builder taxRate(int group, int basisPoints) {
      if (group < 1 || group > 4 || basisPoints < 0 || basisPoints > 10_000) {
        throw new IllegalArgumentException("group 1…4 and 0…10000 basis points, got " + group + ", " + basisPoints);
      }
      taxRates.put(group, basisPoints);
      return this;
    }

    /** How long {@code command} keeps the submode at 5 ("printing") on the registrar's clock ({@code printMs}). */
    public Builder printTime(int command, Duration d) {
      printTimes.put(command, requireNotNegative(d, "printTime"));
      return this;
    }

    /** The most lines a check takes before {@code 94} (200 by default). */
    public Builder maxLines(int lines) {
      if (lines < 1) {
        throw new IllegalArgumentException("maxLines must be >= 1, got " + lines);
      }
      this.maxLines = lines;
      return this;
    }

    /** The code for "shift not open": {@code 0x3D} (default) or {@code 0x16} (§10 item 8). */
    public Builder shiftNotOpenCode(int code) {
      if (code != 0x3D && code != 0x16) {
        throw new IllegalArgumentException("shiftNotOpenCode is 0x3D or 0x16, got " + code);
      }
      this.shiftNotOpenCode = code;
      return this;
    }

    /** Whether a power cycle discards an open check ({@code rebootCancelsCheck}, false by default). */
    public Builder rebootCancelsCheck(boolean cancels) {
      this.rebootCancelsCheck = cancels;
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
