package kz.fiscal.core;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A check the register fiscalized: what the buyer's e-check, the QR code and a later return need.
 *
 * <p>The fiscal sign is absent only when a device closed the check but could not report it; then
 * {@link #needsAttention()} is true and a person must read it off the device. The date-time is kept
 * at +05:00. Immutable; build with {@link #builder()}.
 *
 * @param fiscalSign the fiscal sign, decimal digits
 * @param checkNumber the check's sequence number in its shift
 * @param shiftNumber the shift number
 * @param rnm the register's registration number at the tax authority
 * @param registerSerial the register's serial number (ZNM; Webkassa {@code IdentityNumber}) when known
 * @param dateTime when the check was issued, at +05:00
 * @param total the check's total
 * @param offline whether the check was made offline (it must carry the offline mark)
 * @param ofd the fiscal data operator
 * @param verificationUrl the provider's verification URL (the QR payload), when it gave one
 * @param providerReference the provider's own id of the check, when it has one
 * @param register the register that issued the check, when known ({@code FiscalClient} names it)
 */
public record FiscalResult(
    Optional<String> fiscalSign,
    long checkNumber,
    long shiftNumber,
    String rnm,
    Optional<String> registerSerial,
    OffsetDateTime dateTime,
    Tenge total,
    boolean offline,
    Ofd ofd,
    Optional<String> verificationUrl,
    Optional<String> providerReference,
    Optional<RegisterId> register) {

  /** @throws IllegalArgumentException if the fiscal sign is not decimal digits or a number is negative */
  public FiscalResult {
    Objects.requireNonNull(fiscalSign, "fiscalSign");
    Objects.requireNonNull(rnm, "rnm");
    Objects.requireNonNull(registerSerial, "registerSerial");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(ofd, "ofd");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(register, "register");
    if (fiscalSign.isPresent() && !decimal(fiscalSign.get())) {
      throw new IllegalArgumentException("Fiscal sign must be decimal digits, was " + Money.quote(fiscalSign.get()));
    }
    if (checkNumber < 0 || shiftNumber < 0) {
      throw new IllegalArgumentException("Check and shift numbers must be >= 0, were " + checkNumber + ", " + shiftNumber);
    }
    dateTime = KzTime.of(KzTime.requirePlausible(dateTime, "dateTime"));
  }

  /** A result that does not name its register. */
  public FiscalResult(Optional<String> fiscalSign, long checkNumber, long shiftNumber, String rnm,
      Optional<String> registerSerial, OffsetDateTime dateTime, Tenge total, boolean offline, Ofd ofd,
      Optional<String> verificationUrl, Optional<String> providerReference) {
    this(fiscalSign, checkNumber, shiftNumber, rnm, registerSerial, dateTime, total, offline, ofd, verificationUrl,
        providerReference, Optional.empty());
  }

  /** This result naming {@code register} as the one that issued it. */
  public FiscalResult withRegister(RegisterId register) {
    return new FiscalResult(fiscalSign, checkNumber, shiftNumber, rnm, registerSerial, dateTime, total, offline, ofd,
        verificationUrl, providerReference, Optional.of(register));
  }

  /** Starts a result; fiscal sign, RNM, date-time, total and OFD are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the device closed the check without reporting its fiscal sign: a person must look. */
  public boolean needsAttention() {
    return fiscalSign.isEmpty();
  }

  /**
   * The basis a return of this check refers to.
   *
   * @throws IllegalStateException if the fiscal sign is unknown ({@link #needsAttention()})
   */
  public ReturnBasis toReturnBasis() {
    String sign = fiscalSign.orElseThrow(
        () -> new IllegalStateException("Check " + checkNumber + " of shift " + shiftNumber + " has no known fiscal sign"));
    return new ReturnBasis(sign, dateTime, rnm, total, offline);
  }

  private static boolean decimal(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Collects a result's fields; not thread-safe. */
  public static final class Builder {
    private String fiscalSign;
    private long checkNumber;
    private long shiftNumber;
    private String rnm;
    private String registerSerial;
    private OffsetDateTime dateTime;
    private Tenge total;
    private boolean offline;
    private Ofd ofd;
    private String verificationUrl;
    private String providerReference;
    private RegisterId register;

    private Builder() {}

    public Builder fiscalSign(String fiscalSign) {
      this.fiscalSign = fiscalSign;
      return this;
    }

    public Builder checkNumber(long checkNumber) {
      this.checkNumber = checkNumber;
      return this;
    }

    public Builder shiftNumber(long shiftNumber) {
      this.shiftNumber = shiftNumber;
      return this;
    }

    public Builder rnm(String rnm) {
      this.rnm = rnm;
      return this;
    }

    public Builder registerSerial(String registerSerial) {
      this.registerSerial = registerSerial;
      return this;
    }

    public Builder dateTime(OffsetDateTime dateTime) {
      this.dateTime = dateTime;
      return this;
    }

    public Builder total(Tenge total) {
      this.total = total;
      return this;
    }

    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    public Builder ofd(Ofd ofd) {
      this.ofd = ofd;
      return this;
    }

    public Builder verificationUrl(String verificationUrl) {
      this.verificationUrl = verificationUrl;
      return this;
    }

    public Builder providerReference(String providerReference) {
      this.providerReference = providerReference;
      return this;
    }

    /** The register that issued the check. */
    public Builder register(RegisterId register) {
      this.register = register;
      return this;
    }

    /** @throws NullPointerException naming a missing required field */
    public FiscalResult build() {
      return new FiscalResult(Optional.ofNullable(fiscalSign), checkNumber, shiftNumber, rnm,
          Optional.ofNullable(registerSerial), dateTime, total, offline, ofd, Optional.ofNullable(verificationUrl),
          Optional.ofNullable(providerReference), Optional.ofNullable(register));
    }
  }
}
