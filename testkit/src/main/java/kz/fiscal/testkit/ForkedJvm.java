package kz.fiscal.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class running in a JVM of its own, so that a crash test can really kill it: its
 * standard output and error go to files (a {@code kill -9} loses nothing it flushed, and a full pipe
 * never blocks it), and the parent reads what it printed, waits for a line, kills it with SIGKILL or
 * waits for its exit code. Not thread-safe; one instance per child process.
 *
 * <p>The child gets the parent's own class path and module path as one plain class path, plus the
 * code source of the main class and of every class the caller names: surefire runs a modular project's
 * tests with its classes on the module path and the test classes patched into the module, so
 * {@code java.class.path} alone lacks them. The child runs everything in the unnamed module.
 */
public final class ForkedJvm {
  private static final List<String> JVM_OPTIONS = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xmx128m");

  private final Process process;
  private final Path out;
  private final Path err;
  private final String name;
  private final String description;

  private ForkedJvm(Process process, Path out, Path err, String name, String description) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.name = name;
    this.description = description;
  }

  /**
   * Starts {@code mainClass args…} in a new JVM, logging to {@code logs/name.out} and
   * {@code logs/name.err} ({@code logs} is created if needed).
   *
   * @throws IOException when the logs cannot be created or the JVM cannot be started
   * @throws IllegalStateException when the main class's location cannot be found
   */
  public static ForkedJvm start(Path logs, String name, Class<?> mainClass, String... args) throws IOException {
    return start(logs, name, mainClass, List.of(), args);
  }

  /**
   * Starts {@code mainClass args…} like {@link #start(Path, String, Class, String...)}, with the jars or
   * directories that {@code needed} classes were loaded from added to the class path: name a class of
   * every library the child uses that the parent may hold somewhere other than its class path.
   *
   * @throws IOException when the logs cannot be created or the JVM cannot be started
   * @throws IllegalStateException when a class's location cannot be found
   */
  public static ForkedJvm start(Path logs, String name, Class<?> mainClass, Collection<Class<?>> needed,
      String... args) throws IOException {
    Objects.requireNonNull(name, "name");
    Files.createDirectories(logs);
    List<Class<?>> types = new ArrayList<>(List.of(mainClass));
    types.addAll(needed);
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath(types), mainClass.getName()));
    command.addAll(List.of(args));
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Path parent = logs.toAbsolutePath().getParent();
    String joined = String.join(" ", args);
    String description = name + " " + (parent == null ? joined : joined.replace(parent.toString(), "DIR"));
    return new ForkedJvm(process, out, err, name, description.strip());
  }

  /**
   * Waits until the child printed {@code line} as a whole line; false if it exited without printing it
   * or {@code timeout} passed.
   */
  public boolean awaitLine(String line, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (lines().contains(line)) {
        return true;
      }
      if (!process.isAlive()) {
        return lines().contains(line);
      }
      Thread.sleep(2);
    }
    return false;
  }

  /**
   * {@code kill -STOP}: freezes the child wherever it is (its clocks run on, its threads do not), as a
   * long GC pause or a suspended VM would; {@link #resume()} lets it go on. Unix only.
   *
   * @throws IllegalStateException if {@code kill} refused a child that still runs
   */
  public void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** {@code kill -CONT}: lets a {@linkplain #pause() paused} child go on. */
  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (kill.waitFor() != 0 && process.isAlive()) { // a child that exited meanwhile needs no signal
      throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + kill.exitValue());
    }
  }

  /** {@code kill -9} (SIGKILL on Unix), whatever the child is doing; returns once it is dead. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Whether the child still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The child's exit code (137 after a {@code kill -9}).
   *
   * @throws AssertionError when it still runs after {@code timeout}; it is killed first
   */
  public int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(description + " still ran after " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  /** The complete lines the child printed so far; a last line a kill cut short is left out. */
  public List<String> lines() {
    String text = read(out);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  /** Everything the child printed to standard error so far. */
  public String stderr() {
    return read(err);
  }

  /** The name it was started with, which its log files carry. */
  public String name() {
    return name;
  }

  /** The name and arguments it was started with, the logs' parent directory shown as {@code DIR}. */
  @Override
  public String toString() {
    return description;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** The locations of {@code types}, then this JVM's class path and module path, without repeats. */
  private static String classPath(List<Class<?>> types) {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : types) {
      entries.add(root(type));
    }
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(entry);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The directory or jar a class was loaded from, found through its class file wherever it came from. */
  private static String root(Class<?> type) {
    String file = type.getName().replace('.', '/') + ".class";
    URL url = type.getResource("/" + file);
    if (url == null) {
      throw new IllegalStateException("Cannot find " + file);
    }
    String text = url.toString();
    if (text.startsWith("jar:file:")) {
      return Path.of(URI.create(text.substring(4, text.indexOf("!/")))).toString();
    }
    if (text.startsWith("file:")) {
      return Path.of(URI.create(text.substring(0, text.length() - file.length()))).toString();
    }
    throw new IllegalStateException(type + " was loaded from " + text + ", neither a directory nor a jar");
  }
}
