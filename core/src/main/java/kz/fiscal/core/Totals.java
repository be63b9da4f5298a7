package kz.fiscal.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of one receipt (docs/kz-fiscal-rules.md §4, §12) on signed amounts, so that an invalid
 * receipt can still be measured by the validator without throwing.
 *
 * <p>With {@link Rounding#EVERY_ITEM} it is Webkassa's own: a position's sum is
 * {@code round0(price × quantity − round0(discount) + round0(markup))}, every check-level modifier
 * counts {@code round0(amount)}, and the total adds these whole-tenge terms. A whole-tenge modifier is
 * split over the rates in whole tenge too (so each wire modifier the provider rounds again stays what
 * it is), and the VAT of each share is {@code round2} of that whole-tenge share; the provider does not
 * check a modifier's VAT, so this is the SDK's rule, and {@link #vatByRate()} and the e-check follow it.
 */
final class Totals {
  private static final VatRate[] RATES = VatRate.values();
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final BigDecimal[] lineSums;
  private final BigDecimal[] itemSums;
  private final BigDecimal[] itemVats;
  /** Per rate ordinal: the sum of its items, or null when no item has the rate. */
  private final BigDecimal[] sumByRate = new BigDecimal[RATES.length];
  private final BigDecimal[] vatByRate = new BigDecimal[RATES.length];
  /** Per rate ordinal: what the buyer pays at the rate, after its shares of check-level modifiers. */
  private final BigDecimal[] netByRate = new BigDecimal[RATES.length];
  private final BigDecimal[][] modifierShares;
  private final BigDecimal[] modifierAmounts;
  private final BigDecimal itemsTotal;
  private final BigDecimal total;
  private final BigDecimal paid;
  private final BigDecimal cash;

  Totals(Receipt receipt) {
    List<Item> items = receipt.items();
    Rounding rounding = receipt.rounding();
    int n = items.size();
    lineSums = new BigDecimal[n];
    itemSums = new BigDecimal[n];
    itemVats = new BigDecimal[n];
    BigDecimal running = ZERO;
    for (int i = 0; i < n; i++) {
      Item item = items.get(i);
      BigDecimal sum;
      if (rounding == Rounding.EVERY_ITEM) {
        // The unrounded product, the discount and markup each in whole tenge (docs/kz-fiscal-rules.md §4).
        BigDecimal line = item.unitPrice().amount().multiply(item.quantity().value())
            .subtract(wholeTenge(item.discount().amount())).add(wholeTenge(item.markup().amount()));
        lineSums[i] = line;
        sum = wholeTenge(line);
      } else {
        sum = item.signedSum();
        lineSums[i] = sum;
      }
      BigDecimal vat = item.vat().vatIncludedIn(sum);
      itemSums[i] = sum;
      itemVats[i] = vat;
      int rate = item.vat().ordinal();
      sumByRate[rate] = sumByRate[rate] == null ? sum : sumByRate[rate].add(sum);
      vatByRate[rate] = vatByRate[rate] == null ? vat : vatByRate[rate].add(vat);
      running = running.add(sum);
    }
    itemsTotal = running;
    System.arraycopy(sumByRate, 0, netByRate, 0, RATES.length);

    List<Modifier> modifiers = receipt.modifiers();
    modifierShares = new BigDecimal[modifiers.size()][];
    modifierAmounts = new BigDecimal[modifiers.size()];
    int shareScale = rounding == Rounding.EVERY_ITEM ? 0 : 2;
    for (int m = 0; m < modifiers.size(); m++) {
      Modifier modifier = modifiers.get(m);
      BigDecimal amount = shareScale == 0 ? wholeTenge(modifier.amount().amount()) : modifier.amount().amount();
      modifierAmounts[m] = amount;
      BigDecimal[] shares = split(amount, shareScale);
      modifierShares[m] = shares;
      boolean discount = modifier.kind() == Modifier.Kind.DISCOUNT;
      for (int r = 0; r < RATES.length; r++) {
        if (shares[r] != null) {
          BigDecimal vat = RATES[r].vatIncludedIn(shares[r]);
          vatByRate[r] = discount ? vatByRate[r].subtract(vat) : vatByRate[r].add(vat);
          netByRate[r] = discount ? netByRate[r].subtract(shares[r]) : netByRate[r].add(shares[r]);
        }
      }
      running = discount ? running.subtract(amount) : running.add(amount);
    }
    total = rounding == Rounding.TOTAL_ONLY ? wholeTenge(running) : running;

    BigDecimal paidSoFar = ZERO;
    BigDecimal cashSoFar = ZERO;
    for (Payment payment : receipt.payments()) {
      paidSoFar = paidSoFar.add(payment.amount().amount());
      if (payment.type() == PaymentType.CASH) {
        cashSoFar = cashSoFar.add(payment.amount().amount());
      }
    }
    paid = paidSoFar;
    cash = cashSoFar;
  }

  /**
   * Splits a check-level amount over the rates in proportion to their sums: each share rounded to
   * {@code scale} decimals (the tiyn, or whole tenge with EVERY_ITEM), the remainder on the rate with the
   * largest sum (the first such rate on a tie).
   */
  private BigDecimal[] split(BigDecimal amount, int scale) {
    BigDecimal[] shares = new BigDecimal[RATES.length];
    int largest = -1;
    BigDecimal base = ZERO;
    for (int r = 0; r < RATES.length; r++) {
      if (sumByRate[r] != null) {
        base = base.add(sumByRate[r]);
        if (largest < 0 || sumByRate[r].compareTo(sumByRate[largest]) > 0) {
          largest = r;
        }
      }
    }
    if (largest < 0) {
      return shares;
    }
    BigDecimal remainder = amount;
    if (base.signum() != 0) {
      for (int r = 0; r < RATES.length; r++) {
        if (sumByRate[r] != null && r != largest) {
          shares[r] = scale == 2 ? proportion(amount, sumByRate[r], base)
              : amount.multiply(sumByRate[r]).divide(base, scale, RoundingMode.HALF_UP).setScale(2);
          remainder = remainder.subtract(shares[r]);
        }
      }
    } else {
      for (int r = 0; r < RATES.length; r++) {
        if (sumByRate[r] != null && r != largest) {
          shares[r] = ZERO;
        }
      }
    }
    shares[largest] = remainder;
    return shares;
  }

  /** {@code round2(amount × part / whole)}, half up; on longs when all three are small and non-negative. */
  static BigDecimal proportion(BigDecimal amount, BigDecimal part, BigDecimal whole) {
    if (amount.scale() == 2 && part.scale() == 2 && whole.scale() == 2 && amount.signum() >= 0
        && part.signum() >= 0 && whole.signum() > 0 && amount.unscaledValue().bitLength() < 31
        && part.unscaledValue().bitLength() < 31 && whole.unscaledValue().bitLength() < 62) {
      long a = amount.unscaledValue().longValue();
      long p = part.unscaledValue().longValue();
      long w = whole.unscaledValue().longValue();
      long product = a * p; // < 2^62
      long quotient = product / w;
      long remainder = product - quotient * w;
      return BigDecimal.valueOf(remainder * 2 >= w ? quotient + 1 : quotient, 2);
    }
    return amount.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal wholeTenge(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP).setScale(2);
  }

  /**
   * Item {@code index}'s line sum before the receipt's rounding, negative if its discount exceeds it:
   * with EVERY_ITEM the unrounded product less the whole-tenge discount plus the whole-tenge markup.
   */
  BigDecimal lineSum(int index) {
    return lineSums[index];
  }

  BigDecimal itemSum(int index) {
    return itemSums[index];
  }

  BigDecimal itemVat(int index) {
    return itemVats[index];
  }

  BigDecimal itemsTotal() {
    return itemsTotal;
  }

  BigDecimal total() {
    return total;
  }

  BigDecimal paid() {
    return paid;
  }

  BigDecimal cash() {
    return cash;
  }

  /** What modifier {@code index} counts in the total: whole tenge with EVERY_ITEM, else its amount. */
  BigDecimal modifierAmount(int index) {
    return modifierAmounts[index];
  }

  Map<VatRate, Tenge> modifierShares(int index) {
    BigDecimal[] shares = modifierShares[index];
    EnumMap<VatRate, Tenge> result = new EnumMap<>(VatRate.class);
    for (int r = 0; r < RATES.length; r++) {
      if (shares[r] != null) {
        result.put(RATES[r], tenge(shares[r], "share of modifiers[" + index + "] at " + RATES[r]));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * The VAT per rate, kept within [0, what the buyer pays at the rate]: item VAT and modifier-share VAT
   * are rounded separately, so a rate discounted almost to nothing could otherwise show −0.01 or more
   * VAT than its amount.
   */
  Map<VatRate, Tenge> vatByRate() {
    EnumMap<VatRate, Tenge> result = new EnumMap<>(VatRate.class);
    for (int r = 0; r < RATES.length; r++) {
      if (vatByRate[r] != null && RATES[r].isVat()) {
        BigDecimal ceiling = netByRate[r].max(ZERO);
        result.put(RATES[r], new Tenge(vatByRate[r].max(ZERO).min(ceiling)));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  /** Wraps a derived amount, which is negative only on a receipt the validator would refuse. */
  static Tenge tenge(BigDecimal amount, String what) {
    if (amount.signum() < 0) {
      throw new IllegalStateException("The receipt's " + what + " is negative (" + amount.toPlainString()
          + "): validate it with ReceiptValidator");
    }
    return new Tenge(amount);
  }
}
