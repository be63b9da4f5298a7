package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ForkedJvmTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  /**
   * {@code exit CODE LINE…} prints the lines, one to standard error, and exits with CODE; {@code hang}
   * prints {@code ready} and half a line, then sleeps; {@code load CLASS} prints where CLASS came from.
   */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      switch (args[0]) {
        case "exit" -> {
          for (int i = 2; i < args.length; i++) {
            System.out.println(args[i]);
          }
          System.err.println("to stderr");
          System.exit(Integer.parseInt(args[1]));
        }
        case "hang" -> {
          System.out.print("ready\nhal");
          System.out.flush();
          Thread.sleep(Long.MAX_VALUE);
        }
        case "load" -> System.out.println(Class.forName(args[1]).getName());
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  @Test
  void theParentReadsWhatTheChildPrintedAndItsExitCode() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "child", Child.class, "exit", "3", "one", "two");

    assertEquals(3, child.exitCode(PATIENCE));
    assertEquals(List.of("one", "two"), child.lines());
    assertEquals("to stderr\n", child.stderr());
    assertFalse(child.isAlive());
  }

  @Test
  void aKilledChildEndsWith137AndTheLineItCutShortIsLeftOut() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "hanging", Child.class, "hang");
    assertTrue(child.awaitLine("ready", PATIENCE), child.stderr());

    child.kill();

    assertFalse(child.isAlive());
    assertEquals(137, child.exitCode(PATIENCE));
    assertEquals(List.of("ready"), child.lines());
  }

  @Test
  void awaitLineIsFalseOnceTheChildExitedWithoutPrintingIt() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "silent", Child.class, "exit", "0", "not ready");

    assertFalse(child.awaitLine("ready", PATIENCE));
    assertEquals(0, child.exitCode(PATIENCE));
  }

  @Test
  void theChildLoadsClassesThatSurefireKeptOnTheModulePath() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "loader", Child.class, List.of(FiscalClient.class),
        "load", FiscalClient.class.getName());

    assertEquals(0, child.exitCode(PATIENCE), child.stderr());
    assertEquals(List.of(FiscalClient.class.getName()), child.lines());
  }

  @Test
  void itIsDescribedByItsNameAndArgumentsWithTheLogsParentAsDir() throws Exception {
    ForkedJvm child = ForkedJvm.start(dir.resolve("logs"), "named", Child.class, "exit", "0",
        dir.resolve("x").toString());

    assertEquals("named", child.name());
    assertEquals("named exit 0 DIR/x", child.toString());
    assertEquals(0, child.exitCode(PATIENCE));
  }
}
