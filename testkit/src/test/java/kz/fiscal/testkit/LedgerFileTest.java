package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Seller;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {
  private static final Seller SELLER = Seller.vatPayer("ТОО", Xin.parse("150740001357"), "Алматы");
  private static final IdempotencyKey A = IdempotencyKey.of("order-a");
  private static final IdempotencyKey B = IdempotencyKey.of("order-b");

  @TempDir
  Path dir;

  @Test
  void linesAreReadBackAsTheyWereAppended() {
    Path path = dir.resolve("ledger.tsv");
    LedgerFile.Line first = line(A, 1_000_000_001L, 1, 1, "10.00", "2026-06-01T12:00:00.123456789+05:00");
    LedgerFile.Line second = line(B, 1_000_000_002L, 1, 2, "2500.50", "2026-06-01T12:00:01+05:00");
    try (LedgerFile file = LedgerFile.open(path)) {
      assertEquals(List.of(), file.loaded());
      file.append(first);
      file.append(second);
    }

    try (LedgerFile file = LedgerFile.open(path)) {
      assertEquals(List.of(first, second), file.loaded());
    }
  }

  @Test
  void aLastLineCutShortByACrashIsDroppedAndTheNextAppendStartsOnAFreshLine() throws IOException {
    Path path = dir.resolve("ledger.tsv");
    LedgerFile.Line first = line(A, 1_000_000_001L, 1, 1, "10.00", "2026-06-01T12:00:00+05:00");
    try (LedgerFile file = LedgerFile.open(path)) {
      file.append(first);
    }
    Files.writeString(path, "order-b\t1000000002\t1\t2\t25", StandardOpenOption.APPEND);

    LedgerFile.Line second = line(B, 1_000_000_002L, 1, 2, "20.00", "2026-06-01T12:00:05+05:00");
    try (LedgerFile file = LedgerFile.open(path)) {
      assertEquals(List.of(first), file.loaded());
      file.append(second);
    }

    assertEquals(first.format() + second.format(), Files.readString(path, StandardCharsets.UTF_8));
  }

  @Test
  void anUnreadableCompleteLineIsCorruptionAndFailsTheOpen() throws IOException {
    Path path = dir.resolve("ledger.tsv");
    Files.writeString(path, "order-a\tnot-a-number\t1\t1\t10.00\t2026-06-01T12:00:00+05:00\n");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> LedgerFile.open(path));

    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void aSecondDriverOnAnOpenLedgerFileIsRefused() {
    Path path = dir.resolve("ledger.tsv");
    try (RecordingFiscalDriver first = RecordingFiscalDriver.builder().ledgerFile(path).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> RecordingFiscalDriver.builder().ledgerFile(path).build());

      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    RecordingFiscalDriver.builder().ledgerFile(path).build().close();
  }

  @Test
  void aRestartedDriverCountsFindsAndContinuesTheChecksOfItsLedgerFile() throws FiscalException {
    Path path = dir.resolve("ledger.tsv");
    FiscalResult a;
    FiscalResult b;
    try (RecordingFiscalDriver before = RecordingFiscalDriver.builder().deduplicateKeys(false).ledgerFile(path).build()) {
      a = before.register(A, sale("10.00"), Instant.MAX);
      b = before.register(B, sale("20.00"), Instant.MAX);
    }

    try (RecordingFiscalDriver after = RecordingFiscalDriver.builder().deduplicateKeys(false).ledgerFile(path).build()) {
      assertEquals(1, after.ledgerCount(A));
      assertEquals(Optional.of(a), after.lookup(A, sale("10.00"), Instant.EPOCH, Instant.MAX));
      assertEquals(List.of(b), after.results(B));
      assertEquals(List.of(), after.ledger(), "the file keeps no receipts");

      FiscalResult again = after.register(A, sale("10.00"), Instant.MAX);

      assertEquals(Optional.of("1000000003"), again.fiscalSign());
      assertEquals(3, again.checkNumber());
      assertEquals(b.shiftNumber(), again.shiftNumber());
      assertEquals(List.of(a, again), after.results(A));
    }
    try (RecordingFiscalDriver third = RecordingFiscalDriver.builder().ledgerFile(path).build()) {
      assertEquals(2, third.ledgerCount(A));
    }
  }

  @Test
  void aDeduplicatingDriverReturnsTheCheckOfItsLedgerFileForAResentKey() throws FiscalException {
    Path path = dir.resolve("ledger.tsv");
    FiscalResult first;
    try (RecordingFiscalDriver before = RecordingFiscalDriver.builder().ledgerFile(path).build()) {
      first = before.register(A, sale("10.00"), Instant.MAX);
    }

    try (RecordingFiscalDriver after = RecordingFiscalDriver.builder().ledgerFile(path).build()) {
      assertEquals(first, after.register(A, sale("10.00"), Instant.MAX));
      assertEquals(1, after.ledgerCount(A));
    }
  }

  private static LedgerFile.Line line(IdempotencyKey key, long sign, long shift, long check, String total, String time) {
    return new LedgerFile.Line(key, sign, shift, check, Tenge.of(total), OffsetDateTime.parse(time));
  }

  private static Receipt sale(String price) {
    return Receipt.sale(SELLER).operationTime(OffsetDateTime.parse("2026-06-01T12:00:00+05:00"))
        .item("Чай", "1", price, VatRate.SIXTEEN).payment(PaymentType.CARD, price).build();
  }
}
