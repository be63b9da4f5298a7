package kz.fiscal.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import kz.fiscal.serial.internal.Requests.LineRequest;
import kz.fiscal.serial.internal.Requests.ReturnBasisRequest;
import kz.fiscal.testkit.RegistrarDocument;
import kz.fiscal.testkit.VirtualRegistrar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host's command codecs against the testkit's VirtualRegistrar, whose codecs were written apart:
 * what the host encodes, the registrar reads; what the registrar answers, the host decodes.
 */
class CommandCodecRegistrarTest {
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-01-15T10:30:00+05:00");
  private static final long CASHIER = 1;
  private static final long ADMIN = 30;

  private final RegistrarLine line = new RegistrarLine(Links.FAST,
      VirtualRegistrar.builder().clock(Clock.fixed(AT.toInstant(), AT.getOffset())));

  @AfterEach
  void close() {
    line.close();
  }

  private Answer send(Frame request) {
    LinkOutcome outcome = line.host.transact(request);
    return outcome.answer().orElseThrow(() -> new AssertionError(outcome.toString()));
  }

  @Test
  void saleFromShiftOpenToFindDocumentDecodesWhatTheRegistrarStored() {
    assertEquals(OptionalInt.of(1), Answers.openShift(send(Requests.openShift(CASHIER))));
    assertEquals(1, Answers.operator(send(Requests.registerLine(Command.SALE, CASHIER,
        new LineRequest(2500, 12000, 1, 1, "Қымыз")))));
    assertEquals(new Answers.OperatorAmount(1, 30000), Answers.OperatorAmount.decode(send(Requests.subtotal(CASHIER))));
    ShortStatus status = ShortStatus.decode(send(Requests.shortStatus(CASHIER)));
    assertTrue(status.mode().checkOpen());
    assertEquals(1, status.operations());

    CloseReceipt receipt = CloseReceipt.decode(send(Requests.closeCheckExtended(ADMIN, new long[] {20000, 15000}, 0,
        0x01, "Рахмет")));

    RegistrarDocument stored = line.registrar.documents().get(2);
    assertEquals(new CloseReceipt(5000, 3, stored.fs32(), Optional.of(LocalDateTime.of(2026, 1, 15, 10, 30)),
        Optional.of(new KzTail(stored.fiscalSign(), false))), receipt);
    assertEquals("Кымыз", stored.lines().get(0).text());
    StorageStatus storage = StorageStatus.decode(send(Requests.storageStatus(ADMIN)));
    assertEquals(3, storage.lastFd());
    StoredDocument found = StoredDocument.decode(send(Requests.findDocument(ADMIN, 3)));
    assertEquals(new StoredDocument(StoredDocument.Type.CHECK, true, LocalDateTime.of(2026, 1, 15, 10, 30), 3,
        stored.fs32(), OptionalInt.of(1), OptionalLong.of(30000), OptionalInt.empty(), receipt.tail()), found);
    assertEquals(receipt.fiscalSign(), found.fiscalSign());
  }

  @Test
  void returnWithBasisAndStatusReadsDecode() {
    send(Requests.openShift(CASHIER));
    send(Requests.registerLine(Command.SALE_RETURN, CASHIER, new LineRequest(1000, 15000, 1, 2, "Товар")));
    ReturnBasisRequest basis = new ReturnBasisRequest(321520655220L, LocalDateTime.of(2025, 9, 10, 6, 22, 21),
        "010100012345", 30000, false);
    assertTrue(send(Requests.returnBasis(ADMIN, basis)).ok());
    assertEquals(new Answers.OperatorAmount(1, 0), Answers.OperatorAmount.decode(
        send(Requests.closeCheck(CASHIER, new long[] {15000}, ""))));

    FullStatus full = FullStatus.decode(send(Requests.fullStatus(CASHIER)));
    assertEquals(OptionalLong.of(12345678), full.serial());
    assertEquals(OptionalLong.of(150740001357L), full.bin());
    assertEquals(Mode.SHIFT_OPEN, full.mode().mode());
    assertEquals(3, full.docRunning());
    assertEquals(new RegistrarDocument.ReturnBasis(basis.fiscalSign(), basis.dateTime(), basis.rnm(), 30000, false),
        line.registrar.documents().get(2).returnBasis().orElseThrow());
    assertEquals(new DeviceType(0, 0, 1, 3, 1, 0, "VIRTUAL SHTRIH KZ"), DeviceType.decode(send(Requests.deviceType())));
  }

  @Test
  void registrarErrorsClassifyAsTheSpecSays() {
    Answer sale = send(Requests.registerLine(Command.SALE, CASHIER, new LineRequest(1000, 100, 1, 1, "x")));
    assertEquals(new ErrorVerdict(ErrorClass.REJECTED, Remedy.OPEN_SHIFT), ErrorClassifier.classify(Command.SALE,
        sale.error()));
    Answer close = send(Requests.closeCheckExtended(ADMIN, new long[] {100}, 0, 0x01, ""));
    assertEquals(new ErrorVerdict(ErrorClass.UNKNOWN, Remedy.RECONCILE),
        ErrorClassifier.classify(Command.CLOSE_CHECK_EXTENDED, close.error()));
    Answer missing = send(Requests.findDocument(ADMIN, 9));
    assertEquals(new ErrorVerdict(ErrorClass.OK, Remedy.DOCUMENT_NOT_FOUND),
        ErrorClassifier.classify(Command.FIND_DOCUMENT, missing.error()));
    line.registrar.fnCommandsUnsupported(true);
    Answer old = send(Requests.storageStatus(ADMIN));
    assertEquals(new ErrorVerdict(ErrorClass.REJECTED, Remedy.DETECT_FEATURES),
        ErrorClassifier.classify(Command.STORAGE_STATUS, old.error()));
  }
}
