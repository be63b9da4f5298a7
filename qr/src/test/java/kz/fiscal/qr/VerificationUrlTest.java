package kz.fiscal.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import kz.fiscal.core.FiscalResult;
import kz.fiscal.core.KzTime;
import kz.fiscal.core.Ofd;
import kz.fiscal.core.Tenge;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class VerificationUrlTest {

  private static final OfdRegistry REGISTRY = OfdRegistry.defaults();

  @Test
  void kazakhtelecomUrlIsBuiltWithTwoDecimals() {
    assertEquals("https://consumer.oofd.kz?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005",
        VerificationUrl.of(Checks.result(1).build(), REGISTRY).text());
  }

  @Test
  void transtelecomUrlKeepsTheHostsPath() {
    assertEquals("https://ofd1.kz/t/?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005",
        VerificationUrl.of(Checks.result(2).build(), REGISTRY).text());
  }

  @Test
  void kofdUrlWritesTheShortSum() {
    assertEquals("https://consumer.kofd.kz?i=2644393108&f=010101012345&s=2508.0&t=20260302T143005",
        VerificationUrl.of(Checks.result(3).build(), REGISTRY).text());
  }

  @Test
  void wofdUrlIsBuiltWithTwoDecimals() {
    assertEquals("https://consumer.wofd.kz?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005",
        VerificationUrl.of(Checks.result(4).build(), REGISTRY).text());
  }

  @Test
  void testHostOfTheResultIsKeptWhenTheOperatorKnowsIt() {
    FiscalResult result = Checks.result(new Ofd("АО «Jusan Mobile» (KOFD)", 3, "dev.kofd.kz/consumer")).build();
    VerificationUrl url = VerificationUrl.of(result, REGISTRY);
    assertEquals("https://dev.kofd.kz/consumer?i=2644393108&f=010101012345&s=2508.0&t=20260302T143005", url.text());
    assertEquals("dev.kofd.kz/consumer", url.host());
  }

  @Test
  void unknownHostOfAKnownCodeFallsBackToTheOperatorsMainHost() {
    FiscalResult result = Checks.result(new Ofd("Казахтелеком", 1, "old.oofd.kz")).build();
    assertEquals("https://consumer.oofd.kz?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005",
        VerificationUrl.of(result, REGISTRY).text());
  }

  @Test
  void timeIsWrittenAtPlusFiveWhateverTheResultsOffsetAndWithoutFractions() {
    OffsetDateTime utc = OffsetDateTime.of(2026, 3, 2, 9, 30, 5, 999_000_000, ZoneOffset.UTC);
    VerificationUrl url = VerificationUrl.of(Checks.result(1).dateTime(utc).build(), REGISTRY);
    assertEquals("https://consumer.oofd.kz?i=2644393108&f=010101012345&s=2508.00&t=20260302T143005", url.text());
    assertEquals(Checks.TIME, url.dateTime());
  }

  @Test
  void providersUrlIsTakenVerbatim() {
    String provider = "http://dev.kofd.kz/consumer?i=2644393108&f=010101012345&s=2508.0&t=20260302T143005";
    VerificationUrl url = VerificationUrl.of(Checks.result(3).verificationUrl(provider).build(), REGISTRY);
    assertEquals(provider, url.text());
    assertEquals(new VerificationUrl("2644393108", "010101012345", Tenge.of("2508.00"), Checks.TIME,
        "consumer.kofd.kz", provider), url);
  }

  @Test
  void providersOwnReceiptUrlIsTakenEvenWhenItIsNoStandardUrl() {
    String kaspi = "https://receipt.kaspi.kz/r/AbC123";
    FiscalResult result = Checks.result(new Ofd("АО «Kaspi Bank»", 0, "receipt.kaspi.kz")).verificationUrl(kaspi).build();
    assertEquals(kaspi, VerificationUrl.of(result, OfdRegistry.empty()).text());
  }

  @Test
  void operatorMissingFromTheRegistryIsAnErrorNamingIt() {
    FiscalResult result = Checks.result(new Ofd("ТОО «Свой ОФД»", 7, "check.own.kz")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerificationUrl.of(result, REGISTRY));
    assertEquals("OFD 'ТОО «Свой ОФД»' (code 7, host check.own.kz) is not in the registry: add it with OfdRegistry.with",
        e.getMessage());
  }

  @Test
  void resultWithoutFiscalSignHasNoUrl() {
    FiscalResult result = Checks.result(1).fiscalSign(null).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> VerificationUrl.of(result, REGISTRY));
    assertEquals("Check 17 of shift 3 has no known fiscal sign", e.getMessage());
  }

  @Test
  void userTemplateIsExpandedAndItsExtraParametersIgnoredByParse() {
    OfdRegistry registry = OfdRegistry.empty().with(new OfdRegistry.Operator(new Ofd("Свой", 7, "check.own.kz"),
        "https://check.own.kz/verify?lang=ru&f={f}&i={i}&s={s}&t={t}", OfdRegistry.SumFormat.SHORT, java.util.List.of()));
    VerificationUrl url = VerificationUrl.of(Checks.result(new Ofd("Свой", 7, "check.own.kz")).build(), registry);
    assertEquals("https://check.own.kz/verify?lang=ru&f=010101012345&i=2644393108&s=2508.0&t=20260302T143005", url.text());
    assertEquals("check.own.kz/verify", url.host());
  }

  @Test
  void parseReadsEveryFieldOfATwoDecimalUrl() {
    VerificationUrl url = VerificationUrl.parse("https://consumer.oofd.kz?i=123456&f=010101012345&s=500.00&t=20260101T000000");
    assertEquals("123456", url.fiscalSign());
    assertEquals("010101012345", url.rnm());
    assertEquals(Tenge.of("500.00"), url.total());
    assertEquals(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, KzTime.OFFSET), url.dateTime());
    assertEquals("consumer.oofd.kz", url.host());
  }

  @Test
  void parseAcceptsShortAndWholeSumsOverHttp() {
    assertEquals(Tenge.of("2508.00"),
        VerificationUrl.parse("http://dev.kofd.kz/consumer?i=1&f=2&s=2508.0&t=20210611T112418").total());
    assertEquals(Tenge.of("2508.00"),
        VerificationUrl.parse("HTTP://dev.kofd.kz/consumer?t=20210611T112418&s=2508&f=2&i=1").total());
    assertEquals("ofd1.kz/t/", VerificationUrl.parse("https://ofd1.kz/t/?i=1&f=2&s=0.5&t=20210611T112418#top").host());
  }

  @Test
  void missingFiscalSignIsNamed() {
    assertInvalid("i", "Verification URL lacks parameter 'i' (fiscal sign)",
        "https://consumer.oofd.kz?f=010101012345&s=500.00&t=20260101T000000");
  }

  @Test
  void nonDigitFiscalSignIsNamed() {
    assertInvalid("i", "Verification URL parameter 'i' (fiscal sign) must be decimal digits, was '12a4'",
        "https://consumer.oofd.kz?i=12a4&f=010101012345&s=500.00&t=20260101T000000");
  }

  @Test
  void nonDigitRnmIsNamed() {
    assertInvalid("f", "Verification URL parameter 'f' (RNM) must be decimal digits, was ''",
        "https://consumer.oofd.kz?i=1&f=&s=500.00&t=20260101T000000");
  }

  @Test
  void sumWithACommaIsNamed() {
    assertInvalid("s",
        "Verification URL parameter 's' (total) must be a decimal amount such as 500.00, 2508.0 or 2508, was '500,00'",
        "https://consumer.oofd.kz?i=1&f=2&s=500,00&t=20260101T000000");
  }

  @Test
  void timeInAnotherShapeIsNamed() {
    assertInvalid("t", "Verification URL parameter 't' (date-time) must be yyyyMMdd'T'HHmmss, was '2026-01-01T00:00'",
        "https://consumer.oofd.kz?i=1&f=2&s=1.00&t=2026-01-01T00:00");
  }

  @Test
  void impossibleDateIsNamed() {
    InvalidVerificationUrlException e = assertThrows(InvalidVerificationUrlException.class,
        () -> VerificationUrl.parse("https://consumer.oofd.kz?i=1&f=2&s=1.00&t=20260230T000000"));
    assertEquals("t", e.parameter());
  }

  @Test
  void repeatedParameterIsNamed() {
    assertInvalid("i", "Verification URL parameter 'i' appears twice",
        "https://consumer.oofd.kz?i=1&i=2&f=2&s=1.00&t=20260101T000000");
  }

  @Test
  void otherSchemeIsRejected() {
    assertInvalid("scheme", "Verification URL must start with http:// or https://",
        "ftp://consumer.oofd.kz?i=1&f=2&s=1.00&t=20260101T000000");
  }

  @Test
  void urlWithoutQueryIsRejected() {
    assertInvalid("query", "Verification URL has no query (?i=…&f=…&s=…&t=…)", "https://consumer.oofd.kz/");
  }

  @Test
  void emptyHostIsRejected() {
    assertInvalid("host", "Verification URL host must be non-empty without spaces, was ''",
        "https://?i=1&f=2&s=1.00&t=20260101T000000");
  }

  @Property(tries = 500)
  void parseOfABuiltUrlGivesTheSameUrl(
      @ForAll @IntRange(min = 1, max = 4) int code,
      @ForAll @NumericChars @StringLength(min = 1, max = 20) String fiscalSign,
      @ForAll @NumericChars @StringLength(min = 12, max = 12) String rnm,
      @ForAll @LongRange(max = 99_999_999_999L) long tiyn,
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond,
      @ForAll @IntRange(max = 999_999_999) int nanos) {
    OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), ZoneOffset.UTC);
    FiscalResult result = Checks.result(code).fiscalSign(fiscalSign).rnm(rnm).total(Tenge.ofTiyn(tiyn))
        .dateTime(time).build();
    VerificationUrl built = VerificationUrl.of(result, REGISTRY);
    assertEquals(built, VerificationUrl.parse(built.text()));
    assertEquals(fiscalSign, built.fiscalSign());
    assertEquals(rnm, built.rnm());
    assertEquals(Tenge.ofTiyn(tiyn), built.total());
    assertEquals(time.toEpochSecond(), built.dateTime().toEpochSecond());
  }

  private static void assertInvalid(String parameter, String problem, String url) {
    InvalidVerificationUrlException e = assertThrows(InvalidVerificationUrlException.class,
        () -> VerificationUrl.parse(url));
    assertEquals(parameter, e.parameter());
    assertEquals(problem + ": " + url, e.getMessage());
  }
}
