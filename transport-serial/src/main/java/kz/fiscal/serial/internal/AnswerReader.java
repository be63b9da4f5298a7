package kz.fiscal.serial.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import kz.fiscal.serial.SerialLink;

/**
 * The receiving half of the host algorithm (docs/serial-shtrih.md §1.5 WAIT, READ, RECOVER): waits for an answer,
 * reads it by LEN with a per-byte deadline, ACKs it once its LRC holds, NAKs a damaged one, and
 * recovers a held answer by ENQ while the device is busy. Never writes the request again. Not
 * thread-safe.
 */
final class AnswerReader {
  /** Where reception starts. */
  enum Phase { WAIT, READ, RECOVER }

  /** How reception ended: a frame that passed LRC (already ACKed), an idle device, or no answer. */
  enum Status { FRAME, IDLE, LOST }

  record Reception(Status status, Optional<byte[]> body, String detail) {
    static Reception lost(String detail) {
      return new Reception(Status.LOST, Optional.empty(), detail);
    }
  }

  private static final System.Logger LOG = System.getLogger(HostLink.class.getName());
  private static final byte[] ACK = {FrameCodec.ACK};
  private static final byte[] NAK = {FrameCodec.NAK};
  private static final byte[] ENQ = {FrameCodec.ENQ};

  private final SerialLink link;
  private final LinkReader in;
  private final LinkSettings settings;

  AnswerReader(SerialLink link, LinkReader in, LinkSettings settings) {
    this.link = link;
    this.in = in;
    this.settings = settings;
  }

  /**
   * Receives one answer frame.
   *
   * @param start READ when STX was already consumed, WAIT after an ACK, RECOVER to ask by ENQ
   * @param answerTimeout how long each WAIT lasts
   * @param acceptedAt when the device accepted the frame (or the drain began), for {@code T_busy_max}
   */
  Reception receive(Phase start, Duration answerTimeout, Instant acceptedAt) throws IOException {
    int badAnswers = 0;
    Phase phase = start;
    while (true) {
      switch (phase) {
        case WAIT -> phase = in.awaitStx(in.after(answerTimeout)) ? Phase.READ : Phase.RECOVER;
        case READ -> {
          Optional<byte[]> body = readBody();
          if (body.isPresent()) {
            link.write(ACK);
            return new Reception(Status.FRAME, body, "answer received");
          }
          link.write(NAK);
          if (++badAnswers == settings.maxNakAnswer()) {
            return Reception.lost(badAnswers + " damaged answers");
          }
          phase = Phase.RECOVER;
        }
        case RECOVER -> {
          if (Duration.between(acceptedAt, in.now()).compareTo(settings.busyMax()) > 0) {
            return Reception.lost("no answer within T_busy_max " + settings.busyMax());
          }
          in.discardUntilQuiet(settings.byteTimeout(), answerTimeout, "before recovering by ENQ");
          switch (enquire()) {
            case ACK -> phase = Phase.WAIT;
            case STX -> phase = Phase.READ;
            case NAK -> {
              return new Reception(Status.IDLE, Optional.empty(), "ENQ got NAK: the device holds no answer");
            }
            case TIMEOUT -> {
              return Reception.lost("no reply to " + settings.maxEnq() + " ENQs after the frame was accepted");
            }
          }
        }
      }
    }
  }

  /** Sends ENQ until a control byte answers it, at most maxEnq times; TIMEOUT when none did. */
  LinkReader.Control enquire() throws IOException {
    for (int i = 0; i < settings.maxEnq(); i++) {
      link.write(ENQ);
      LinkReader.Control reply = in.control(settings.controlTimeout());
      if (reply != LinkReader.Control.TIMEOUT) {
        return reply;
      }
    }
    return LinkReader.Control.TIMEOUT;
  }

  /** LEN and the body and LRC after STX, each byte within T_byte of the previous; empty when damaged. */
  private Optional<byte[]> readBody() throws IOException {
    OptionalInt len = in.next(in.after(settings.byteTimeout()));
    if (len.isEmpty() || len.getAsInt() == 0) {
      LOG.log(System.Logger.Level.DEBUG, len.isEmpty() ? "answer without LEN" : "answer with LEN 0");
      return Optional.empty();
    }
    byte[] body = new byte[len.getAsInt()];
    for (int i = 0; i <= body.length; i++) {
      OptionalInt b = in.next(in.after(settings.byteTimeout()));
      if (b.isEmpty()) {
        LOG.log(System.Logger.Level.DEBUG, "answer broke off after " + i + " of " + (body.length + 1) + " bytes");
        return Optional.empty();
      }
      if (i < body.length) {
        body[i] = (byte) b.getAsInt();
      } else if (b.getAsInt() != FrameCodec.lrc(body)) {
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("answer LRC %02X, expected %02X: %s",
            b.getAsInt(), FrameCodec.lrc(body), FrameCodec.hex(body)));
        return Optional.empty();
      }
    }
    return Optional.of(body);
  }
}
