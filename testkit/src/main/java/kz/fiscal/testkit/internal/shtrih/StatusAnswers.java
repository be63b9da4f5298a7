package kz.fiscal.testkit.internal.shtrih;

import static kz.fiscal.testkit.internal.shtrih.DeviceError.check;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import kz.fiscal.testkit.RegistrarDocument;

/**
 * The answers that only read the state (docs/serial-shtrih.md §3.1, §3.2, §3.11, §3.13, §3.14): 10, 11, FC, FF01, FF0A.
 * Called by {@link FiscalCommands} under the state's lock.
 */
final class StatusAnswers {
  private static final byte[] FIRMWARE = {0x45, 0x31, 0x01, 0x00, 0x01, 0x01, 0x19}; // "E1", build 1, 01.01.25
  private static final String NAME = "VIRTUAL SHTRIH KZ";
  private static final int FISCAL_MEMORY_RECORDS = 2000;
  private static final int REGISTRATIONS = 1;
  private static final int REGISTRATIONS_LEFT = 14;

  private final FiscalState s;

  StatusAnswers(FiscalState s) {
    this.s = s;
  }

  byte[] shortStatus(int operator) {
    int operations = s.check.map(c -> c.lines.size()).orElse(0);
    return new AnswerBody(0x10).u8(operator).le(s.deviceFlags(), 2).u8(s.modeByte()).u8(s.submode())
        .u8(operations & 0xFF).u8(0x99).u8(0xD8).u8(0).u8(0).u8(operations >> 8).le(0, 3).toBytes();
  }

  byte[] fullStatus(int operator) {
    LocalDateTime now = s.now();
    int fmFlags = 0x27 | (s.shiftOpen() ? 0x40 : 0) | (s.shiftExpired() ? 0x80 : 0);
    return new AnswerBody(0x11).u8(operator).bytes(FIRMWARE).u8(1).le(s.docRunning, 2).le(s.deviceFlags(), 2)
        .u8(s.modeByte()).u8(s.submode()).u8(0).bytes(FIRMWARE)
        .u8(now.getDayOfMonth()).u8(now.getMonthValue()).u8(now.getYear() - 2000)
        .u8(now.getHour()).u8(now.getMinute()).u8(now.getSecond())
        .u8(fmFlags).le(s.settings.serial(), 4).le(s.lastClosedShift, 2)
        .le(FISCAL_MEMORY_RECORDS - s.lastClosedShift - REGISTRATIONS, 2).u8(REGISTRATIONS).u8(REGISTRATIONS_LEFT)
        .le(s.settings.bin(), 6).toBytes();
  }

  /** FC: cash register, fiscal registrar, protocol 1.3, model 1, Russian, "VIRTUAL SHTRIH KZ". */
  byte[] deviceType() {
    return new AnswerBody(0xFC).u8(0).u8(0).u8(1).u8(3).u8(1).u8(0)
        .bytes(NAME.getBytes(StandardCharsets.US_ASCII)).toBytes();
  }

  byte[] storageStatus() {
    boolean open = s.check.isPresent();
    boolean hasLines = s.check.map(c -> !c.lines.isEmpty()).orElse(false);
    String storageSerial = String.format("%016d", s.settings.serial());
    return new AnswerBody(0xFF01).u8(0x03).u8(open ? 0x04 : 0x00).u8(hasLines ? 1 : 0).u8(s.shiftOpen() ? 1 : 0)
        .u8(s.ofdOffline ? 0x08 : 0x00).dateTime5(s.now()).bytes(storageSerial.getBytes(StandardCharsets.US_ASCII))
        .le(s.fdLast, 4).toBytes();
  }

  byte[] findDocument(Request r) {
    RegistrarDocument doc = s.documents.get(r.le(4, 4));
    check(doc == null, DeviceError.STORAGE_NO_DATA);
    AnswerBody answer = new AnswerBody(0xFF0A).u8(doc.type().code()).u8(doc.ofdTicket() ? 1 : 0)
        .dateTime5(doc.dateTime()).le(doc.fd(), 4).le(doc.fs32(), 4);
    switch (doc.type()) {
      case CHECK -> answer.u8(doc.operation()).le(doc.totalTiyn(), 5);
      case SHIFT_OPEN, SHIFT_CLOSE -> answer.le(doc.shift(), 2);
      case REGISTRATION -> { }
    }
    return (s.kzTail ? answer.kzTail(doc.fiscalSign(), doc.offline()) : answer).toBytes();
  }
}
