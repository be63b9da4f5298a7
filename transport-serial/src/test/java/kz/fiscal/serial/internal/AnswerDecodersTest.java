package kz.fiscal.serial.internal;

import static kz.fiscal.serial.internal.SpecBytes.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every answer example of docs/serial-shtrih.md §1.7 and §3 decoded, longer answers accepted, short ones malformed. */
class AnswerDecodersTest {
  static final String FULL_STATUS = "02 30 11 00 01 45 31 01 00 01 01 19 01 0C 00 92 02 02 00 00 45 31 01 00 01 01"
      + " 19 0F 01 1A 0A 1F 05 67 4E 61 BC 00 03 00 CC 07 01 0E 4D E2 CD 18 23 00 D1";
  static final String CLOSE = "02 20 FF 45 00 20 4E 00 00 00 07 00 00 00 FF FF FF FF 1A 01 0F 0A 1E 4B 01 87 12"
      + " EA 4E B9 00 00 00 00 31";
  private static final LocalDateTime AT_1030 = LocalDateTime.of(2026, 1, 15, 10, 30);

  @Test
  void shortStatusOfAnIdleDeviceWithAnOpenShift() {
    ShortStatus s = ShortStatus.decode(answer(0x10, "02 10 10 00 01 92 02 02 00 00 99 D8 00 00 00 00 00 00 D2"));

    assertEquals(new ShortStatus(1, new DeviceFlags(0x0292), new DeviceMode(Mode.SHIFT_OPEN, 0), Submode.IDLE, 0,
        0, 0), s);
    assertTrue(s.flags().paperReady());
    assertTrue(s.flags().twoDecimals());
    assertTrue(s.flags().leverDown());
    assertFalse(s.flags().coverOpen());
  }

  @Test
  void shortStatusWithASaleCheckOfTwoLines() {
    ShortStatus s = ShortStatus.decode(answer(0x10, "02 10 10 00 01 92 02 08 00 02 99 D8 00 00 00 00 00 00 DA"));

    assertEquals(Optional.of(DeviceMode.Document.SALE), s.mode().document());
    assertTrue(s.mode().checkOpen());
    assertEquals(2, s.operations());
  }

  @Test
  void operationCountTakesItsHighByteFromOffsetEleven() {
    byte[] data = SpecBytes.hex("01 92 02 28 05 34 99 D8 00 00 01 00 00 00 00");

    ShortStatus s = ShortStatus.decode(new Answer(0x10, 0, data));

    assertEquals(0x134, s.operations());
    assertEquals(Optional.of(DeviceMode.Document.SALE_RETURN), s.mode().document());
    assertEquals(Submode.PRINTING, s.submode());
  }

  @Test
  void fullStatusOfTheSpecExample() {
    FullStatus s = FullStatus.decode(answer(0x11, FULL_STATUS));

    assertEquals(new FullStatus(1, 12, new DeviceFlags(0x0292), new DeviceMode(Mode.SHIFT_OPEN, 0), Submode.IDLE,
        LocalDateTime.of(2026, 1, 15, 10, 31, 5), 0x67, OptionalLong.of(12345678), 3, 1,
        OptionalLong.of(150740001357L)), s);
    assertTrue(s.shiftOpen());
    assertFalse(s.shiftExpired());
  }

  @Test
  void fullStatusOfFiftyTwoBytesIsReadAsFortyEight() {
    byte[] longer = java.util.Arrays.copyOf(answer(0x11, FULL_STATUS).data(), 46 + 4);

    assertEquals(FullStatus.decode(answer(0x11, FULL_STATUS)), FullStatus.decode(new Answer(0x11, 0, longer)));
  }

  @Test
  void unsetSerialAndBinAreEmpty() {
    byte[] data = answer(0x11, FULL_STATUS).data();
    java.util.Arrays.fill(data, 30, 34, (byte) 0xFF);
    java.util.Arrays.fill(data, 40, 46, (byte) 0xFF);

    FullStatus s = FullStatus.decode(new Answer(0x11, 0, data));

    assertEquals(OptionalLong.empty(), s.serial());
    assertEquals(OptionalLong.empty(), s.bin());
  }

