package kz.fiscal.testkit.internal.shtrih;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kz.fiscal.testkit.RegistrarFault;
import kz.fiscal.testkit.RegistrarFault.Kind;
import kz.fiscal.testkit.VirtualRegistrar.Direction;

/**
 * The device side of the Shtrih-M link (docs/serial-shtrih.md §1.4) with the link faults of §7.5, run by one device
 * thread over plain JDK streams. Bytes are handled strictly in arrival order; bytes that arrive while it
 * transmits or waits are handled afterwards. The receiving and sending states of docs/serial-shtrih.md §1.4 are the
 * methods {@link #receive} and {@link Transmitter#answer}; the others are {@link State}. Its public
 * methods are thread-safe.
 */
public final class DeviceLink {
  private enum State { IDLE, AWAIT_CONFIRM, HOLDING }

  private final DeviceSettings settings;
  private final Commands commands;
  private final FaultBoard faults;
  private final WireLog log;
  private final LineInput in = new LineInput();
  private final Transmitter out;
  private final List<Integer> executed = new ArrayList<>();
  private State state = State.IDLE;
  private Optional<byte[]> held = Optional.empty();
  private long confirmDeadline;

  public DeviceLink(DeviceSettings settings, Commands commands, FaultBoard faults, WireLog log, OutputStream output) {
    this.settings = settings;
    this.commands = commands;
    this.faults = faults;
    this.log = log;
    this.out = new Transmitter(output, in, log, settings);
  }

  /** Starts the pump and device threads, named after {@code name}. */
  public void start(InputStream input, String name) {
    in.pumpFrom(input, name);
    Thread device = new Thread(this::run, name);
    device.setDaemon(true);
    device.start();
  }

  /** Power-cycles the device and waits until it is back in IDLE with nothing held. */
  public void powerCycle() {
    in.requestPowerCycle().join();
  }

  /** Ends a silence now. */
  public void endSilence() {
    in.endSilence();
  }

  public void stop() {
    in.close();
  }

  /** The command codes executed so far, in order. */
  public List<Integer> executed() {
    synchronized (executed) {
      return List.copyOf(executed);
    }
  }

  private void run() {
    while (true) {
      try {
        step();
      } catch (LineInput.PowerCycle cycle) {
        powerOn();
        in.poweredOn();
      } catch (LineInput.LineClosed | UncheckedIOException closed) {
        in.close();
        return;
      }
    }
  }

  private void powerOn() {
    state = State.IDLE;
    held = Optional.empty();
    commands.powerCycled();
  }

  private void step() {
    OptionalInt next = in.next(state == State.AWAIT_CONFIRM ? confirmDeadline : LineInput.FOREVER);
    if (next.isEmpty()) {
      state = State.HOLDING;
      return;
    }
    int b = next.getAsInt();
    if (b == ShtrihBytes.STX) {
      receive();
    } else if (b == ShtrihBytes.ENQ) {
      logIn(b);
      if (held.isEmpty()) {
        out.reply(ShtrihBytes.NAK);
      } else {
        out.reply(ShtrihBytes.ACK);
        transmit(held.get(), Transmitter.Damage.INTACT);
      }
    } else {
      logIn(b);
      if (state == State.AWAIT_CONFIRM && b == ShtrihBytes.ACK) {
        held = Optional.empty();
        state = State.IDLE;
      } else if (state == State.AWAIT_CONFIRM && b == ShtrihBytes.NAK) {
        state = State.HOLDING;
      }
    }
  }

  /** RECEIVING, STX consumed: delimit the frame by LEN, check it, and hand it on or NAK it. */
  private void receive() {
    long stxAt = System.nanoTime();
    if (state == State.AWAIT_CONFIRM) {
      state = State.HOLDING;
    }
    byte[] got = new byte[258];
    got[0] = ShtrihBytes.STX;
    int count = 1;
    int needed = 2;
    while (count < needed) {
      OptionalInt b = in.next(System.nanoTime() + settings.byteTimeout().toNanos());
      if (b.isEmpty()) {
        log.add(Direction.HOST_TO_DEVICE, Arrays.copyOf(got, count));
        if (count > 1) {
          out.reply(ShtrihBytes.NAK);
        }
        return;
      }
      got[count++] = (byte) b.getAsInt();
      if (count == 2) {
        needed = got[1] == 0 ? 2 : (got[1] & 0xFF) + 3;
      }
    }
    log.add(Direction.HOST_TO_DEVICE, Arrays.copyOf(got, count));
    byte[] body = Arrays.copyOfRange(got, 2, Math.max(2, count - 1));
    if (got[1] == 0 || (got[count - 1] & 0xFF) != ShtrihBytes.checksum(body)) {
      out.reply(ShtrihBytes.NAK);
      return;
    }
    in.pauseUntil(stxAt + count * settings.byteNanos());
    onFrame(body);
  }

