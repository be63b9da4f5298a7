package kz.fiscal.testkit.internal.shtrih;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.RegistrarState;

/**
 * The registrar's fiscal state (docs/serial-shtrih.md §7.1): shift, counters, the open check, fiscal memory, paper and
 * printing, and the fiscal fault knobs of §7.5. The mode and submode are computed from it on the
 * injected clock at +05:00. Thread-safe: every method locks this object, and the command handlers hold
 * the lock for a whole command.
 */
public final class FiscalState {
  static final ZoneOffset KZ = ZoneOffset.ofHours(5);
  private static final Duration SHIFT_LIMIT = Duration.ofHours(24);

  /** Where the paper is (§4.2, §7.5). */
  enum Paper { PRESENT, OUT, OUT_WHILE_PRINTING, AWAITING_CONTINUE }

  final FiscalSettings settings;
  private final Clock clock;
  int shiftNumber;
  int lastClosedShift;
  Optional<Instant> shiftOpenedAt = Optional.empty();
  long fdLast;
  int docRunning = 1;
  int receiptNo;
  Optional<OpenCheck> check = Optional.empty();
  final TreeMap<Long, RegistrarDocument> documents = new TreeMap<>();
  Paper paper = Paper.PRESENT;
  private Instant printingUntil = Instant.MIN;
  private boolean paperOutDuringNextPrint;
  boolean ofdOffline;
  boolean ffUnsupported;
  boolean kzTail = true;

  /** A registrar fresh from registration: FD 1 is the registration report, the shift is closed. */
  public FiscalState(FiscalSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    store(document(RegistrarDocument.Type.REGISTRATION, 0, 0, 0));
  }

  /** The registrar's local time now. */
  synchronized LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), KZ);
  }

  synchronized boolean shiftOpen() {
    return shiftOpenedAt.isPresent();
  }

  /** Whether the open shift has lasted 24 h or more. */
  synchronized boolean shiftExpired() {
    return shiftOpenedAt.filter(at -> Duration.between(at, clock.instant()).compareTo(SHIFT_LIMIT) >= 0).isPresent();
  }

  /** The computed mode byte of §7.1. */
  synchronized int modeByte() {
    if (check.isPresent()) {
      return check.get().modeByte();
    }
    return shiftExpired() ? 3 : shiftOpen() ? 2 : 4;
  }

  /** The submode of §4.2: paper first, then printing. */
  synchronized int submode() {
    return switch (paper) {
      case OUT -> 1;
      case OUT_WHILE_PRINTING -> 2;
      case AWAITING_CONTINUE -> 3;
      case PRESENT -> clock.instant().isBefore(printingUntil) ? 5 : 0;
    };
  }

  synchronized boolean paperPresent() {
    return paper != Paper.OUT && paper != Paper.OUT_WHILE_PRINTING;
  }

  /** Device flags of §4.3: {@code 0292} with paper, {@code 0210} without. */
  synchronized int deviceFlags() {
    return paperPresent() ? 0x0292 : 0x0210;
  }

  /** A printing command committed: submode 5 for its print time, or paper-out if that fault is armed. */
  synchronized void print(int command) {
    if (paperOutDuringNextPrint) {
      paperOutDuringNextPrint = false;
      paper = Paper.OUT_WHILE_PRINTING;
      return;
    }
    printingUntil = clock.instant().plus(settings.printTime(command));
  }

  synchronized void advanceDocRunning() {
    docRunning = docRunning == 9999 ? 0 : docRunning + 1;
  }

  /** A report or check document numbered {@code fdLast + 1}, signed per §7.3; not yet stored. */
  synchronized RegistrarDocument document(RegistrarDocument.Type type, int operation, long total, int operator) {
    long fd = fdLast + 1;
    LocalDateTime at = now().truncatedTo(ChronoUnit.MINUTES);
    long fs64 = FiscalSign.fs64(settings.fsKey(), settings.fsDigits(), settings.serial(), fd, type.code(), at,
        operation, total);
    return new RegistrarDocument(fd, type, at, fs64, FiscalSign.fs32(fs64), operation, total, List.of(), List.of(), 0,
        0, Map.of(), 0, shiftNumber, 0, operator, Optional.empty(), ofdOffline);
  }

  /** Commits {@code doc} to fiscal memory as the new last FD. */
  synchronized void store(RegistrarDocument doc) {
    documents.put(doc.fd(), doc);
    fdLast = doc.fd();
  }

  // Test knobs (§7.5, §7.6)

  public synchronized void paperOut() {
    if (paperPresent()) {
      paper = Paper.OUT;
    }
  }

  public synchronized void paperLoaded() {
    paper = switch (paper) {
      case OUT, PRESENT -> Paper.PRESENT;
      case OUT_WHILE_PRINTING, AWAITING_CONTINUE -> Paper.AWAITING_CONTINUE;
    };
  }

  synchronized void continuePrinting() {
    if (paper == Paper.AWAITING_CONTINUE) {
      paper = Paper.PRESENT;
      print(0xB0);
    }
  }

  public synchronized void armPaperOutDuringNextPrint() {
    paperOutDuringNextPrint = true;
  }

  public synchronized void ofdOffline(boolean on) {
    ofdOffline = on;
  }

  public synchronized void ffUnsupported(boolean on) {
    ffUnsupported = on;
  }

  public synchronized void kzTail(boolean on) {
    kzTail = on;
  }

  /** A power cycle: the open check survives unless {@code rebootCancelsCheck}; printing stops. */
  synchronized void powerCycled() {
    if (settings.rebootCancelsCheck()) {
      check = Optional.empty();
    }
    printingUntil = Instant.MIN;
  }

  public synchronized RegistrarState view() {
    return new RegistrarState(modeByte(), submode(), paperPresent(), shiftNumber, lastClosedShift,
        shiftOpenedAt.map(at -> OffsetDateTime.ofInstant(at, KZ)), fdLast, docRunning, receiptNo,
        check.map(OpenCheck::view));
  }

  public synchronized List<RegistrarDocument> documents() {
    return List.copyOf(documents.values());
  }
}
