package kz.fiscal.cloud.webkassa.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kz.fiscal.cloud.webkassa.internal.ProviderSession.Reply;
import kz.fiscal.core.DeviceException;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.OutcomeUnknownException;
import kz.fiscal.core.spi.ShiftSummary;

/**
 * A register's shifts and checks as the provider keeps them: shift history newest first, page by
 * page, and the lookup of a check by its key shift by shift. Callers hold the register lock.
 */
public final class ProviderHistory {
  public static final String LOOKUP = "/api-history/v4/Ticket/GetTicketByExternalCheckNumber";
  public static final String SHIFTS = "/api/v4/Cashbox/ShiftHistory";
  public static final String CHECKS = "/api/v4/Check/History";
  public static final int PAGE = 50;

  private final ProviderSession session;
  private final String cashbox;

  public ProviderHistory(ProviderSession session, String cashbox) {
    this.session = session;
    this.cashbox = cashbox;
  }

  /** Looks at one shift; a present answer ends the walk. */
  private interface ShiftVisitor<T> {
    Optional<T> visit(ShiftSummary shift) throws FiscalException;
  }

  /**
   * The check sent under {@code key}, searched in every shift not closed before {@code since}, newest
   * first. Empty only when every such shift answered "not found".
   */
  public Optional<FiscalResult> find(IdempotencyKey key, Instant since, Instant deadline) throws FiscalException {
    return newestFirst(since, deadline, shift -> {
      Reply<Wire.CheckData> reply = session.call(LOOKUP,
          token -> new Wire.LookupRequest(token, cashbox, key.value(), shift.number()), Wire.CheckData.class, deadline);
      if (!reply.failed()) {
        return Optional.of(CheckMapping.result(reply.data(), CheckMapping.total(reply.data(), LOOKUP), LOOKUP));
      }
      if (reply.code() != ProviderErrors.NOT_FOUND) {
        throw lookupFailure(reply.error(), LOOKUP);
      }
      return Optional.empty();
    });
  }

  /** The shifts not closed before {@code since}, oldest first. */
  public List<ShiftSummary> shifts(Instant since, Instant deadline) throws FiscalException {
    List<ShiftSummary> found = new ArrayList<>();
    newestFirst(since, deadline, shift -> {
      found.add(shift);
      return Optional.empty();
    });
    Collections.reverse(found);
    return found;
  }

  /** One page of a shift's checks, in order. */
  public Wire.CheckPage checks(long shiftNumber, int skip, Instant deadline) throws FiscalException {
    Reply<Wire.CheckPage> reply = session.call(CHECKS,
        token -> new Wire.PageRequest(token, cashbox, shiftNumber, skip, PAGE), Wire.CheckPage.class, deadline);
    if (reply.failed()) {
      throw lookupFailure(reply.error(), CHECKS);
    }
    return reply.data();
  }

  /** Whether a page of {@code size} items from {@code skip} was the last of {@code total}. */
  public static boolean lastPage(int size, int skip, Integer total) {
    return size < PAGE || (total != null && skip + PAGE >= total);
  }

  private <T> Optional<T> newestFirst(Instant since, Instant deadline, ShiftVisitor<T> visitor) throws FiscalException {
    for (int skip = 0; ; skip += PAGE) {
      int from = skip;
      Reply<Wire.ShiftPage> reply = session.call(SHIFTS,
          token -> new Wire.PageRequest(token, cashbox, null, from, PAGE), Wire.ShiftPage.class, deadline);
      if (reply.failed()) {
        throw lookupFailure(reply.error(), SHIFTS);
      }
      List<Wire.Shift> shifts = reply.data().shifts() == null ? List.of() : reply.data().shifts();
      for (Wire.Shift shift : shifts) {
        ShiftSummary summary = CheckMapping.shift(shift, SHIFTS);
        if (summary.closedAt().isPresent() && summary.closedAt().get().toInstant().isBefore(since)) {
          return Optional.empty();
        }
        Optional<T> found = visitor.visit(summary);
        if (found.isPresent()) {
          return found;
        }
      }
      if (lastPage(shifts.size(), skip, reply.data().total())) {
        return Optional.empty();
      }
    }
  }

  /** A refused history call proves nothing about a check: only the register's own conditions stay device errors. */
  private static FiscalException lookupFailure(Wire.Error error, String path) {
    FiscalException e = ProviderErrors.toException(error.code(), error.text(), path);
    return e instanceof DeviceException ? e : new OutcomeUnknownException(e.getMessage(), e);
  }
}
