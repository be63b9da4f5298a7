package kz.fiscal.testkit.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.ReceiptListener.ReceiptEvent;
import kz.fiscal.core.RetryPolicy;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal;
import kz.fiscal.core.journal.ReceiptJournal.ReceiptStatus;
import kz.fiscal.core.spi.FiscalDriver;
import kz.fiscal.testkit.Acknowledgements;
import kz.fiscal.testkit.ForwardingFiscalDriver;
import kz.fiscal.testkit.ForwardingReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A shop process for the crash tests, run in a JVM of its own so that it can really die: a
 * {@link FiscalClient} on an H2 file journal and a recording register that keeps its ledger in a file
 * and prints a second check for a resent key (so a blind resend shows as a duplicate).
 *
 * <pre>
 * run     DIR FROM TO DEATH AT  fiscalizes keys FROM..TO-1; with DEATH other than NONE, halts at key AT
 * recover DIR FROM TO           sleeps past every lease a dead worker can hold, calls recover(), then
 *                               fiscalizes FROM..TO-1 again with the same receipts
 * hold    DIR                   opens the journal and holds it until killed
 * </pre>
 *
 * <p>A worker may be started while another still holds the journal: H2's file lock (and the ledger
 * file's) refuses it, so it waits, polling, until the other one is gone; the parent starts the next
 * process early this way and its JVM start overlaps the work of the one before. Once it holds both
 * files it prints {@code ready}, and {@code ack KEY SIGN} after each result it was given, flushed, so
 * the parent knows what was acknowledged even after a {@code kill -9}. A scripted death is
 * {@code Runtime.halt(137)}: no shutdown hook, no journal release, like a kill. Any failure is printed to
 * standard error and exits 1; success exits 0.
 */
public final class CrashWorker {
  /** Where a run dies. */
  enum Death {
    /**
     * Inside the journal's begin, before it commits: nothing is journaled. (A new record's REQUESTED and
     * SENT commit together, so there is no moment between them to die in.)
     */
    BEFORE_JOURNALED,
    /** After SENT is journaled, before the register is called. */
    AFTER_SENT,
    /** After the register applied the check and wrote its ledger line, before the client hears of it. */
    AFTER_APPLIED,
    /** Works to the end, unless the parent kills it. */
    NONE
  }

