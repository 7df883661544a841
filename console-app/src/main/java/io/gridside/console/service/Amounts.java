package io.gridside.console.service;

import io.gridside.site.Currencies;
import java.math.BigDecimal;

/**
 * Amounts as the command line and exported statements print them: in the currency's main unit with exactly its
 * decimals, the same in every locale, so that a column lines up and a program can read it back.
 */
public final class Amounts {

    private Amounts() {
    }

    /** {@code minor} as a plain decimal of {@code currency}: 59700 KES as "597.00", -5 KES as "-0.05". */
    public static String plain(long minor, String currency) {
        return Currencies.toDecimal(minor, currency).toPlainString();
    }

    /** {@code minor} with the currency's code before it: "KES 597.00". */
    public static String money(long minor, String currency) {
        return currency + " " + plain(minor, currency);
    }

    /** Exact energy in kWh with three decimals: 12345 Wh as "12.345". */
    public static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).toPlainString();
    }
}
