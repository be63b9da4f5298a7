package kz.fiscal.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which VAT rates are lawful on which dates: data, so that a change of law is a change of data.
 *
 * <p>{@link #defaults()} encodes the Tax Code in force from 2026 (docs/kz-fiscal-rules.md §4); users supply
 * their own with {@link #builder()}. A return is checked against the date of the original sale.
 * Immutable and thread-safe.
 */
public final class VatSchedule {

  private static final VatSchedule DEFAULTS = builder()
      .allowAlways(VatRate.NO_VAT)
      .allowAlways(VatRate.ZERO)
      .allow(VatRate.TWELVE, LocalDate.MIN, LocalDate.of(2025, 12, 31))
      .allow(VatRate.SIXTEEN, LocalDate.of(2026, 1, 1), LocalDate.MAX)
      .allow(VatRate.FIVE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
      .allow(VatRate.TEN, LocalDate.of(2026, 1, 1), LocalDate.MAX)
      .build();

  /**
   * One rate allowed from {@code from} to {@code until}, both inclusive; open ends are
   * {@link LocalDate#MIN} and {@link LocalDate#MAX}.
   */
  public record Period(VatRate rate, LocalDate from, LocalDate until) {
    /** @throws IllegalArgumentException if {@code from} is after {@code until} */
    public Period {
      Objects.requireNonNull(rate, "rate");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if (from.isAfter(until)) {
        throw new IllegalArgumentException("VAT period for " + rate + " starts " + from + " after it ends " + until);
      }
    }

    /** Whether the period covers {@code date}. */
    public boolean covers(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(until);
    }
  }

  private final List<Period> periods;

  private VatSchedule(List<Period> periods) {
    this.periods = List.copyOf(periods);
  }

  /**
   * The schedule of the Tax Code from 2026: 12 % until 2025-12-31, 16 % from 2026-01-01, 5 % in 2026
   * only, 10 % from 2026-01-01, 0 % and no VAT always.
   */
  public static VatSchedule defaults() {
    return DEFAULTS;
  }

  /** A schedule made of exactly these periods. */
  public static VatSchedule of(List<Period> periods) {
    return new VatSchedule(periods);
  }

  /** A builder for a user-supplied schedule, starting empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code rate} may be used on {@code date}. */
  public boolean isAllowed(VatRate rate, LocalDate date) {
    for (int i = 0, n = periods.size(); i < n; i++) {
      Period period = periods.get(i);
      if (period.rate == rate && period.covers(date)) {
        return true;
      }
    }
    return false;
  }

  /** Every rate allowed on {@code date}. */
  public Set<VatRate> allowedOn(LocalDate date) {
    Set<VatRate> allowed = EnumSet.noneOf(VatRate.class);
    for (Period period : periods) {
      if (period.covers(date)) {
        allowed.add(period.rate);
      }
    }
    return allowed;
  }

  /** The periods of this schedule, in the order given. */
  public List<Period> periods() {
    return periods;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VatSchedule other && periods.equals(other.periods);
  }

  @Override
  public int hashCode() {
    return periods.hashCode();
  }

  @Override
  public String toString() {
    return "VatSchedule" + periods;
  }

  /** Collects periods; not thread-safe. */
  public static final class Builder {
    private final List<Period> periods = new ArrayList<>();

    private Builder() {}

    /** Allows {@code rate} from {@code from} to {@code until}, both inclusive. */
    public Builder allow(VatRate rate, LocalDate from, LocalDate until) {
      periods.add(new Period(rate, from, until));
      return this;
    }

    /** Allows {@code rate} from {@code from} on, with no end. */
    public Builder allowFrom(VatRate rate, LocalDate from) {
      return allow(rate, from, LocalDate.MAX);
    }

    /** Allows {@code rate} on every date. */
    public Builder allowAlways(VatRate rate) {
      return allow(rate, LocalDate.MIN, LocalDate.MAX);
    }

    public VatSchedule build() {
      return new VatSchedule(periods);
    }
  }
}
