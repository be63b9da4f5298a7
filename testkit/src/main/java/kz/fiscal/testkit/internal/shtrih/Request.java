package kz.fiscal.testkit.internal.shtrih;

import java.util.Arrays;

/** An accepted request as the registrar reads it: its code and DATA, fields little-endian (docs/serial-shtrih.md §2.1). */
final class Request {
  final int command;
  final byte[] body;
  final byte[] data;

  Request(byte[] body) {
    this.body = body;
    this.command = ShtrihBytes.commandOf(body);
    this.data = Arrays.copyOfRange(body, ShtrihBytes.codeLength(command), body.length);
  }

  /** The unsigned little-endian value of {@code size} bytes at DATA offset {@code off}. */
  long le(int off, int size) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      v |= (data[off + i] & 0xFFL) << (8 * i);
    }
    return v;
  }

  int u8(int off) {
    return data[off] & 0xFF;
  }

  /** CP1251 text from DATA offset {@code off}, at most {@code max} bytes, up to the first {@code 00}. */
  String text(int off, int max) {
    int end = off;
    while (end < data.length && end - off < max && data[end] != 0) {
      end++;
    }
    return new String(data, off, end - off, AnswerBody.CP1251);
  }
}
