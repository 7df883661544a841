package io.gridside.site;

import java.math.BigDecimal;
import java.util.Currency;

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
}
