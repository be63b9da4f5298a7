package kz.fiscal.cloud.webkassa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import kz.fiscal.core.RegisterId;
import kz.fiscal.core.spi.RegisterLock;
import java.util.Optional;
import kz.fiscal.core.Receipt.ReceiptFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebkassaDriverBuilderTest {

  private static WebkassaDriver.Builder complete() {
    return WebkassaDriver.builder().baseUrl("https://devkkm.webkassa.kz").apiKey("key-123").login("cashier")
        .password("pw-secret").cashbox("SWK00033717");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://kkm.webkassa.kz", "http://10.0.0.5:8080"})
  void plainHttpToAnyHostButLoopbackIsRefused(String url) {
    var e = assertThrows(IllegalArgumentException.class, () -> complete().baseUrl(url));
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:9000/", "https://kkm.webkassa.kz"})
  void httpsAndLoopbackAreAccepted(String url) {
    try (WebkassaDriver driver = complete().baseUrl(url).build()) {
      assertEquals(kz.fiscal.core.RegisterId.of("webkassa", "SWK00033717"), driver.info().registerId());
    }
  }

  @Test
  void somethingThatIsNotAUrlIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> complete().baseUrl("kkm.webkassa.kz"));
  }

  @Test
  void eachRequiredSettingIsNamedWhenMissing() {
    var e = assertThrows(IllegalStateException.class,
        () -> WebkassaDriver.builder().baseUrl("https://kkm.webkassa.kz").apiKey("k").login("l").password("p").build());
    assertEquals("WebkassaDriver needs cashbox", e.getMessage());
  }

  @Test
  void blankCredentialsNonPositiveTimeoutsAndNoTokenStoreAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> complete().password(" "));
    assertThrows(IllegalArgumentException.class, () -> complete().readTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> complete().callTimeout(Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> complete().tokenStore(null));
  }

  @Test
  void aRegisterLockWhoseLeaseIsUnderThreeCallTimeoutsIsRefused() {
    RegisterLock twoMinutes = new RegisterLock() {
      @Override
      public Held acquire(RegisterId register, Instant deadline) {
        throw new AssertionError("never acquired by the builder");
      }

      @Override
      public Duration lease() {
        return Duration.ofMinutes(2);
      }
    };
    var e = assertThrows(IllegalStateException.class, () -> complete().registerLock(twoMinutes).build());
    assertEquals("The register lock's lease PT2M is shorter than three call timeouts (PT3M)", e.getMessage());
    complete().registerLock(twoMinutes).callTimeout(Duration.ofSeconds(40)).build().close();
    assertThrows(NullPointerException.class, () -> complete().registerLock(null));
  }

  @Test
  void toStringNamesTheRegisterButNoSecret() {
    try (WebkassaDriver driver = complete().build()) {
      String text = driver.toString();
      assertTrue(text.contains("SWK00033717"), text);
      assertFalse(text.contains("key-123") || text.contains("pw-secret") || text.contains("cashier"), text);
    }
  }

  @Test
  void infoCarriesEverythingButAgentSalesAndKnowsNoRnmBeforeTheFirstCheck() {
    try (WebkassaDriver driver = complete().build()) {
      assertEquals("webkassa", driver.info().name());
      assertEquals(Optional.empty(), driver.info().rnm());
      assertFalse(driver.info().supports(ReceiptFeature.PRINCIPAL));
      for (ReceiptFeature feature : ReceiptFeature.values()) {
        assertEquals(feature != ReceiptFeature.PRINCIPAL, driver.info().supports(feature), feature.name());
      }
    }
  }
}
