package kz.fiscal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InMemoryLinkPairTest {
  private final InMemoryLinkPair pair = InMemoryLinkPair.open();

  @Test
  void bytesTheHostWritesReachTheDeviceInOrder() throws IOException {
    pair.host().write(new byte[] {5, 2, 3});

    assertArrayEquals(new byte[] {5, 2, 3}, pair.deviceInput().readNBytes(3));
  }

  @Test
  void readAfterItsDeadlineStillReturnsWhatHasArrived() throws IOException {
    pair.deviceOutput().write(new byte[] {6, 2, 16});
    byte[] buffer = new byte[8];

    int n = pair.host().read(buffer, Instant.EPOCH);

    assertEquals(3, n);
    assertArrayEquals(new byte[] {6, 2, 16}, Arrays.copyOf(buffer, n));
  }

  @Test
  void readOfASilentLineReturnsNothingOnceItsDeadlinePassed() throws IOException {
    assertEquals(0, pair.host().read(new byte[8], Instant.now().plusMillis(5)));
  }

  @Test
  void unpluggedLineFailsTheHostAndEndsTheDevicesInput() throws IOException {
    pair.host().close();

    assertThrows(IOException.class, () -> pair.host().write(new byte[] {5}));
    assertThrows(IOException.class, () -> pair.host().read(new byte[1], Instant.EPOCH));
    assertThrows(IOException.class, () -> pair.deviceOutput().write(6));
    assertEquals(-1, pair.deviceInput().read());
  }
}
