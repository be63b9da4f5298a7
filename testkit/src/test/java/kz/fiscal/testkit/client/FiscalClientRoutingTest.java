package kz.fiscal.testkit.client;

import static kz.fiscal.testkit.client.ClientFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.fiscal.core.FiscalClient;
import kz.fiscal.core.FiscalException;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.IdempotencyKey;
import kz.fiscal.core.InvalidReceiptException;
import kz.fiscal.core.Item;
import kz.fiscal.core.PaymentType;
import kz.fiscal.core.Receipt;
import kz.fiscal.core.Receipt.ReceiptFeature;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.RegisterRouter;
import kz.fiscal.core.Seller;
import kz.fiscal.core.VatRate;
import kz.fiscal.core.Violation;
import kz.fiscal.core.Violation.ViolationCode;
import kz.fiscal.core.Xin;
import kz.fiscal.core.journal.InMemoryReceiptJournal;
import kz.fiscal.testkit.RecordingFiscalDriver;
import org.junit.jupiter.api.Test;

/**
 * One client over several registers: each new receipt goes where the router (or the caller) says, a
 * marketplace's merchants each fiscalize on their own register, and a receipt no register takes is
 * refused before anything is journaled.
 */
class FiscalClientRoutingTest {
  private static final Seller TEA = seller("ТОО «Чай»", "150740001357");
  private static final Seller BOOKS = seller("ТОО «Книги»", "181040037076");
  private static final Seller SHOES = seller("ТОО «Обувь»", "131240010479");
  private static final Seller NO_REGISTER = seller("ТОО «Без кассы»", "190640001115");

  private final TestClock clock = new TestClock(Instant.parse("2026-05-20T05:15:00Z"));
  private final InMemoryReceiptJournal journal = new InMemoryReceiptJournal(clock);

  private static Seller seller(String name, String bin) {
    return Seller.vatPayer(name, Xin.parse(bin), "г. Алматы, ул. Рыночная, 1");
  }

  private RecordingFiscalDriver register(String number) {
    return RecordingFiscalDriver.builder().number(number).clock(clock).build();
  }

  private static RegisterId id(RecordingFiscalDriver driver) {
    return driver.info().registerId();
  }

  private static Receipt sale(Seller seller, String price) {
    return Receipt.sale(seller)
        .item(Item.builder("Товар").quantity("1").unitPrice(price).vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, price)
        .build();
  }

  private FiscalClient.Builder client(List<RecordingFiscalDriver> drivers) {
    return FiscalClient.builder().drivers(drivers).journal(journal).clock(clock).nodeId("routing-node");
  }

  @Test
  void eachMerchantsChecksLandAtItsOwnRegisterAndAReturnAtItsSellersRegisterWithTheBasis() throws FiscalException {
    RecordingFiscalDriver tea = register("TEA-1");
    RecordingFiscalDriver books = register("BOOKS-1");
    RecordingFiscalDriver shoes = register("SHOES-1");
    FiscalClient client = client(List.of(tea, books, shoes)).router(RegisterRouter.bySeller(Map.of(
        TEA.xin(), List.of(id(tea)), BOOKS.xin(), List.of(id(books)), SHOES.xin(), List.of(id(shoes))))).build();

    client.fiscalize(key("tea-1"), sale(TEA, "100.00"));
    FiscalResult book = client.fiscalize(key("books-1"), sale(BOOKS, "200.00"));
    client.fiscalize(key("shoes-1"), sale(SHOES, "300.00"));
    Receipt bookReturn = Receipt.saleReturn(BOOKS, book.toReturnBasis())
        .item(Item.builder("Товар").quantity("1").unitPrice("200.00").vat(VatRate.SIXTEEN).build())
        .payment(PaymentType.CARD, "200.00")
        .build();
    client.fiscalize(key("books-1-return"), bookReturn);

    assertEquals(List.of(key("tea-1")), keys(tea));
    assertEquals(List.of(key("books-1"), key("books-1-return")), keys(books));
    assertEquals(List.of(key("shoes-1")), keys(shoes));
    assertEquals(Optional.of(book.toReturnBasis()), books.ledger().get(1).receipt().returnBasis());
    assertEquals(Optional.of(id(books)), client.status(key("books-1-return")).orElseThrow().register());
    assertEquals(Optional.of(id(books)), book.register());
  }

  @Test
  void aSellerWithoutARegisterIsRefusedBeforeAnythingIsJournaled() {
    RecordingFiscalDriver tea = register("TEA-1");
    RecordingFiscalDriver books = register("BOOKS-1");
    FiscalClient client = client(List.of(tea, books)).router(RegisterRouter.bySeller(Map.of(
        TEA.xin(), List.of(id(tea)), BOOKS.xin(), List.of(id(books))))).build();

    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> client.fiscalize(key("stranger"), sale(NO_REGISTER, "100.00")));