  @Test
  void operatorAnswersOfTheSpec() {
    assertEquals(OptionalInt.of(1), Answers.openShift(answer(0xE0, "02 03 E0 00 01 E2")));
    assertEquals(OptionalInt.empty(), Answers.openShift(new Answer(0xE0, 0, new byte[0])));
    assertEquals(1, Answers.operator(answer(0x80, "02 03 80 00 01 82")));
    assertEquals(1, Answers.operator(answer(0x82, "02 03 82 00 01 80")));
    assertEquals(30, Answers.operator(answer(0x40, "02 03 40 00 1E 5D")));
    assertEquals(30, Answers.operator(answer(0x41, "02 03 41 00 1E 5C")));
  }

  @Test
  void subtotalAndChangeOfTheSpec() {
    assertEquals(new Answers.OperatorAmount(1, 30000),
        Answers.OperatorAmount.decode(answer(0x89, "02 08 89 00 01 30 75 00 00 00 C5")));
    assertEquals(new Answers.OperatorAmount(1, 20000),
        Answers.OperatorAmount.decode(answer(0x85, "02 08 85 00 01 20 4E 00 00 00 E2")));
  }

  @Test
  void extendedCloseWithTheKzTailGivesTheFullFiscalSign() {
    CloseReceipt r = CloseReceipt.decode(answer(0xFF45, CLOSE));

    assertEquals(new CloseReceipt(20000, 7, 0xFFFF_FFFFL, Optional.of(AT_1030),
        Optional.of(new KzTail(795892912775L, false))), r);
    assertEquals(Optional.of("795892912775"), r.fiscalSign());
  }

  @Test
  void extendedCloseOfAnFnDeviceHasFs32AndMaybeNoDate() {
    byte[] data = answer(0xFF45, CLOSE).data();
    data[9] = 0x07; // FS32 = 0xFFFFFF07 is a usable sign below FFFFFFFF
    CloseReceipt withDate = CloseReceipt.decode(new Answer(0xFF45, 0, java.util.Arrays.copyOf(data, 18)));
    CloseReceipt bare = CloseReceipt.decode(new Answer(0xFF45, 0, java.util.Arrays.copyOf(data, 13)));

    assertEquals(Optional.of(AT_1030), withDate.dateTime());
    assertEquals(Optional.of("4294967047"), withDate.fiscalSign());
    assertEquals(Optional.empty(), bare.dateTime());
    assertEquals(Optional.empty(), bare.tail());
  }

  @Test
  void tailOfAnUnknownVersionIsIgnoredAndFs32FFFFFFFFMeansNoSign() {
    byte[] data = answer(0xFF45, CLOSE).data();
    data[19] = 0x02;

    CloseReceipt r = CloseReceipt.decode(new Answer(0xFF45, 0, data));

    assertEquals(Optional.empty(), r.tail());
    assertEquals(Optional.empty(), r.fiscalSign());
  }

  @Test
  void offlineFlagOfTheTail() {
    byte[] data = answer(0xFF45, CLOSE).data();
    data[28] = 0x01;

    assertTrue(CloseReceipt.decode(new Answer(0xFF45, 0, data)).tail().orElseThrow().offline());
  }

  @Test
  void deviceTypeOfTheEmulator() {
    DeviceType t = DeviceType.decode(answer(0xFC,
        "02 19 FC 00 00 00 01 03 01 00 56 49 52 54 55 41 4C 20 53 48 54 52 49 48 20 4B 5A AA"));

    assertEquals(new DeviceType(0, 0, 1, 3, 1, 0, "VIRTUAL SHTRIH KZ"), t);
  }

  @Test
  void storageStatusOfTheSpec() {
    StorageStatus s = StorageStatus.decode(answer(0xFF01, "02 21 FF 01 00 03 00 00 01 00 1A 01 0F 0A 1F 30 30 30"
        + " 30 30 30 30 30 31 32 33 34 35 36 37 38 07 00 00 00 D3"));

    assertEquals(new StorageStatus(3, 0, false, true, 0, LocalDateTime.of(2026, 1, 15, 10, 31), "0000000012345678",
        7), s);
    assertFalse(s.ofdOverdue());
  }

