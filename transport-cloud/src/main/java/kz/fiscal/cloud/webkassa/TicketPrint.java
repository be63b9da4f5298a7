package kz.fiscal.cloud.webkassa;

import java.util.List;
import java.util.Objects;

/**
 * A fiscalized check as Webkassa lays it out for a receipt printer ({@code Ticket/PrintFormat}): its
 * lines in order, each text, an image or a QR payload. Immutable.
 *
 * @param paper the paper the lines are laid out for
 * @param lines the lines, top to bottom
 */
public record TicketPrint(Paper paper, List<Line> lines) {

  public TicketPrint {
    Objects.requireNonNull(paper, "paper");
    lines = List.copyOf(lines);
  }

  /** The paper width a layout is made for, with the provider's {@code PaperKind}. */
  public enum Paper {
    /** 58 mm roll ({@code PaperKind} 3). */
    MM_58(3),
    /** 80 mm roll ({@code PaperKind} 0). */
    MM_80(0);

    private final int paperKind;

    Paper(int paperKind) {
      this.paperKind = paperKind;
    }

    /** The provider's number for this paper. */
    public int paperKind() {
      return paperKind;
    }
  }

  /** What a line holds. */
  public enum Kind {
    /** Text to print as it is. */
    TEXT,
    /** A picture (e.g. a logo), base64-encoded. */
    IMAGE,
    /** A payload to print as a QR code: the check's verification URL. */
    QR
  }

  /**
   * One line of the layout.
   *
   * @param kind what {@code value} holds
   * @param value the text, the base64 image or the QR payload
   */
  public record Line(Kind kind, String value) {
    public Line {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }
}
