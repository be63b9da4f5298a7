package kz.fiscal.testkit.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.Tenge;
import kz.fiscal.core.spi.DriverInfo;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.core.spi.ShiftReport;
import kz.fiscal.testkit.RecordingFiscalDriver;

/**
 * One cash register shared by several processes: every check it prints is a line appended to a ledger
 * file under an exclusive file lock, so a node killed with {@code kill -9} leaves exactly what the
 * register did. Like {@code RecordingFiscalDriver.builder().deduplicateKeys(false)}, it prints a second
 * check for a resent key. Zero latency; reports are not supported. Thread-safe, and safe across processes.
 */
final class FileLedgerRegister implements FiscalDriver {
  /** The register every node process names: one ledger file, one register. */
  static final kz.fiscal.core.RegisterId ID = kz.fiscal.core.RegisterId.of("file-ledger", "LEDGER-1");

  private static final String RNM = "600300000002";

  /** One printed check: who asked for it and what it was. */
  record Printed(IdempotencyKey key, String node, FiscalResult result) {}

  private final FileChannel file;
  private final String node;
  private final List<Printed> ledger = new ArrayList<>();
  private final Map<IdempotencyKey, Printed> firstByKey = new HashMap<>();
  private long readUpTo;

  /** The register as {@code node} sees it; the file is created if absent. */
  FileLedgerRegister(Path path, String node) throws IOException {
    this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.node = node;
  }

  @Override
  public synchronized FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) {
    try (FileLock lock = file.lock()) {
      catchUp();
      long number = ledger.size() + 1;
      String line = key.value() + "," + number + "," + Instant.now().getEpochSecond() + "," + receipt.total().toTiyn()
          + "," + node + "\n";
      file.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)), readUpTo);
      catchUp();
      return ledger.get(ledger.size() - 1).result();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized Optional<FiscalResult> lookup(IdempotencyKey key, Receipt journaled, Instant firstSentAt,
      Instant deadline) {
    try (FileLock lock = file.lock()) {
      catchUp();
      return Optional.ofNullable(firstByKey.get(key)).map(Printed::result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every check printed so far, by any process, in order. */
  synchronized List<Printed> ledger() {
    try (FileLock lock = file.lock(0, Long.MAX_VALUE, true)) {
      catchUp();
      return List.copyOf(ledger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ShiftReport xReport() {
    throw new UnsupportedOperationException("the ledger register keeps no shift totals");
  }

  @Override
  public ShiftReport closeShift() {
    throw new UnsupportedOperationException("the ledger register keeps no shift totals");
  }

  @Override
  public DriverInfo info() {
    return new DriverInfo("file-ledger", ID, Optional.of(RNM), Optional.of("ZNM-LEDGER"),
        Set.of(ReceiptFeature.values()));
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the lines other writers appended since the last read; the caller holds the file lock. */
  private void catchUp() throws IOException {
    long size = file.size();
    if (size == readUpTo) {
      return;
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) (size - readUpTo));
    while (bytes.hasRemaining()) {
      file.read(bytes, readUpTo + bytes.position());
    }
    String text = new String(bytes.array(), StandardCharsets.US_ASCII);
    int end = text.lastIndexOf('\n') + 1; // a whole line is written by one call, but read only whole lines
    for (String line : text.substring(0, end).split("\n")) {
      Printed printed = parse(line);
      ledger.add(printed);
      firstByKey.putIfAbsent(printed.key(), printed);
    }
    readUpTo += end;
  }

  private static Printed parse(String line) {
    String[] field = line.split(",");
    long number = Long.parseLong(field[1]);
    FiscalResult result = FiscalResult.builder()
        .fiscalSign(Long.toString(1_000_000_000L + number))
        .checkNumber(number)
        .shiftNumber(1)
        .rnm(RNM)
        .registerSerial("ZNM-LEDGER")
        .dateTime(Instant.ofEpochSecond(Long.parseLong(field[2])).atOffset(KzTime.OFFSET))
        .total(Tenge.ofTiyn(Long.parseLong(field[3])))
        .ofd(RecordingFiscalDriver.OFD)
        .providerReference(field[0])
        .register(ID)
        .build();
    return new Printed(IdempotencyKey.of(field[0]), field[4], result);
  }
}
