package kz.fiscal.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Tenge;
import org.junit.jupiter.api.Test;

class OfdRegistryTest {

  @Test
  void defaultsHoldTheFourOperatorsOfTheRulesWithTheirCodesAndHosts() {
    List<OfdRegistry.Operator> operators = OfdRegistry.defaults().operators();
    assertEquals(4, operators.size());
    assertEquals(new Ofd("АО «Казахтелеком»", 1, "consumer.oofd.kz"), operators.get(0).ofd());
    assertEquals(List.of("consumer.oofd.kz", "dev.consumer.oofd.kz"), operators.get(0).hosts());
    assertEquals(new Ofd("АО «Транстелеком»", 2, "ofd1.kz/t/"), operators.get(1).ofd());
    assertEquals(List.of("ofd1.kz/t/"), operators.get(1).hosts());
    assertEquals(new Ofd("АО «Jusan Mobile» (KOFD)", 3, "consumer.kofd.kz"), operators.get(2).ofd());
    assertEquals(List.of("consumer.kofd.kz", "dev.kofd.kz/consumer"), operators.get(2).hosts());
    assertEquals(new Ofd("ТОО «Smartcontract» (WOFD)", 4, "consumer.wofd.kz"), operators.get(3).ofd());
    assertEquals(List.of("consumer.wofd.kz", "cabinet.wofd.kz/consumer"), operators.get(3).hosts());
  }

  @Test
  void lookupByCodeFindsTheOperatorAndCodeZeroFindsNone() {
    assertEquals(2, OfdRegistry.defaults().byCode(2).orElseThrow().ofd().code());
    assertEquals(Optional.empty(), OfdRegistry.defaults().byCode(0));
    assertEquals(Optional.empty(), OfdRegistry.defaults().byCode(9));
  }

  @Test
  void lookupByHostIgnoresSchemeCaseAndTrailingSlashes() {
    OfdRegistry registry = OfdRegistry.defaults();
    assertEquals(2, registry.byHost("ofd1.kz/t").orElseThrow().ofd().code());
    assertEquals(2, registry.byHost("https://OFD1.kz/t/").orElseThrow().ofd().code());
    assertEquals(3, registry.byHost("http://dev.kofd.kz/consumer/").orElseThrow().ofd().code());
    assertEquals(4, registry.byHost("cabinet.wofd.kz/consumer").orElseThrow().ofd().code());
    assertEquals(Optional.empty(), registry.byHost("ofd1.kz"));
  }

  @Test
  void findPrefersTheCodeAndFallsBackToTheHost() {
    OfdRegistry registry = OfdRegistry.defaults();
    assertEquals(1, registry.find(new Ofd("Казахтелеком", 1, "elsewhere.kz")).orElseThrow().ofd().code());
    assertEquals(4, registry.find(new Ofd("WOFD", 0, "consumer.wofd.kz")).orElseThrow().ofd().code());
    assertEquals(Optional.empty(), registry.find(new Ofd("Kaspi", 0, "receipt.kaspi.kz")));
  }

  @Test
  void userAddsAnOperatorWithItsOwnTemplateWithoutChangingTheDefaults() {
    OfdRegistry.Operator own = new OfdRegistry.Operator(new Ofd("ТОО «Свой ОФД»", 7, "check.own.kz"),
        "https://check.own.kz/verify?f={f}&i={i}&s={s}&t={t}&lang=ru", OfdRegistry.SumFormat.SHORT, List.of());
    OfdRegistry registry = OfdRegistry.defaults().with(own);
    assertEquals(5, registry.operators().size());
    assertEquals(own, registry.byCode(7).orElseThrow());
    assertEquals(own, registry.byHost("check.own.kz").orElseThrow());
    assertEquals(4, OfdRegistry.defaults().operators().size());
  }

  @Test
  void operatorWithTheSameCodeReplacesTheKnownOne() {
    OfdRegistry.Operator moved = OfdRegistry.Operator.standard(new Ofd("АО «Транстелеком»", 2, "check.ofd1.kz"));
    OfdRegistry registry = OfdRegistry.defaults().with(moved);
    assertEquals(4, registry.operators().size());
    assertEquals(moved, registry.byCode(2).orElseThrow());
    assertEquals(Optional.empty(), registry.byHost("ofd1.kz/t/"));
  }

  @Test
  void templateWithoutAParameterIsRejectedNamingThePlaceholder() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OfdRegistry.Operator(
        new Ofd("X", 9, "x.kz"), "https://x.kz?i={i}&f={f}&s={s}", OfdRegistry.SumFormat.TWO_DECIMALS, List.of()));
    assertEquals("URL template lacks the placeholder {t}: 'https://x.kz?i={i}&f={f}&s={s}'", e.getMessage());
  }

  @Test
  void templateWithoutHttpSchemeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OfdRegistry.Operator(
        new Ofd("X", 9, "x.kz"), "x.kz?i={i}&f={f}&s={s}&t={t}", OfdRegistry.SumFormat.TWO_DECIMALS, List.of()));
    assertEquals("URL template must start with http:// or https://, was 'x.kz?i={i}&f={f}&s={s}&t={t}'", e.getMessage());
  }

  @Test
  void sumFormatsWriteTwoDecimalsOrTheShortForm() {
    assertEquals("500.00", OfdRegistry.SumFormat.TWO_DECIMALS.format(Tenge.of("500")));
    assertEquals("2508.0", OfdRegistry.SumFormat.SHORT.format(Tenge.of("2508.00")));
    assertEquals("2508.5", OfdRegistry.SumFormat.SHORT.format(Tenge.of("2508.50")));
    assertEquals("2508.55", OfdRegistry.SumFormat.SHORT.format(Tenge.of("2508.55")));
    assertEquals("0.0", OfdRegistry.SumFormat.SHORT.format(Tenge.ZERO));
    assertEquals("2500.0", OfdRegistry.SumFormat.SHORT.format(Tenge.of("2500")));
  }
}
