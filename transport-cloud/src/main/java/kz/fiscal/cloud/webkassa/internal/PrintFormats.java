package kz.fiscal.cloud.webkassa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.fiscal.cloud.webkassa.TicketPrint;
import kz.fiscal.cloud.webkassa.internal.ProviderSession.Reply;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.DeliveryFailedException;

/** {@code Ticket/PrintFormat}: a fiscalized check laid out for a paper width. Stateless. */
public final class PrintFormats {
  public static final String PATH = "/api/v4/Ticket/PrintFormat";

  private PrintFormats() {}

  /**
   * The layout of the check under {@code key}; empty when the provider has none under it (code 19).
   * The caller holds the register.
   */
  public static Optional<TicketPrint> read(ProviderSession session, String cashbox, IdempotencyKey key,
      TicketPrint.Paper paper, java.time.Instant deadline) throws FiscalException {
    Reply<Wire.PrintData> reply = session.call(PATH, token -> new Wire.PrintRequest(token, cashbox, key.value(),
        paper.paperKind()), Wire.PrintData.class, deadline);
    if (reply.failed()) {
      if (reply.code() == ProviderErrors.NOT_FOUND) {
        return Optional.empty();
      }
      // Reading a layout changes nothing: any other refusal is worth another try, not a doubt.
      FiscalException e = ProviderErrors.toException(reply.code(), reply.error().text(), PATH);
      throw e instanceof DeviceException ? e : new DeliveryFailedException(e.getMessage(), e);
    }
    List<TicketPrint.Line> lines = new ArrayList<>();
    for (Wire.PrintLine line : reply.data().lines() == null ? List.<Wire.PrintLine>of() : reply.data().lines()) {
      if (line == null || line.value() == null) {
        continue;
      }
      int type = line.type() == null ? 0 : line.type();
      lines.add(new TicketPrint.Line(type == 1 ? TicketPrint.Kind.IMAGE : type == 2 ? TicketPrint.Kind.QR
          : TicketPrint.Kind.TEXT, line.value()));
    }
    return Optional.of(new TicketPrint(paper, lines));
  }
}
