package io.gridside.site.tariff;

/**
 * The fixed-point units of tariff prices: a price is a whole number of ten-thousandths of a minor unit per kWh,
 * so KES 25.00 per kWh (2,500 cents) is 25,000,000.
 *
 * <p>Energy is metered in whole watt-hours, so an energy charge of E Wh at price P is exactly E * P
 * ten-millionths of a minor unit: rating keeps charges exact in that unit and only postings are rounded.
 */
public final class Prices {

    /** Price units in one minor unit per kWh. */
    public static final long PER_MINOR_PER_KWH = 10_000;

    /** Exact charge units (Wh times price units) in one minor unit: 1,000 Wh per kWh times the price scale. */
    public static final long CHARGE_UNITS_PER_MINOR = 1_000 * PER_MINOR_PER_KWH;

    /** Basis points, the unit of percentage tax lines, in one whole: 10,000 (1% is 100). */
    public static final long BASIS_POINTS = 10_000;

    private Prices() {
    }

    /** A price of whole minor units per kWh in price units. */
    public static long ofMinorPerKwh(long minorPerKwh) {
        return Math.multiplyExact(minorPerKwh, PER_MINOR_PER_KWH);
    }
}