  @Test
  void storedCheckOfTheSpec() {
    StoredDocument d = StoredDocument.decode(answer(0xFF0A, "02 23 FF 0A 00 03 01 1A 01 0F 0A 1E 07 00 00 00 FF FF"
        + " FF FF 01 30 75 00 00 00 4B 01 87 12 EA 4E B9 00 00 00 00 55"));

    assertEquals(new StoredDocument(StoredDocument.Type.CHECK, true, AT_1030, 7, 0xFFFF_FFFFL, OptionalInt.of(1),
        OptionalLong.of(30000), OptionalInt.empty(), Optional.of(new KzTail(795892912775L, false))), d);
    assertEquals(Optional.of("795892912775"), d.fiscalSign());
  }

  @Test
  void storedShiftReportCarriesItsShiftNumber() {
    byte[] data = SpecBytes.hex("05 01 1A 01 0F 0A 1E 08 00 00 00 2A 00 00 00 04 00");

    StoredDocument d = StoredDocument.decode(new Answer(0xFF0A, 0, data));

    assertEquals(StoredDocument.Type.SHIFT_CLOSE, d.type());
    assertEquals(OptionalInt.of(4), d.shiftNumber());
    assertEquals(Optional.of("42"), d.fiscalSign());
  }

  @Test
  void notFoundAndOldFirmwareAnswersAreErrorAnswers() {
    assertEquals(new Answer(0xFF0A, 0x08, new byte[0]), answer(0xFF0A, "02 03 FF 0A 08 FE"));
    assertEquals(new Answer(0xFF0A, 0x37, new byte[0]), answer(0xFF0A, "02 02 FF 37 CA"));
  }

  @Test
  void answersShorterThanTheirMinimumAreMalformed() {
    assertMalformed(0x10, 13, () -> ShortStatus.decode(new Answer(0x10, 0, new byte[13])));
    assertMalformed(0x11, 45, () -> FullStatus.decode(new Answer(0x11, 0, new byte[45])));
    assertMalformed(0x80, 0, () -> Answers.operator(new Answer(0x80, 0, new byte[0])));
    assertMalformed(0x89, 5, () -> Answers.OperatorAmount.decode(new Answer(0x89, 0, new byte[5])));
    assertMalformed(0xFF45, 12, () -> CloseReceipt.decode(new Answer(0xFF45, 0, new byte[12])));
    assertMalformed(0xFC, 5, () -> DeviceType.decode(new Answer(0xFC, 0, new byte[5])));
    assertMalformed(0xFF01, 29, () -> StorageStatus.decode(new Answer(0xFF01, 0, new byte[29])));
    assertMalformed(0xFF0A, 14, () -> StoredDocument.decode(new Answer(0xFF0A, 0, new byte[14])));
  }

  @Test
  void checkWithoutItsTotalIsMalformed() {
    byte[] data = SpecBytes.hex("03 01 1A 01 0F 0A 1E 07 00 00 00 FF FF FF FF 01 30 75");

    MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
        () -> StoredDocument.decode(new Answer(0xFF0A, 0, data)));
    assertEquals("FF0A: a field of 5 bytes at offset 16 runs past the end of 18 bytes", e.getMessage());
  }

  @Test
  void impossibleDateIsMalformed() {
    byte[] data = answer(0xFF01, "02 21 FF 01 00 03 00 00 01 00 1A 0D 0F 0A 1F 30 30 30 30 30 30 30 30 31 32 33 34"
        + " 35 36 37 38 07 00 00 00 DF").data();

    assertThrows(MalformedAnswerException.class, () -> StorageStatus.decode(new Answer(0xFF01, 0, data)));
  }

  @Test
  void errorAnswersAreNotDecoded() {
    assertThrows(IllegalArgumentException.class, () -> ShortStatus.decode(new Answer(0x10, 0x4F, new byte[0])));
  }

  private static void assertMalformed(int command, int length, org.junit.jupiter.api.function.Executable decode) {
    MalformedAnswerException e = assertThrows(MalformedAnswerException.class, decode);
    assertEquals(command, e.command());
    assertTrue(e.getMessage().contains("answer data of " + length + " bytes"), e.getMessage());
  }
}
