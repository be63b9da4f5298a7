package kz.fiscal.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine promise the H2 file journal rests on: a commit that returned is in the file, and a fresh
 * open after the process died finds it. A copy of the file taken right after a commit is exactly what a
 * killed process leaves behind (the write is in the operating system's cache). H2 2.5.252 breaks this
 * within a dozen commits: when a new chunk lands in a gap before where the previous chunk predicted it,
 * the store header it rewrites still names the previous chunk, and recovery stops there. The crash tests
 * saw it as receipts fiscalized twice.
 */
class H2CrashDurabilityTest {
  @TempDir
  Path dir;

  @Test
  void aFreshOpenAfterACrashFindsEveryCommitThatReturned() throws Exception {
    Path file = dir.resolve("store.mv.db");
    Path crashed = dir.resolve("crashed.mv.db");
    Random random = new Random(20261130L);
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    try {
      store.setRetentionTime(0); // reuse freed space at once, as H2 does after 45 s or while compacting
      MVMap<Integer, String> map = store.openMap("receipts");
      for (int commit = 1; commit <= 200; commit++) {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          map.put(random.nextInt(300), "x".repeat(random.nextInt(3000)));
        }
        map.put(-1, Integer.toString(commit));
        store.commit();

        Files.copy(file, crashed, StandardCopyOption.REPLACE_EXISTING);
        MVStore reopened = new MVStore.Builder().fileName(crashed.toString()).readOnly().open();
        try {
          assertEquals(Integer.toString(commit), reopened.<Integer, String>openMap("receipts").get(-1),
              "the last commit before the crash");
        } finally {
          reopened.closeImmediately();
        }
      }
    } finally {
      store.closeImmediately();
    }
  }
}
