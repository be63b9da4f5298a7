package kz.fiscal.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import kz.fiscal.core.IdempotencyKey;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {
  private static final IdempotencyKey ORDER = IdempotencyKey.of("order-1");
  private final Acknowledgements acknowledgements = new Acknowledgements();

  @Test
  void readsAckLinesAndIgnoresEverythingElse() {
    int acks = acknowledgements.read(List.of("ready", "ack order-1 123456", "ack order-2 -", "ack broken", "done"));

    assertEquals(2, acks);
    assertEquals(Optional.of("123456"), acknowledgements.fiscalSign(ORDER));
    assertTrue(acknowledgements.acknowledged(IdempotencyKey.of("order-2")));
    assertEquals(Optional.empty(), acknowledgements.fiscalSign(IdempotencyKey.of("order-2")));
    assertFalse(acknowledgements.acknowledged(IdempotencyKey.of("order-3")));
    assertEquals(List.of(), acknowledgements.conflicts());
  }

  @Test
  void aKeyAcknowledgedAgainWithTheSameSignIsNoConflictButWithAnotherItIs() {
    acknowledgements.read(List.of("ack order-1 111"));
    acknowledgements.read(List.of("ack order-1 111", "ack order-1 222"));

    assertEquals(List.of("order-1 was acknowledged with fiscal sign 111, now with 222"), acknowledgements.conflicts());
    assertEquals(Optional.of("111"), acknowledgements.fiscalSign(ORDER));
  }
}
