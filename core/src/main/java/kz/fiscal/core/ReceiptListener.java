package kz.fiscal.core;

/**
 * Hears every transition of a fiscalization after it is journaled, on the thread that made it. A
 * listener must be quick and must not throw; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface ReceiptListener {
  void onTransition(ReceiptEvent event);
}
