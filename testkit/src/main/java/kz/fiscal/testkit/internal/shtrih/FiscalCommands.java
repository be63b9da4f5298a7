package kz.fiscal.testkit.internal.shtrih;

import static kz.fiscal.testkit.internal.shtrih.DeviceError.check;

import java.util.Map;
import java.util.Set;

/**
 * The registrar's command layer (docs/serial-shtrih.md §7.2): every command of §3 against the {@link FiscalState}, with
 * the checks in the spec's order (unknown code, length, password and rights, submode gate, state,
 * parameters); the first failing check decides the error and the command has no effect. Thread-safe: a
 * command runs under the state's lock.
 */
public final class FiscalCommands implements Commands {
  /** The shortest DATA (after the code) each known command takes. */
  private static final Map<Integer, Integer> MIN_DATA = Map.ofEntries(Map.entry(0x10, 4), Map.entry(0x11, 4),
      Map.entry(0xE0, 4), Map.entry(0x80, 59), Map.entry(0x82, 59), Map.entry(0x89, 4), Map.entry(0x85, 70),
      Map.entry(0xFF45, 116), Map.entry(0x88, 4), Map.entry(0x40, 4), Map.entry(0x41, 4), Map.entry(0xB0, 4),
      Map.entry(0xFC, 0), Map.entry(0xFF01, 4), Map.entry(0xFF0A, 8), Map.entry(0xFFF0, 34));
  private static final Set<Integer> PRINTING = Set.of(0xE0, 0x80, 0x82, 0x85, 0xFF45, 0x88, 0x40, 0x41, 0xB0);
  private static final Set<Integer> ADMINISTRATOR = Set.of(0x40, 0x41);
  private static final Set<Integer> SYSTEM_ADMINISTRATOR = Set.of(0xFF01, 0xFF0A, 0xFF45, 0xFFF0);

  private final FiscalState state;
  private final CheckCommands checks;
  private final ShiftCommands shifts;
  private final StatusAnswers status;

  public FiscalCommands(FiscalState state) {
    this.state = state;
    this.checks = new CheckCommands(state);
    this.shifts = new ShiftCommands(state);
    this.status = new StatusAnswers(state);
  }

  @Override
  public byte[] execute(byte[] body) {
    synchronized (state) {
      try {
        return run(new Request(body));
      } catch (DeviceError e) {
        return ShtrihBytes.errorAnswer(body, e.code());
      }
    }
  }

  @Override
  public void powerCycled() {
    state.powerCycled();
  }

  private byte[] run(Request r) {
    int cmd = r.command;
    if (cmd > 0xFF && state.ffUnsupported) {
      return new byte[] {(byte) 0xFF, DeviceError.NOT_SUPPORTED};
    }
    Integer min = MIN_DATA.get(cmd);
    check(min == null, DeviceError.NOT_SUPPORTED);
    check(r.data.length < min, DeviceError.BAD_PARAMETERS);
    int operator = cmd == 0xFC ? 0 : operator(r);
    if (PRINTING.contains(cmd)) {
      int submode = state.submode();
      check(submode == 1 || submode == 2, DeviceError.PAPER_OUT);
      check(submode == 3 && cmd != 0xB0, DeviceError.AWAITING_CONTINUE);
      check(submode == 4 || submode == 5, DeviceError.PRINTING);
    }
    return switch (cmd) {
      case 0x10 -> status.shortStatus(operator);
      case 0x11 -> status.fullStatus(operator);
      case 0xFC -> status.deviceType();
      case 0xFF01 -> status.storageStatus();
      case 0xFF0A -> status.findDocument(r);
      case 0xE0 -> shifts.open(operator);
      case 0x40 -> shifts.xReport(operator);
      case 0x41 -> shifts.zReport(operator);
      case 0xB0 -> shifts.continuePrinting(operator);
      case 0x80, 0x82 -> checks.line(r, operator);
      case 0x89 -> checks.subtotal(operator);
      case 0x85, 0xFF45 -> checks.close(r, operator);
      case 0x88 -> checks.cancel(operator);
      case 0xFFF0 -> checks.returnBasis(r);
      default -> throw new IllegalStateException("no handler for a known command " + Integer.toHexString(cmd));
    };
  }

  /** Password n is operator n (1…30, §2.2); 40/41 need 29 or 30, the FF commands 30. */
  private static int operator(Request r) {
    long password = r.le(0, 4);
    check(password < 1 || password > 30, DeviceError.WRONG_PASSWORD);
    int operator = (int) password;
    check(ADMINISTRATOR.contains(r.command) && operator < 29, DeviceError.WRONG_PASSWORD);
    check(SYSTEM_ADMINISTRATOR.contains(r.command) && operator != 30, DeviceError.WRONG_PASSWORD);
    return operator;
  }
}
