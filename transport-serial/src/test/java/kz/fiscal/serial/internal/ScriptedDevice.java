package kz.fiscal.serial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kz.fiscal.serial.InMemoryLinkPair;

/**
 * A device that plays one byte trace in the spec's notation ({@code H→D 05} lines are expected from the
 * host byte for byte, {@code D→H …} lines are sent), so the host's bytes can be compared exactly.
 */
final class ScriptedDevice {
  private record Line(boolean fromHost, byte[] bytes) {}

  private final InMemoryLinkPair pair;
  private final CompletableFuture<Void> done;

  private ScriptedDevice(InMemoryLinkPair pair, List<Line> script) {
    this.pair = pair;
    this.done = CompletableFuture.runAsync(() -> play(script, pair.deviceInput(), pair.deviceOutput()));
  }

  /** Starts playing {@code trace}: one direction and its hex bytes per line, blank lines ignored. */
  static ScriptedDevice play(InMemoryLinkPair pair, String trace) {
    List<Line> script = new ArrayList<>();
    for (String raw : trace.strip().split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean fromHost = line.startsWith("H→D");
      if (!fromHost && !line.startsWith("D→H")) {
        throw new IllegalArgumentException("not a trace line: " + line);
      }
      script.add(new Line(fromHost, HexFormat.of().parseHex(line.substring(3).replace(" ", ""))));
    }
    return new ScriptedDevice(pair, script);
  }

  /**
   * Fails unless the whole script was played and the host wrote nothing more; unplugs the line when
   * the script got stuck.
   */
  void assertPlayedExactly() throws Exception {
    InputStream rest = pair.deviceInput();
    try {
      done.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    } catch (TimeoutException e) {
      pair.close();
      throw new AssertionError("the host stopped before the script ended", e);
    }
    int extra = rest.available();
    if (extra > 0) {
      byte[] more = rest.readNBytes(extra);
      throw new AssertionError("the host wrote more than the trace: " + FrameCodec.hex(more));
    }
  }

  private static void play(List<Line> script, InputStream in, OutputStream out) {
    try {
      for (Line line : script) {
        if (line.fromHost()) {
          byte[] got = in.readNBytes(line.bytes().length);
          if (!java.util.Arrays.equals(got, line.bytes())) {
            throw new AssertionError("expected H→D " + FrameCodec.hex(line.bytes()) + " but got "
                + FrameCodec.hex(got));
          }
        } else {
          out.write(line.bytes());
        }
      }
    } catch (IOException e) {
      throw new AssertionError("the line failed mid-script", e);
    }
  }
}