  /** The exit code of a scripted death, the same as a {@code kill -9}'s. */
  static final int HALTED = 137;
  /** What a worker prints once it holds the journal and the ledger. */
  static final String READY = "ready";
  /**
   * Short, so that recovery can take over soon after a crash; safe here because only one worker ever
   * holds the journal (H2's file lock), so no live worker's lease can be taken over.
   */
  static final Duration LEASE = Duration.ofMillis(500);
  /** How long a worker waits for the files another worker holds. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private static final Seller SELLER = Seller.vatPayer("ТОО «Тест»", Xin.parse("150740001357"),
      "г. Алматы, ул. Тестовая, 1");
  private static final OffsetDateTime PAID_AT = OffsetDateTime.parse("2026-05-20T10:15:00+05:00");
  private static final PrintStream OUT = System.out;

  private CrashWorker() {}

  public static void main(String[] args) {
    try {
      switch (args[0]) {
        case "run" -> run(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
            Death.valueOf(args[4]), Integer.parseInt(args[5]));
        case "recover" -> recover(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        case "hold" -> hold(Path.of(args[1]));
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static IdempotencyKey key(int i) {
    return IdempotencyKey.of("order-" + i);
  }

  /** The same receipt for the same key in every process. */
  static Receipt receipt(int i) {
    String price = (100 + i % 900) + ".00";
    return Receipt.sale(SELLER)
        .operationTime(PAID_AT)
        .item(Item.builder("Кофе").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  /** The journal's database: an H2 file with {@code WRITE_DELAY=0}, as the journal's Javadoc demands. */
  static JdbcConnectionPool database(Path dir) {
    return JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("journal").toAbsolutePath() + ";WRITE_DELAY=0",
        "sa", "");
  }

  static Path ledgerFile(Path dir) {
    return dir.resolve("ledger.tsv");
  }

  private static void run(Path dir, int from, int to, Death death, int at) throws Exception {
    IdempotencyKey target = key(at);
    Shop shop = Shop.open(dir);
    FiscalDriver driver = death == Death.AFTER_APPLIED ? new HaltAfterApplying(shop.register, target) : shop.register;
    ReceiptJournal journal = death == Death.BEFORE_JOURNALED ? new HaltBeforeBegin(shop.journal, target) : shop.journal;
    FiscalClient.Builder builder = client(driver, journal);
    if (death == Death.AFTER_SENT) {
      builder.listener(event -> haltOn(event, target, ReceiptStatus.SENT));
    }
    FiscalClient client = builder.build();
    say(READY);
    for (int i = from; i < to; i++) {
      acknowledge(key(i), client.fiscalize(key(i), receipt(i)));
    }
  }

  private static void recover(Path dir, int from, int to) throws Exception {
    Shop shop = Shop.open(dir);
    RecordingFiscalDriver register = shop.register;
    FiscalClient client = client(register, shop.journal).build();
    say(READY);
    // The dead worker renewed its leases before it died, and it died before this one got the files.
    Thread.sleep(LEASE.plusMillis(100).toMillis());
    client.recover();
    for (int i = from; i < to; i++) {
      FiscalResult result = client.fiscalize(key(i), receipt(i));
      acknowledge(key(i), result);
      if (register.ledgerCount(key(i)) != 1) {
        throw new AssertionError("Key " + key(i).value() + " was applied " + register.ledgerCount(key(i))
            + " times: " + register.results(key(i)) + "; journal history: " + client.history(key(i)));
      }
    }
  }

  private static void hold(Path dir) throws Exception {
    Shop.open(dir);
    say(READY);
    Thread.sleep(Long.MAX_VALUE);
  }

  private static FiscalClient.Builder client(FiscalDriver driver, ReceiptJournal journal) {
    return FiscalClient.builder()
        .driver(driver)
        .journal(journal)
        .leaseDuration(LEASE)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).timeout(Duration.ofSeconds(10)).build())
        .nodeId("crash-worker-" + ProcessHandle.current().pid());
  }

  private static void haltOn(ReceiptEvent event, IdempotencyKey target, ReceiptStatus status) {
    if (event.key().equals(target) && event.to() == status) {
      Runtime.getRuntime().halt(HALTED);
    }
  }

  private static void acknowledge(IdempotencyKey key, FiscalResult result) {
    say(Acknowledgements.line(key, result));
  }

  private static void say(String line) {
    OUT.println(line);
    OUT.flush();
  }

  /** The journal and the register of one worker, once it holds their files. */
  private record Shop(JdbcReceiptJournal journal, RecordingFiscalDriver register) {
    /** Waits while another worker holds the journal or the ledger; holds both from then on. */
    static Shop open(Path dir) throws Exception {
      JdbcConnectionPool database = database(dir);
      Instant giveUp = Instant.now().plus(PATIENCE);
      while (true) {
        Connection held = null;
        try {
          held = database.getConnection(); // kept open: the database stays open while the worker lives
          RecordingFiscalDriver register = RecordingFiscalDriver.builder().deduplicateKeys(false)
              .ledgerFile(ledgerFile(dir)).build();
          return new Shop(JdbcReceiptJournal.open(database), register);
        } catch (SQLException | IllegalStateException e) {
          boolean busy = e instanceof SQLException sql ? sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
              : e.getMessage().contains("in use");
          if (held != null) {
            held.close();
          }
          if (!busy || Instant.now().isAfter(giveUp)) {
            throw e;
          }
          Thread.sleep(10);
        }
      }
    }
  }

  /** The process dies as the journal is asked to begin the target's record, before anything is committed. */
  private static final class HaltBeforeBegin extends ForwardingReceiptJournal {
    private final IdempotencyKey target;

    HaltBeforeBegin(ReceiptJournal delegate, IdempotencyKey target) {
      super(delegate);
      this.target = target;
    }

    @Override
    public Begin begin(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease) {
      haltOn(key);
      return super.begin(key, digest, receipt, owner, lease);
    }

    @Override
    public Begin beginSending(IdempotencyKey key, String digest, Receipt receipt, String owner, Duration lease,
        Optional<RegisterId> register) {
      haltOn(key);
      return super.beginSending(key, digest, receipt, owner, lease, register);
    }

    private void haltOn(IdempotencyKey key) {
      if (key.equals(target)) {
        Runtime.getRuntime().halt(HALTED);
      }
    }
  }

  /** The register applies the check and writes its ledger line; then the process dies before answering. */
  private static final class HaltAfterApplying extends ForwardingFiscalDriver {
    private final IdempotencyKey target;

    HaltAfterApplying(FiscalDriver delegate, IdempotencyKey target) {
      super(delegate);
      this.target = target;
    }

    @Override
    public FiscalResult register(IdempotencyKey key, Receipt receipt, Instant deadline) throws FiscalException {
      FiscalResult result = delegate().register(key, receipt, deadline);
      if (key.equals(target)) {
        Runtime.getRuntime().halt(HALTED);
      }
      return result;
    }
  }
}
