package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two ptys joined by socat (docs/serial-shtrih.md §8): {@code socat -d -d pty,raw,echo=0,link=ttyA pty,raw,echo=0,link=ttyB}.
 * Skips the test where socat or Linux is missing, except under {@code CI=true}, where it fails (.ci/run
 * installs socat). Destroys only its own socat process.
 */
final class PtyPair implements AutoCloseable {
  private final Process socat;
  final Path hostEnd;
  final Path deviceEnd;

  private PtyPair(Process socat, Path hostEnd, Path deviceEnd) {
    this.socat = socat;
    this.hostEnd = hostEnd;
    this.deviceEnd = deviceEnd;
  }

  static PtyPair start(Path dir) throws IOException, InterruptedException {
    boolean linux = System.getProperty("os.name").toLowerCase().contains("linux");
    boolean present = linux && onPath("socat");
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("socat is not installed under CI=true: .ci/run must install it");
    }
    assumeTrue(present, "pty tests skipped: they need Linux and socat");
    Path a = dir.resolve("ttyA");
    Path b = dir.resolve("ttyB");
    Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
        .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
    for (int i = 0; i < 100 && !(Files.exists(a) && Files.exists(b)); i++) {
      Thread.sleep(50);
    }
    if (!(Files.exists(a) && Files.exists(b))) {
      socat.destroyForcibly();
      throw new AssertionError("socat made no pty pair within 5 s: " + Files.readString(dir.resolve("socat.log")));
    }
    return new PtyPair(socat, a, b);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(2, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
      }
    } catch (InterruptedException e) {
      socat.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
