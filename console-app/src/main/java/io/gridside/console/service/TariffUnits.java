package io.gridside.console.service;

import io.gridside.site.Currencies;
import io.gridside.site.InvalidValueException;
import io.gridside.site.tariff.Prices;
import java.math.BigDecimal;

/**
 * The figures of a tariff as a technician reads and types them, and back: prices in the currency per kWh, amounts
 * in the currency, block ends in kWh, percentages, all exact. A typed figure that the tariff's unit cannot hold
 * exactly (more decimals than it has) is refused, never rounded.
 */
public final class TariffUnits {

    /** The decimal digits of a price beyond the minor unit: log10 of {@link Prices#PER_MINOR_PER_KWH}. */
    private static final int PRICE_DIGITS = 4;
    /** The decimal digits of a charge unit beyond the minor unit: log10 of {@link Prices#CHARGE_UNITS_PER_MINOR}. */
    private static final int CHARGE_DIGITS = 7;
    private static final int WH_DIGITS = 3;
    private static final int BASIS_POINT_DIGITS = 2;

    private TariffUnits() {
    }

    /** A price as a decimal of the currency per kWh, exact: 25,000,000 for KES as "25.00", 250,005 as "0.2500". */
    public static String price(long price, String currency) {
        return trimmed(BigDecimal.valueOf(price, Currencies.exponent(currency) + PRICE_DIGITS), currency);
    }

    /** An exact charge in charge units as a decimal of the currency: 123,456,789 for KES as "0.1234567". */
    public static String exactCharge(long units, String currency) {
        return trimmed(BigDecimal.valueOf(units, Currencies.exponent(currency) + CHARGE_DIGITS), currency);
    }

    /** An amount in minor units as a decimal of the currency: 20000 for KES as "200.00". */
    public static String amount(long minor, String currency) {
        return Amounts.plain(minor, currency);
    }

    /** Energy in Wh as kWh, as few decimals as it needs: 30000 as "30", 1500 as "1.5". */
    public static String kwh(long wh) {
        BigDecimal kwh = BigDecimal.valueOf(wh, WH_DIGITS).stripTrailingZeros();
        return (kwh.scale() < 0 ? kwh.setScale(0) : kwh).toPlainString();
    }

    /** Basis points as a percentage: 1600 as "16", 1650 as "16.5". */
    public static String percent(long basisPoints) {
        BigDecimal percent = BigDecimal.valueOf(basisPoints, BASIS_POINT_DIGITS).stripTrailingZeros();
        return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString();
    }

    /**
     * A typed price per kWh in price units.
     *
     * @throws IllegalArgumentException naming what is wrong, in words fit to show beside the field
     */
    public static long parsePrice(String text, String currency) {
        return parse(text, Currencies.exponent(currency) + PRICE_DIGITS, "units.price", "an amount per kWh such as ",
                "25.50");
    }

    /** A typed amount of the currency in minor units; see {@link #parsePrice}. */
    public static long parseAmount(String text, String currency) {
        return parse(text, Currencies.exponent(currency), "units.amount", "an amount such as ",
                "200" + (Currencies.exponent(currency) > 0 ? ".00" : ""));
    }

    /** A typed energy in kWh as Wh; see {@link #parsePrice}. */
    public static long parseKwh(String text) {
        return parse(text, WH_DIGITS, "units.energy", "an energy in kWh such as ", "50 / 12.5");
    }

    /** A typed percentage as basis points; see {@link #parsePrice}. */
    public static long parsePercent(String text) {
        return parse(text, BASIS_POINT_DIGITS, "units.percent", "a percentage such as ", "16 / 2.5");
    }

    /** A typed whole number; see {@link #parsePrice}. */
    public static long parseWhole(String text, String example) {
        return parse(text, 0, "units.whole", "a whole number such as ", example);
    }

    /**
     * {@code text} as a whole number of units {@code digits} places below one, or a refusal that names its sentence:
     * {@code reason} (not a number of that kind, with the example and what was typed), {@code units.decimals} or
     * {@code units.tooLarge}.
     */
    private static long parse(String text, int digits, String reason, String expected, String example) {
        String typed = text == null ? "" : text.strip();
        BigDecimal value;
        try {
            value = new BigDecimal(typed);
        } catch (NumberFormatException e) {
            throw notA(reason, expected, example, typed, e);
        }
        if (value.stripTrailingZeros().scale() > digits) {
            throw digits == 0 ? notA(reason, expected, example, typed, null) : new InvalidValueException(
                    "units.decimals", "must have at most " + digits + " decimals, was " + typed, digits, typed);
        }
        try {
            return value.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            InvalidValueException large = new InvalidValueException("units.tooLarge", "is too large, was " + typed,
                    typed);
            large.initCause(e);
            throw large;
        }
    }

    private static InvalidValueException notA(String reason, String expected, String example, String typed,
            Exception cause) {
        InvalidValueException refused = new InvalidValueException(reason, "must be " + expected
                + example.replace(" / ", " or ") + (typed.isEmpty() ? "" : ", was " + typed), example, typed);
        if (cause != null) {
            refused.initCause(cause);
        }
        return refused;
    }

    /** At least the currency's decimals, and no trailing zeros past them. */
    private static String trimmed(BigDecimal value, String currency) {
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = Currencies.exponent(currency);
        return (stripped.scale() < exponent ? stripped.setScale(exponent) : stripped).toPlainString();
    }
}
