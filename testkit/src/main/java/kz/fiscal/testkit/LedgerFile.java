package kz.fiscal.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.Tenge;

/**
 * The checks a {@link RecordingFiscalDriver} applied, one line each in a file that outlives the process,
 * so that a crash test can kill the JVM and still count what the register printed.
 *
 * <p>A line is {@code key TAB fiscal-sign TAB shift TAB check-number TAB total TAB ISO-time}. Each
 * {@link #append} is forced to the storage device before it returns. {@link #open} reads every complete
 * line back and cuts off a last line that a crash left unfinished (it was never acknowledged); any other
 * unreadable line is corruption and fails the open. While open, the file is locked against other
 * processes. Not thread-safe: the driver serialises the calls.
 */
final class LedgerFile implements AutoCloseable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** One applied check, as the file keeps it. */
  record Line(IdempotencyKey key, long fiscalSign, long shift, long checkNumber, Tenge total, OffsetDateTime time) {
    String format() {
      return key.value() + '\t' + fiscalSign + '\t' + shift + '\t' + checkNumber + '\t' + total + '\t'
          + TIME.format(time) + '\n';
    }

    static Line parse(String text) {
      String[] fields = text.split("\t", -1);
      if (fields.length != 6) {
        throw new IllegalArgumentException("expected 6 tab-separated fields, found " + fields.length);
      }
      return new Line(IdempotencyKey.of(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
          Tenge.of(fields[4]), OffsetDateTime.parse(fields[5], TIME));
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<Line> loaded;

  private LedgerFile(Path path, FileChannel channel, FileLock lock, List<Line> loaded) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.loaded = loaded;
  }

  /**
   * Opens {@code path}, creating it if absent, and reads back its complete lines.
   *
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalStateException if another process holds the file, or a complete line is unreadable
   */
  static LedgerFile open(Path path) {
    FileChannel channel = null;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lock(channel, path);
      byte[] bytes = readAll(channel);
      int end = lastNewline(bytes) + 1;
      if (end < bytes.length) {
        channel.truncate(end); // a line cut short by a crash: its check was never acknowledged
        channel.force(true);
      }
      List<Line> lines = parse(path, new String(bytes, 0, end, StandardCharsets.UTF_8));
      channel.position(end);
      return new LedgerFile(path, channel, lock, lines);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot open the ledger file " + path, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  /** The lines the file held when it was opened, oldest first. */
  List<Line> loaded() {
    return loaded;
  }

  /**
   * Appends {@code line} and forces it to the storage device.
   *
   * @throws UncheckedIOException if the write or the force fails
   */
  void append(Line line) {
    ByteBuffer buffer = ByteBuffer.wrap(line.format().getBytes(StandardCharsets.UTF_8));
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the ledger file " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the ledger file " + path, e);
    }
  }

  private static FileLock lock(FileChannel channel, Path path) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException("The ledger file " + path + " is in use by another driver");
    }
    return lock;
  }

  private static List<Line> parse(Path path, String text) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String row : text.split("\n")) {
      number++;
      if (row.isEmpty()) {
        continue;
      }
      try {
        lines.add(Line.parse(row));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalStateException("Ledger file " + path + ", line " + number + " is unreadable: "
            + e.getMessage(), e);
      }
    }
    return List.copyOf(lines);
  }

  /** Reads through the locked channel: closing another channel on the file could drop the lock. */
  private static byte[] readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("ledger file too large: " + size + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    int read = 0;
    while (read < size) {
      int n = channel.read(buffer, read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return Arrays.copyOf(buffer.array(), read);
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        // the open already failed; that failure is the one to report
      }
    }
  }
}