  /** An intact frame: the faults decide whether it is accepted, and what becomes of its answer. */
  private void onFrame(byte[] body) {
    int command = ShtrihBytes.commandOf(body);
    Map<Kind, RegistrarFault> fired = faults.fire(command);
    fired.computeIfPresent(Kind.NOISE, (k, f) -> {
      out.addNoise(f.bytes());
      return f;
    });
    RegistrarFault silent = fired.get(Kind.SILENT);
    if (silent != null && !silent.executesBeforeSilence()) {
      silence(silent);
      return;
    }
    if (fired.containsKey(Kind.IGNORE_FRAME)) {
      return;
    }
    if (fired.containsKey(Kind.NAK_FRAME)) {
      out.reply(ShtrihBytes.NAK);
      return;
    }
    if (!fired.containsKey(Kind.DROP_ACK)) {
      out.reply(ShtrihBytes.ACK);
    }
    held = Optional.empty();
    state = State.IDLE;
    RegistrarFault lose = fired.get(Kind.LOSE_ANSWER);
    if (lose != null) {
      if (lose.commit()) {
        execute(body, fired);
      }
      powerOn();
      return;
    }
    if (silent != null) {
      held = Optional.of(ShtrihBytes.wrap(execute(body, fired)));
      state = State.HOLDING;
      silence(silent);
      return;
    }
    busy(settings.execTime(command).plus(duration(fired, Kind.BUSY)).toNanos());
    byte[] answer = ShtrihBytes.wrap(execute(body, fired));
    held = Optional.of(answer);
    if (fired.containsKey(Kind.DROP_ACK) || fired.containsKey(Kind.DROP_ANSWER)) {
      state = State.HOLDING;
      return;
    }
    RegistrarFault truncate = fired.get(Kind.TRUNCATE_ANSWER);
    RegistrarFault gap = fired.get(Kind.GAP_IN_ANSWER);
    transmit(answer, new Transmitter.Damage(fired.containsKey(Kind.CORRUPT_LRC),
        truncate == null ? -1 : truncate.bytes(), gap == null ? -1 : gap.bytes(),
        gap == null ? 0 : gap.duration().toNanos()));
  }

  /** EXECUTING: every ENQ gets ACK until the answer is ready; other bytes are ignored. */
  private void busy(long nanos) {
    long readyAt = System.nanoTime() + nanos;
    while (System.nanoTime() < readyAt) {
      OptionalInt b = in.next(readyAt);
      if (b.isEmpty()) {
        return;
      }
      logIn(b.getAsInt());
      if (b.getAsInt() == ShtrihBytes.ENQ) {
        out.reply(ShtrihBytes.ACK);
      }
    }
  }

  private void transmit(byte[] answer, Transmitter.Damage damage) {
    if (out.answer(answer, damage)) {
      state = State.AWAIT_CONFIRM;
      confirmDeadline = System.nanoTime() + settings.confirmTimeout().toNanos();
    } else {
      state = State.HOLDING;
    }
  }

  private void silence(RegistrarFault fault) {
    long nanos = fault.duration().toNanos();
    in.silenceUntil(nanos == 0 ? LineInput.FOREVER : System.nanoTime() + nanos);
    state = held.isPresent() ? State.HOLDING : State.IDLE;
  }

  /** Executes {@code body}, unless a forced error answers it without executing. */
  private byte[] execute(byte[] body, Map<Kind, RegistrarFault> fired) {
    RegistrarFault forced = fired.get(Kind.FORCE_ERROR);
    if (forced != null) {
      return ShtrihBytes.errorAnswer(body, forced.errorCode());
    }
    synchronized (executed) {
      executed.add(ShtrihBytes.commandOf(body));
    }
    return commands.execute(body);
  }

  private void logIn(int b) {
    log.add(Direction.HOST_TO_DEVICE, new byte[] {(byte) b});
  }

  private static java.time.Duration duration(Map<Kind, RegistrarFault> fired, Kind kind) {
    RegistrarFault f = fired.get(kind);
    return f == null ? java.time.Duration.ZERO : f.duration();
  }
}
