package kz.fiscal.testkit.internal.shtrih;

import static kz.fiscal.testkit.internal.shtrih.DeviceError.check;

import java.util.Optional;
import kz.fiscal.testkit.RegistrarDocument;

/**
 * Shift and report commands (docs/serial-shtrih.md §7.2): E0 open shift, 40 X report, 41 Z report, B0 continue
 * printing. Called by {@link FiscalCommands} under the state's lock, after the common checks.
 */
final class ShiftCommands {
  private final FiscalState s;

  ShiftCommands(FiscalState s) {
    this.s = s;
  }

  byte[] open(int operator) {
    check(s.check.isPresent(), DeviceError.CHECK_OPEN);
    check(s.shiftOpen(), DeviceError.SHIFT_ALREADY_OPEN);
    s.shiftNumber = s.lastClosedShift + 1;
    s.shiftOpenedAt = Optional.of(s.now().toInstant(FiscalState.KZ));
    s.receiptNo = 0;
    s.store(s.document(RegistrarDocument.Type.SHIFT_OPEN, 0, 0, operator));
    return printed(0xE0, operator);
  }

  byte[] xReport(int operator) {
    check(s.check.isPresent(), DeviceError.CHECK_OPEN);
    return printed(0x40, operator);
  }

  byte[] zReport(int operator) {
    check(s.check.isPresent(), DeviceError.CHECK_OPEN);
    check(!s.shiftOpen(), s.settings.shiftNotOpenCode());
    s.store(s.document(RegistrarDocument.Type.SHIFT_CLOSE, 0, 0, operator));
    s.lastClosedShift = s.shiftNumber;
    s.shiftOpenedAt = Optional.empty();
    return printed(0x41, operator);
  }

  /** B0: resumes a print paper-out broke off (submode 3); a no-op otherwise [EXT]. */
  byte[] continuePrinting(int operator) {
    s.continuePrinting();
    return new AnswerBody(0xB0).u8(operator).toBytes();
  }

  private byte[] printed(int command, int operator) {
    s.advanceDocRunning();
    s.print(command);
    return new AnswerBody(command).u8(operator).toBytes();
  }
}
