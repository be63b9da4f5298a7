package kz.fiscal.cloud.webkassa.memory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A Webkassa that logs in and then answers {@code /check} with a body chosen by the check's
 * ExternalCheckNumber: {@code long-N} is N bytes of JSON, {@code endless} never ends, {@code gzip-N} is
 * N zero bytes gzipped (a bomb for large N). Written on plain sockets so that the bytes are streamed from
 * a small buffer, never held whole. One connection at a time; closes each after its answer.
 */
final class HugeAnswerServer implements AutoCloseable {
  private static final Pattern KEY = Pattern.compile("\"ExternalCheckNumber\"\\s*:\\s*\"([^\"]+)\"");
  private final ServerSocket server;
  private final Thread thread;

  HugeAnswerServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "huge-answers");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        answer(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
      } catch (IOException e) {
        // the client hung up on a body it would not read, or the server closed
      }
    }
  }

  private static void answer(InputStream in, OutputStream out) throws IOException {
    String head = head(in);
    Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
    byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    String request = new String(body, StandardCharsets.UTF_8);
    if (head.startsWith("POST /api/v4/Authorize")) {
      write(out, "", "{\"Data\":{\"Token\":\"token-1\"}}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    Matcher key = KEY.matcher(request);
    String mode = key.find() ? key.group(1) : "";
    if (mode.startsWith("long-")) {
      stream(out, Long.parseLong(mode.substring(5)));
    } else if (mode.equals("endless")) {
      stream(out, -1);
    } else if (mode.startsWith("gzip-")) {
      write(out, "Content-Encoding: gzip\r\n", zeros(Long.parseLong(mode.substring(5))));
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    String text = "";
    while (!text.endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended in its head");
      }
      head.write(b);
      text = b == '\n' ? head.toString(StandardCharsets.ISO_8859_1) : text + (char) b;
    }
    return text;
  }

  private static void write(OutputStream out, String headers, byte[] body) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n" + headers
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** {@code {"Data":{"Token":"` then spaces up to {@code length} bytes, or without end when negative. */
  private static void stream(OutputStream out, long length) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n"
        + (length < 0 ? "" : "Content-Length: " + length + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    byte[] start = "{\"Data\":{\"CheckNumber\":\"".getBytes(StandardCharsets.US_ASCII);
    out.write(start);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) '7');
    for (long sent = start.length; length < 0 || sent < length; sent += chunk.length) {
      out.write(chunk, 0, (int) (length < 0 ? chunk.length : Math.min(chunk.length, length - sent)));
    }
    out.flush();
  }

  /** {@code n} zero bytes, gzipped at the best compression (about a thousandth of {@code n}). */
  static byte[] zeros(long n) throws IOException {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      byte[] chunk = new byte[1 << 20];
      for (long left = n; left > 0; left -= chunk.length) {
        gzip.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return gzipped.toByteArray();
  }

}
