package kz.fiscal.serial.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.fiscal.serial.SerialLink;
import kz.fiscal.serial.internal.AnswerReader.Phase;
import kz.fiscal.serial.internal.AnswerReader.Reception;
import kz.fiscal.serial.internal.LinkOutcome.Kind;

/**
 * The host side of the Shtrih-M link (docs/serial-shtrih.md §1.5): one {@link #transact} probes the device with ENQ,
 * drains held answers, sends the frame, waits for its ACK and its answer, recovers held answers by ENQ,
 * and classifies how it ended. Never writes a frame again once the device may have accepted it. Not
 * thread-safe: one thread owns the port and runs one transaction at a time (no pipelining). Link
 * failures ({@link IOException} from the {@link SerialLink}) become outcomes, never exceptions.
 */
public final class HostLink {
  private static final System.Logger LOG = System.getLogger(HostLink.class.getName());
  private static final byte[] ENQ = {FrameCodec.ENQ};

  private final SerialLink link;
  private final LinkSettings settings;
  private final LinkReader in;
  private final AnswerReader answers;
  private byte[] lastAnswer = new byte[0];

  public HostLink(SerialLink link, LinkSettings settings, Clock clock) {
    this.link = Objects.requireNonNull(link, "link");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.in = new LinkReader(link, Objects.requireNonNull(clock, "clock"));
    this.answers = new AnswerReader(link, in, settings);
  }

  /** Sends {@code request} and waits for its answer with the command's own {@code T_answer} (§1.6). */
  public LinkOutcome transact(Frame request) {
    return transact(request, settings.answerTimeout(request.command()));
  }

  /** Sends {@code request} and waits {@code answerTimeout} for the answer after each ACK. */
  public LinkOutcome transact(Frame request, Duration answerTimeout) {
    List<Frame> stale = new ArrayList<>();
    try {
      Optional<LinkOutcome> failed = probe(stale);
      if (failed.isPresent()) {
        return failed.get();
      }
    } catch (IOException e) {
      return LinkOutcome.failed(Kind.NOT_SENT, stale, "link failed before the frame was written: " + e.getMessage());
    }
    try {
      return send(request, answerTimeout, stale);
    } catch (IOException e) {
      return LinkOutcome.failed(Kind.UNKNOWN, stale, "link failed after the frame was written: " + e.getMessage());
    }
  }

  /** PROBE: flush, ENQ; empty means "idle, send now". */
  private Optional<LinkOutcome> probe(List<Frame> stale) throws IOException {
    in.discardPending(settings.controlTimeout());
    int silent = 0;
    int drained = 0;
    while (true) {
      link.write(ENQ);
      LinkReader.Control reply = in.control(settings.controlTimeout());
      switch (reply) {
        case NAK -> {
          return Optional.empty();
        }
        case TIMEOUT -> {
          if (++silent == settings.maxEnq()) {
            return Optional.of(LinkOutcome.failed(Kind.NOT_SENT, stale, "no reply to " + silent + " ENQs"));
          }
        }
        case ACK, STX -> {
          Reception held = answers.receive(reply == LinkReader.Control.STX ? Phase.READ : Phase.WAIT,
              settings.drainTimeout(), in.now());
          switch (held.status()) {
            case IDLE -> {
              return Optional.empty();
            }
            case LOST -> {
              return Optional.of(LinkOutcome.failed(Kind.NOT_SENT, stale, "draining a held answer: " + held.detail()));
            }
            case FRAME -> {
              keepStale(held.body().orElseThrow(), stale);
              if (++drained == settings.maxDrain()) {
                return Optional.of(LinkOutcome.failed(Kind.NOT_SENT, stale, drained + " held answers drained"));
              }
            }
          }
        }
      }
    }
  }

  /** SEND and UNACKED: the frame goes out at most maxNakCommand times, and only while it was NAKed. */
  private LinkOutcome send(Frame request, Duration answerTimeout, List<Frame> stale) throws IOException {
    byte[] wire = request.encode();
    for (int naks = 0; naks < settings.maxNakCommand(); naks++) {
      link.write(wire);
      switch (in.control(settings.controlTimeout())) {
        case ACK:
          return await(request, Phase.WAIT, answerTimeout, stale);
        case STX:
          return await(request, Phase.READ, answerTimeout, stale);
        case TIMEOUT:
          return unacked(request, answerTimeout, stale);
        case NAK:
          break;
      }
    }
    return LinkOutcome.failed(Kind.NOT_ACCEPTED, stale, "frame NAKed " + settings.maxNakCommand() + " times");
  }

  private LinkOutcome unacked(Frame request, Duration answerTimeout, List<Frame> stale) throws IOException {
    return switch (answers.enquire()) {
      case ACK -> await(request, Phase.WAIT, answerTimeout, stale);
      case STX -> await(request, Phase.READ, answerTimeout, stale);
      case NAK -> LinkOutcome.failed(Kind.NOT_ACKED_IDLE, stale, "frame not ACKed and the device is idle");
      case TIMEOUT -> LinkOutcome.failed(Kind.UNKNOWN, stale, "frame not ACKed and no reply to ENQ");
    };
  }

  /** WAIT/READ/RECOVER until this request's answer; foreign answers go to {@code stale}. */
  private LinkOutcome await(Frame request, Phase start, Duration answerTimeout, List<Frame> stale)
      throws IOException {
    Instant acceptedAt = in.now();
    Phase phase = start;
    while (true) {
      Reception r = answers.receive(phase, answerTimeout, acceptedAt);
      if (r.status() == AnswerReader.Status.IDLE) {
        return LinkOutcome.failed(Kind.UNKNOWN, stale, "the frame was accepted but the answer was lost: " + r.detail());
      }
      if (r.status() == AnswerReader.Status.LOST) {
        return LinkOutcome.failed(Kind.UNKNOWN, stale, r.detail());
      }
      byte[] body = r.body().orElseThrow();
      Optional<Answer> answer = Answer.to(request.command(), body);
      if (answer.isPresent()) {
        lastAnswer = body;
        return LinkOutcome.answered(answer.get(), stale);
      }
      Frame frame = Frame.ofBody(body);
      if (frame.command() == request.command()) {
        return LinkOutcome.failed(Kind.UNKNOWN, stale, "answer without an error byte: " + FrameCodec.hex(body));
      }
      LOG.log(System.Logger.Level.WARNING, () -> "foreign answer to " + request + ": " + FrameCodec.hex(body));
      stale.add(frame);
      phase = Phase.RECOVER;
    }
  }

  private void keepStale(byte[] body, List<Frame> stale) {
    if (Arrays.equals(body, lastAnswer)) {
      LOG.log(System.Logger.Level.INFO, () -> "duplicate of the last answer dropped: " + FrameCodec.hex(body));
      return;
    }
    lastAnswer = body;
    stale.add(Frame.ofBody(body));
  }
}
