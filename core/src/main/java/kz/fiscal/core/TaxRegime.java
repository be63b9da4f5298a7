package kz.fiscal.core;

/** The seller's taxation regime, which the serial protocol carries as a tax-system bit. */
public enum TaxRegime {
  GENERAL, SIMPLIFIED, FARM, PATENT
}
