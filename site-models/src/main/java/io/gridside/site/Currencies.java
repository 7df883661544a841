package io.gridside.site;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Converts between integer minor units and the decimal amounts people read. */
public final class Currencies {

    private Currencies() {
    }

    /** The number of minor-unit digits of a currency: 2 for KES, 0 for UGX. */
    public static int exponent(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** An amount in minor units as a plain decimal, such as 1234 KES as "12.34". */
    public static BigDecimal toDecimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, exponent(currency));
    }

    /**
     * An amount in minor units as an English sentence writes money, the way the console writes it in English: the
     * currency's code, digits grouped by thousands and exactly the currency's decimals, such as 480000 KES as
     * "KES 4,800.00". The gateway's refusals use it, so that their amounts read like the console's own lines.
     */
    public static String written(long minor, String currency) {
        int digits = exponent(currency);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return currency + " " + format.format(toDecimal(minor, currency));
    }
}
