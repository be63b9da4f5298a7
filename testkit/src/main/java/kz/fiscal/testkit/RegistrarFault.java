package kz.fiscal.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A fault the {@link VirtualRegistrar} suffers on the link or in answering (docs/serial-shtrih.md §7.5), with its trigger: which command
 * ({@link #on}, any by default), from which matching intact frame ({@link #occurrence}, 1 = the next),
 * and how many frames in a row ({@link #times}, 1 by default). After its last firing it disarms itself.
 * Several armed faults may fire on one frame. Immutable; the factories and withers return new values.
 */
public final class RegistrarFault {
  /** What the fault does to the bytes on the line. */
  public enum Kind {
    /** NAK the host's intact frame; do not execute it. */
    NAK_FRAME,
    /** Consume the frame silently: no ACK, no execution, as if lost on the line. */
    IGNORE_FRAME,
    /** Accept and execute, but send no ACK; the answer is held until the host's ENQ. */
    DROP_ACK,
    /** Accept, ACK and execute, but hold the answer without sending it. */
    DROP_ANSWER,
    /** Accept, ACK, execute (when {@code commit}) and then lose power: no answer is held. */
    LOSE_ANSWER,
    /** Send the answer with its LRC xor {@code FF} the first time; a resend on ENQ is intact. */
    CORRUPT_LRC,
    /** Stop sending the answer after {@code bytes} bytes and hold it. */
    TRUNCATE_ANSWER,
    /** Pause {@code duration} after byte {@code bytes} of the answer. */
    GAP_IN_ANSWER,
    /** Stay busy {@code duration} before the answer is ready (ENQ gets ACK meanwhile). */
    BUSY,
    /** Ignore all input and send nothing for {@code duration} or until the faults are cleared. */
    SILENT,
    /** Send {@code bytes} bytes of {@code FF} and other non-control bytes before the next reply. */
    NOISE,
    /** Accept and ACK the frame, but answer {@code CMD errorCode} without executing it. */
    FORCE_ERROR
  }

  private final Kind kind;
  private final OptionalInt command;
  private final int occurrence;
  private final int times;
  private final int bytes;
  private final Duration duration;
  private final boolean flag;

  private RegistrarFault(Kind kind, OptionalInt command, int occurrence, int times, int bytes, Duration duration,
      boolean flag) {
    this.kind = kind;
    this.command = command;
    this.occurrence = occurrence;
    this.times = times;
    this.bytes = bytes;
    this.duration = duration;
    this.flag = flag;
  }

  private static RegistrarFault of(Kind kind, int bytes, Duration duration, boolean flag) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a byte count is >= 0, got " + bytes);
    }
    if (Objects.requireNonNull(duration, "duration").isNegative()) {
      throw new IllegalArgumentException("a duration is >= 0, got " + duration);
    }
    return new RegistrarFault(kind, OptionalInt.empty(), 1, 1, bytes, duration, flag);
  }

  public static RegistrarFault nakFrame() {
    return of(Kind.NAK_FRAME, 0, Duration.ZERO, false);
  }

  public static RegistrarFault ignoreFrame() {
    return of(Kind.IGNORE_FRAME, 0, Duration.ZERO, false);
  }

  public static RegistrarFault dropAck() {
    return of(Kind.DROP_ACK, 0, Duration.ZERO, false);
  }

  public static RegistrarFault dropAnswer() {
    return of(Kind.DROP_ANSWER, 0, Duration.ZERO, false);
  }

  /** A power loss after the commit ({@code commit = true}) or before it (the command has no effect). */
  public static RegistrarFault loseAnswer(boolean commit) {
    return of(Kind.LOSE_ANSWER, 0, Duration.ZERO, commit);
  }

  public static RegistrarFault corruptLrc() {
    return of(Kind.CORRUPT_LRC, 0, Duration.ZERO, false);
  }

  /** The answer stops after its first {@code bytes} bytes (STX counts). */
  public static RegistrarFault truncateAnswer(int bytes) {
    return of(Kind.TRUNCATE_ANSWER, bytes, Duration.ZERO, false);
  }

  /** The answer pauses {@code gap} after its first {@code afterBytes} bytes. */
  public static RegistrarFault gapInAnswer(int afterBytes, Duration gap) {
    return of(Kind.GAP_IN_ANSWER, afterBytes, gap, false);
  }

  public static RegistrarFault busy(Duration duration) {
    return of(Kind.BUSY, 0, duration, false);
  }

  /**
   * The device goes silent from the triggering frame on, for {@code duration} ({@link Duration#ZERO}:
   * until {@link VirtualRegistrar#clearFaults()}); the frame itself is ignored.
   */
  public static RegistrarFault silent(Duration duration) {
    return of(Kind.SILENT, 0, duration, false);
  }

  public static RegistrarFault noise(int bytes) {
    return of(Kind.NOISE, bytes, Duration.ZERO, false);
  }

  /**
   * The frame is answered {@code CMD code} (e.g. {@code 50}, {@code 6B}, {@code 4E}, {@code 03}) and not
   * executed.
   *
   * @throws IllegalArgumentException when {@code code} is not 1…255
   */
  public static RegistrarFault forceError(int code) {
    if (code < 1 || code > 0xFF) {
      throw new IllegalArgumentException("an error code is 01…FF, got " + code);
    }
    return of(Kind.FORCE_ERROR, code, Duration.ZERO, false);
  }

  /** Fires only on frames with this command code ({@code FFxx} codes as {@code 0xFFxx}). */
  public RegistrarFault on(int command) {
    if (command < 0 || command > 0xFFFF) {
      throw new IllegalArgumentException("not a command code: " + command);
    }
    return new RegistrarFault(kind, OptionalInt.of(command), occurrence, times, bytes, duration, flag);
  }

  /** Fires first on the {@code n}-th matching frame from now (1 = the next). */
  public RegistrarFault occurrence(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("occurrence is >= 1, got " + n);
    }
    return new RegistrarFault(kind, command, n, times, bytes, duration, flag);
  }

  /** Fires on {@code k} matching frames in a row, then disarms. */
  public RegistrarFault times(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("times is >= 1, got " + k);
    }
    return new RegistrarFault(kind, command, occurrence, k, bytes, duration, flag);
  }

  /** For {@link Kind#SILENT}: the triggering frame is ACKed and executed, its answer held until the silence ends. */
  public RegistrarFault afterExecute() {
    if (kind != Kind.SILENT) {
      throw new IllegalStateException("afterExecute applies to SILENT only, not " + kind);
    }
    return new RegistrarFault(kind, command, occurrence, times, bytes, duration, true);
  }

  public Kind kind() {
    return kind;
  }

  /** The command the fault waits for; empty for any. */
  public OptionalInt command() {
    return command;
  }

  public int occurrence() {
    return occurrence;
  }

  public int times() {
    return times;
  }

  /** FORCE_ERROR: the error byte of the answer; 0 for the other kinds. */
  public int errorCode() {
    return kind == Kind.FORCE_ERROR ? bytes : 0;
  }

  /** The byte count of TRUNCATE_ANSWER, GAP_IN_ANSWER and NOISE; 0 for the others. */
  public int bytes() {
    return kind == Kind.FORCE_ERROR ? 0 : bytes;
  }

  /** The time of GAP_IN_ANSWER, BUSY and SILENT; zero for the others. */
  public Duration duration() {
    return duration;
  }

  /** LOSE_ANSWER: whether the command commits before the power loss. */
  public boolean commit() {
    return kind == Kind.LOSE_ANSWER && flag;
  }

  /** SILENT: whether the triggering frame is executed. */
  public boolean executesBeforeSilence() {
    return kind == Kind.SILENT && flag;
  }

  @Override
  public String toString() {
    return kind + (command.isPresent() ? " on " + Integer.toHexString(command.getAsInt()) : " on any")
        + " from #" + occurrence + " x" + times;
  }
}
