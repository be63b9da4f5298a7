package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What the request side writes, the answer side reads back (docs/serial-shtrih.md §2.1 field types). */
class FieldRoundTripPropertyTest {
  @Property
  void unsignedIntegersRoundTripLittleEndian(@ForAll @LongRange(min = 0, max = 0xFF_FFFF_FFFFL) long value,
      @ForAll @IntRange(min = 5, max = 8) int size) {
    byte[] bytes = new DataWriter().unsigned(value, size, "v").toBytes();

    assertEquals(size, bytes.length);
    assertEquals(value & 0xFF, bytes[0] & 0xFF);
    assertEquals(value, reader(bytes).unsigned(size));
  }

  @Property
  void amountsRoundTripInFiveBytes(@ForAll @LongRange(min = 0, max = DataWriter.MAX_AMOUNT) long tiyn) {
    assertEquals(tiyn, reader(new DataWriter().money(tiyn, "m").toBytes()).u40());
  }

  @Property
  void fullSignsRoundTripAsUnsignedSixtyFourBits(@ForAll long sign) {
    assertEquals(sign, reader(new DataWriter().unsigned(sign, 8, "fs").toBytes()).unsigned(8));
  }

  @Property
  void dateTimesOfTheCenturyRoundTripToTheMinute(@ForAll @IntRange(min = 2000, max = 2099) int year,
      @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 1, max = 28) int day,
      @ForAll @IntRange(min = 0, max = 23) int hour, @ForAll @IntRange(min = 0, max = 59) int minute) {
    LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, 0);

    assertEquals(t, reader(new DataWriter().dateTime6(t).toBytes()).dateTime5());
  }

  private static DataReader reader(byte[] bytes) {
    return DataReader.of(new Answer(0x10, 0, bytes), bytes.length);
  }
}
