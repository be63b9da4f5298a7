package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.HostLinkTraceTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  @Test
  void shortStatusRequestIsTheSpecsExample() {
    assertEquals("02 05 10 01 00 00 00 14", FrameCodec.hex(new Frame(0x10, hex("01 00 00 00")).encode()));
  }

  @Test
  void saleRequestOfSection34EndsWithLrc06() {
    byte[] data = new byte[59];
    System.arraycopy(hex("01 00 00 00 D0 07 00 00 00 98 3A 00 00 00 01 01 00 00 00 D2 EE E2 E0 F0"), 0, data, 0, 24);

    byte[] wire = new Frame(0x80, data).encode();

    assertEquals(63, wire.length);
    assertEquals("02 3C 80", FrameCodec.hex(java.util.Arrays.copyOf(wire, 3)));
    assertEquals(0x06, wire[62]);
  }

  @Test
  void twoByteCodeGoesOutAsFfThenItsSecondByteAndCountsInLen() {
    assertEquals("02 03 FF 01 1E E3", FrameCodec.hex(new Frame(0xFF01, hex("1E")).encode()));
  }

  @Test
  void decodingReadsATwoByteCodeBack() {
    assertEquals(new Frame(0xFF45, hex("00 01")), FrameCodec.decode(hex("02 04 FF 45 00 01 BF")));
  }

  @Test
  void decodingRefusesAWrongLrc() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrameCodec.decode(hex("02 03 80 00 01 7D")));
    assertEquals("LRC 7D, expected 82: 02 03 80 00 01 7D", e.getMessage());
  }

  @Test
  void decodingRefusesLenZeroAndALenThatDoesNotMatch() {
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(hex("02 00 00 00")));
    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(hex("02 04 80 00 01 83")));
  }

  @Test
  void aFrameOfMoreThan255BytesOfCommandAndDataIsRefused() {
    new Frame(0x10, new byte[254]);
    new Frame(0xFF45, new byte[253]);
    assertThrows(IllegalArgumentException.class, () -> new Frame(0x10, new byte[255]));
    assertThrows(IllegalArgumentException.class, () -> new Frame(0xFF45, new byte[254]));
  }

  @Test
  void codeFfAloneIsNotACommand() {
    assertThrows(IllegalArgumentException.class, () -> new Frame(0xFF, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new Frame(0x1FF, new byte[0]));
  }

  @Test
  void answerToATwoByteRequestInTheOldFirmwareFormCarriesItsErrorByte() {
    assertEquals(Optional.of(new Answer(0xFF01, 0x37, new byte[0])), Answer.to(0xFF01, hex("FF 37")));
  }

  @Test
  void answerWithAnotherCommandOrWithoutAnErrorByteIsNotTheRequestsAnswer() {
    assertEquals(Optional.empty(), Answer.to(0x80, hex("10 00 01")));
    assertEquals(Optional.empty(), Answer.to(0x80, hex("80")));
    assertEquals(Optional.empty(), Answer.to(0xFF45, hex("FF 0A 00")));
  }

  @Property
  void everyOneByteFrameSurvivesARoundTrip(@ForAll @IntRange(min = 0, max = 0xFE) int command,
      @ForAll @Size(max = 254) byte[] data) {
    Frame frame = new Frame(command, data);
    byte[] wire = frame.encode();

    assertEquals(frame, FrameCodec.decode(wire));
    assertEquals(data.length + 1, wire[1] & 0xFF);
    assertArrayEquals(frame.body(), java.util.Arrays.copyOfRange(wire, 2, wire.length - 1));
  }

  @Property
  void everyTwoByteFrameSurvivesARoundTrip(@ForAll @IntRange(min = 0xFF00, max = 0xFFFF) int command,
      @ForAll @Size(max = 253) byte[] data) {
    Frame frame = new Frame(command, data);

    assertEquals(frame, FrameCodec.decode(frame.encode()));
  }

  @Property
  void flippingAnyOneBitAfterStxIsDetected(@ForAll @Size(min = 1, max = 40) byte[] data,
      @ForAll @IntRange(min = 0, max = 7) int bit, @ForAll @IntRange(min = 0, max = 1000) int at) {
    byte[] wire = new Frame(0x80, data).encode();
    int index = 1 + at % (wire.length - 1);
    wire[index] ^= (byte) (1 << bit);

    assertThrows(IllegalArgumentException.class, () -> FrameCodec.decode(wire));
  }
}
