package kz.fiscal.testkit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One check in the fake's ledger.
 *
 * @param dateTime the fiscal time at +05:00, whole seconds
 * @param request the request that made it
 */
public record WebkassaCheck(String cashbox, String externalCheckNumber, String fiscalSign, long shiftNumber,
    long orderNumber, int operationType, BigDecimal total, boolean offline, OffsetDateTime dateTime,
    String ticketUrl, WebkassaRequest request) {}
