package kz.fiscal.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import kz.fiscal.core.Customer;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.internal.RecordCodec;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;

/**
 * What {@link ReceiptJournal#erasePersonalData(Instant)} erases and from which records, shared by the
 * journals: the buyer's e-mail, phone and IIN leave the stored receipt of a REFUNDED record, or of a
 * FISCALIZED or PARTIALLY_REFUNDED one last changed before the cut-off; a buyer's BIN stays (the buyer's
 * accounting needs it on the check), and so do the digest, status, result, history and version.
 */
final class Erasure {
  private static final String DUE = "SELECT idem_key, receipt_json, row_version FROM fiscal_receipt"
      + " WHERE status = 'REFUNDED' OR (status IN ('FISCALIZED', 'PARTIALLY_REFUNDED') AND updated_at < ?)";
  private static final String UPDATE =
      "UPDATE fiscal_receipt SET receipt_json = ? WHERE idem_key = ? AND row_version = ?";

  private Erasure() {}

  /** Whether a record in {@code status}, last changed at {@code updatedAt}, is due for erasure. */
  static boolean due(ReceiptStatus status, Instant updatedAt, Instant fiscalizedBefore) {
    return status == ReceiptStatus.REFUNDED
        || ((status == ReceiptStatus.FISCALIZED || status == ReceiptStatus.PARTIALLY_REFUNDED)
            && updatedAt.isBefore(fiscalizedBefore));
  }

  /** {@code receipt} without the buyer's personal data; empty when it holds none. */
  static Optional<Receipt> erased(Receipt receipt) {
    Customer customer = receipt.customer();
    boolean personalXin = customer.xin().isPresent() && !customer.xin().get().kind().isBin();
    if (customer.email().isEmpty() && customer.phone().isEmpty() && !personalXin) {
      return Optional.empty();
    }
    Customer kept = personalXin || customer.xin().isEmpty() ? Customer.ANONYMOUS
        : Customer.ANONYMOUS.withXin(customer.xin().get());
    return Optional.of(receipt.newBuilder().customer(kept).build());
  }

  /**
   * Erases in the database; a row changed meanwhile (another version) is left for the next sweep.
   *
   * @return how many receipts were erased
   */
  static int inDatabase(DataSource dataSource, Instant fiscalizedBefore) throws SQLException {
    List<String[]> changes = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement select = connection.prepareStatement(DUE)) {
        Rows.setInstant(select, 1, fiscalizedBefore);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Optional<Receipt> erased = erased(RecordCodec.readReceipt(rows.getString(2)));
            if (erased.isPresent()) {
              changes.add(new String[] {rows.getString(1), RecordCodec.writeReceipt(erased.get()),
                  Long.toString(rows.getLong(3))});
            }
          }
        }
      }
      int erasedCount = 0;
      try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
        for (String[] change : changes) {
          update.setString(1, change[1]);
          update.setString(2, change[0]);
          update.setLong(3, Long.parseLong(change[2]));
          erasedCount += update.executeUpdate();
        }
      }
      return erasedCount;
    }
  }
}
