package kz.fiscal.core;

/**
 * Why a fiscal operation did not produce a check, and so what may safely happen next. The subtypes
 * are exhaustive: a caller can switch over them.
 *
 * <table>
 * <caption>Meaning and journal state</caption>
 * <tr><th>type</th><th>meaning</th><th>safe next step</th></tr>
 * <tr><td>{@link InvalidReceiptException}</td><td>refused locally</td><td>fix the receipt</td></tr>
 * <tr><td>{@link ReceiptRejectedException}</td><td>provider refused the content</td><td>fix, re-submit under the same key</td></tr>
 * <tr><td>{@link DeliveryFailedException}</td><td>certainly not applied</td><td>retry</td></tr>
 * <tr><td>{@link OutcomeUnknownException}</td><td>may have been applied</td><td>look up, never resend under a new key</td></tr>
 * <tr><td>{@link DeviceException}</td><td>the register cannot work now</td><td>retry later or after a person acts</td></tr>
 * <tr><td>{@link IdempotencyConflictException}</td><td>same key, different receipt</td><td>use another key</td></tr>
 * </table>
 */
public abstract sealed class FiscalException extends Exception
    permits InvalidReceiptException, ReceiptRejectedException, DeliveryFailedException, OutcomeUnknownException,
        DeviceException, IdempotencyConflictException {
  private static final long serialVersionUID = 1L;

  FiscalException(String message, Throwable cause) {
    super(message, cause);
  }
}