    assertEquals(List.of(ViolationCode.NO_REGISTER), codes(e));
    assertEquals("seller.xin", e.violations().get(0).path());
    assertTrue(journal.find(key("stranger")).isEmpty());
    assertEquals(0, tea.registerCalls() + books.registerCalls());
  }

  @Test
  void aBusyRegisterIsPassedOverForTheLeastBusyOneOfThePool() throws Exception {
    RecordingFiscalDriver first = register("POOL-1");
    RecordingFiscalDriver second = register("POOL-2");
    HeldRegister slowFirst = new HeldRegister(first);
    FiscalClient client = FiscalClient.builder().drivers(List.of(slowFirst, second)).router(RegisterRouter.leastBusy())
        .journal(journal).clock(clock).build();

    CompletableFuture<FiscalResult> busy = client.submit(key("order-1"), sale(TEA, "100.00"));
    assertTrue(slowFirst.awaitInside());
    client.fiscalize(key("order-2"), sale(TEA, "200.00"));
    slowFirst.release();
    busy.get(10, TimeUnit.SECONDS);

    assertEquals(List.of(key("order-1")), keys(first));
    assertEquals(List.of(key("order-2")), keys(second));
  }

  @Test
  void theCallerMayNameTheRegisterAndAnUnknownOneIsRefusedBeforeJournaling() throws FiscalException {
    RecordingFiscalDriver first = register("POOL-1");
    RecordingFiscalDriver second = register("POOL-2");
    FiscalClient client = client(List.of(first, second)).router(RegisterRouter.leastBusy()).build();

    client.fiscalize(key("named"), sale(TEA, "100.00"), id(second));
    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> client.fiscalize(key("nowhere"), sale(TEA, "100.00"), RegisterId.of("recording", "ELSEWHERE")));

    assertEquals(List.of(key("named")), keys(second));
    assertEquals(List.of(), keys(first));
    assertEquals(List.of(ViolationCode.NO_REGISTER), codes(e));
    assertTrue(journal.find(key("nowhere")).isEmpty());
  }

  @Test
  void aReceiptGoesToARegisterThatCanCarryItAndOneNoneCanCarryIsRefused() throws FiscalException {
    RecordingFiscalDriver plain = RecordingFiscalDriver.builder().number("PLAIN").clock(clock)
        .capabilities(EnumSet.complementOf(EnumSet.of(ReceiptFeature.MARKING_CODE, ReceiptFeature.MARKING_CODE_LIST, ReceiptFeature.PRINCIPAL))).build();
    RecordingFiscalDriver marking = RecordingFiscalDriver.builder().number("MARKING").clock(clock)
        .capabilities(EnumSet.complementOf(EnumSet.of(ReceiptFeature.PRINCIPAL))).build();
    FiscalClient client = client(List.of(plain, marking)).router(RegisterRouter.leastBusy()).build();
    Receipt marked = Receipt.sale(TEA)
        .item(Item.builder("Обувь").quantity("1").unitPrice("100.00").vat(VatRate.SIXTEEN)
            .markingCodes(List.of("010460406000600021N4N57RSCBUZTQ")).build())
        .payment(PaymentType.CARD, "100.00")
        .build();
    Receipt agentSale = Receipt.sale(TEA)
        .item(Item.builder("Билет").quantity("1").unitPrice("100.00").vat(VatRate.SIXTEEN)
            .principal(new kz.fiscal.core.Item.Principal("ТОО «Театр»", Xin.parse("181040037076"))).build())
        .payment(PaymentType.CARD, "100.00")
        .build();

    client.fiscalize(key("marked"), marked);
    InvalidReceiptException e = assertThrows(InvalidReceiptException.class,
        () -> client.fiscalize(key("agent"), agentSale));

    assertEquals(List.of(key("marked")), keys(marking));
    assertEquals(List.of(ViolationCode.UNSUPPORTED_BY_DRIVER), codes(e));
    assertTrue(journal.find(key("agent")).isEmpty());
  }

  @Test
  void severalRegistersNeedARouterAndTwoDriversOfOneRegisterAreRefused() {
    RecordingFiscalDriver first = register("POOL-1");

    assertThrows(IllegalStateException.class, () -> client(List.of(first, register("POOL-2"))).build());
    assertThrows(IllegalArgumentException.class,
        () -> client(List.of(first, register("POOL-1"))).router(RegisterRouter.leastBusy()).build());
  }

  private static List<IdempotencyKey> keys(RecordingFiscalDriver driver) {
    return driver.ledger().stream().map(RecordingFiscalDriver.Applied::key).toList();
  }

  private static List<ViolationCode> codes(InvalidReceiptException e) {
    return e.violations().stream().map(Violation::code).toList();
  }
}
