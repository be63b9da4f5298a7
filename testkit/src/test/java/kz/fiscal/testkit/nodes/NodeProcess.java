package kz.fiscal.testkit.nodes;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.journal.JdbcReceiptJournal;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A node in a process of its own, for {@link TwoProcessesOnePostgresTest}: fiscalizes every order with
 * several threads on the shared PostgreSQL and the shared {@link FileLedgerRegister}, printing
 * {@code ready} once its journal is open. The test kills it with {@code kill -9}.
 *
 * <p>Arguments: schema, ledger file, node id, threads, keys, lease in milliseconds, payment time.
 */
final class NodeProcess {
  static final String READY = "ready";

  private NodeProcess() {}

  public static void main(String[] args) throws Exception {
    String schema = args[0];
    Path ledger = Path.of(args[1]);
    String nodeId = args[2];
    int threads = Integer.parseInt(args[3]);
    int keys = Integer.parseInt(args[4]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
    OffsetDateTime paidAt = OffsetDateTime.parse(args[6]);

    JdbcConnectionPool pool = NodeDatabase.pool(schema, threads + 2);
    FiscalClient client = Workload.node(nodeId, JdbcReceiptJournal.open(pool), new FileLedgerRegister(ledger, nodeId),
        lease);
    CountDownLatch start = new CountDownLatch(1);
    Set<String> unexpected = ConcurrentHashMap.newKeySet();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Integer> order = Workload.shuffled(keys, 100 + t);
      Thread worker = new Thread(() -> {
        try {
          Workload.work(client, order, paidAt, start, new ConcurrentHashMap<>(), unexpected);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, nodeId + "-caller-" + t);
      workers.add(worker);
      worker.start();
    }
    System.out.println(READY);
    System.out.flush();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.println("done; unexpected: " + unexpected);
  }
}
