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
import kz.fiscal.core.Receipt;
import kz.fiscal.core.spi.CheckHistory.ShiftSummary;

/**
 * A register's shifts and checks as the provider keeps them: shift history newest first, page by
 * page, and the lookup of a check by its key shift by shift. Callers hold the register lock.
 */
public final class ProviderHistory {
  public static final String LOOKUP = "/api-history/v4/Ticket/GetTicketByExternalCheckNumber";
  public static final String SHIFTS = "/api/v4/Cashbox/ShiftHistory";
  public static final String CHECKS = "/api/v4/Check/History";
  public static final int PAGE = 50;
  /** More pages than any register holds (500,000 shifts, or checks in a shift): a provider looping. */
  public static final int MAX_PAGES = 10_000;

  private final ProviderSession session;
  private final String cashbox;
  private final int maxPages;

  /** @param maxPages how many pages of one history a walk reads before it takes the provider to be looping */
  public ProviderHistory(ProviderSession session, String cashbox, int maxPages) {
    this.session = session;
    this.cashbox = cashbox;
    this.maxPages = maxPages;
  }

  /** Looks at one shift; a present answer ends the walk. */
  private interface ShiftVisitor<T> {
    Optional<T> visit(ShiftSummary shift) throws FiscalException;
  }

  /**
   * The check sent under {@code key}, searched in every shift not closed before {@code since}, newest
   * first, and verified against its shift's check history. Empty only when every such shift answered
   * "not found". The lookup answer is read for what the spec promises (a check's {@code Data}); the
   * total is the journaled receipt's once the history item proves it.
   *
   * @throws OutcomeUnknownException with reason {@code KEY_COLLISION} if the check found under the key
   *     has another total or operation than {@code journaled}
   */
  public Optional<FiscalResult> find(IdempotencyKey key, Receipt journaled, Instant since, Instant deadline)
      throws FiscalException {
    return newestFirst(since, deadline, shift -> {
      Reply<Wire.CheckData> reply = session.call(LOOKUP,
          token -> new Wire.LookupRequest(token, cashbox, key.value(), shift.number()), Wire.CheckData.class, deadline);
      if (reply.failed()) {
        if (reply.code() != ProviderErrors.NOT_FOUND) {
          throw lookupFailure(reply.error(), LOOKUP);
        }
        return Optional.empty();
      }
      FiscalResult found = CheckMapping.result(reply.data().inShift(shift.number()), journaled.total(), LOOKUP);
      verify(key, journaled, found, deadline);
      return Optional.of(found);
    });
  }

  /**
   * Proves that the check {@code found} under {@code key} is {@code journaled}'s: its item in the check
   * history of its shift (which promises {@code Total} and {@code OperationType}) must match.
   */
  private void verify(IdempotencyKey key, Receipt journaled, FiscalResult found, Instant deadline)
      throws FiscalException {
    Wire.HistoryItem item = historyItem(found, deadline).orElseThrow(() -> new OutcomeUnknownException(
        "Webkassa found key " + key.value() + " as check " + found.fiscalSign().orElse("?") + " of shift " + found.shiftNumber()
            + ", but that shift's history does not list it", null));
    CheckMapping.Identity fields = CheckMapping.identity(item, CHECKS);
    if (fields.total().compareTo(journaled.total()) != 0) {
      throw OutcomeUnknownException.keyCollision(key, "total", journaled.total().toString(), fields.total().toString());
    }
    if (fields.operation() != journaled.operation()) {
      throw OutcomeUnknownException.keyCollision(key, "operation", journaled.operation().toString(),
          fields.operation().toString());
    }
  }

  /** The history item of {@code found}, matched by its fiscal sign, read page by page. */
  private Optional<Wire.HistoryItem> historyItem(FiscalResult found, Instant deadline) throws FiscalException {
    for (int skip = 0, pages = 0; pages < maxPages; skip += PAGE, pages++) {
      Wire.CheckPage page = checks(found.shiftNumber(), skip, deadline);
      List<Wire.HistoryItem> items = page.items() == null ? List.of() : page.items();
      for (Wire.HistoryItem item : items) {
        if (item != null && found.fiscalSign().filter(sign -> sign.equals(item.number())).isPresent()) {
          return Optional.of(item);
        }
      }
      if (lastPage(items.size(), skip, page.total())) {
        return Optional.empty();
      }
    }
    throw endless(CHECKS);
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
    for (int skip = 0, pages = 0; ; skip += PAGE, pages++) {
      if (pages == maxPages) {
        throw endless(SHIFTS);
      }
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

  /** A history that never ends proves nothing either way. */
  private OutcomeUnknownException endless(String path) {
    return new OutcomeUnknownException("Webkassa's " + path + " kept answering full pages past " + maxPages
        + " pages", null);
  }

  /** A refused history call proves nothing about a check: only the register's own conditions stay device errors. */
  private static FiscalException lookupFailure(Wire.Error error, String path) {
    FiscalException e = ProviderErrors.toException(error.code(), error.text(), path);
    return e instanceof DeviceException ? e : new OutcomeUnknownException(e.getMessage(), e);
  }
}
