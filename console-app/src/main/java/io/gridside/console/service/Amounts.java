package io.gridside.console.service;

import io.gridside.site.Currencies;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts as the command line and exported statements print them: in the currency's main unit with exactly its
 * decimals, the same in every locale, so that a column lines up and a program can read it back.
 */
public final class Amounts {

    /** A plain decimal amount: digits, and a fraction after a point; no sign, exponent or grouping. */
    private static final Pattern PLAIN = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,9})?");

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

    /**
     * {@code text}, a plain amount in the main unit of {@code currency} such as "500" or "499.50", in minor units,
     * exactly: never through floating point.
     *
     * @throws IllegalArgumentException, with a sentence that says what to type, for text that is not a plain
     *     amount, has more decimals than the currency, or is not more than nothing
     */
    public static long parse(String text, String currency) {
        String amount = text == null ? "" : text.strip();
        if (!PLAIN.matcher(amount).matches()) {
            throw new IllegalArgumentException("An amount is written plainly, such as 500 or 499.50; '" + amount
                    + "' is not one.");
        }
        int digits = Currencies.exponent(currency);
        BigDecimal decimal = new BigDecimal(amount);
        if (decimal.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("An amount in " + currency + " has at most " + digits
                    + " decimals; '" + amount + "' has more.");
        }
        long minor = decimal.movePointRight(digits).longValueExact();
        if (minor <= 0) {
            throw new IllegalArgumentException("The amount must be more than 0.");
        }
        return minor;
    }

    /** Exact energy in kWh with three decimals: 12345 Wh as "12.345". */
    public static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).toPlainString();
    }
}
