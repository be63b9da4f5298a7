package kz.fiscal.core.internal;

import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.Receipt;

/**
 * Writes receipts and fiscal results as compact JSON text for durable journals, and reads them back
 * exactly: {@code read(write(x)).equals(x)} for every value the model can hold (amounts at their scale,
 * times with their offset, absent optionals absent). JDK only. Thread-safe (stateless).
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** The receipt as JSON. */
  public static String writeReceipt(Receipt receipt) {
    throw new UnsupportedOperationException("RecordCodec is being written (issue E2)");
  }

  /**
   * The receipt {@link #writeReceipt} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static Receipt readReceipt(String json) {
    throw new UnsupportedOperationException("RecordCodec is being written (issue E2)");
  }

  /** The result as JSON. */
  public static String writeResult(FiscalResult result) {
    throw new UnsupportedOperationException("RecordCodec is being written (issue E2)");
  }

  /**
   * The result {@link #writeResult} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static FiscalResult readResult(String json) {
    throw new UnsupportedOperationException("RecordCodec is being written (issue E2)");
  }
}
