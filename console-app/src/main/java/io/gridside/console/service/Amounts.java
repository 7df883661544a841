package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.site.Currencies;
import io.gridside.site.InvalidValueException;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Amounts as the command line and exported statements print them: in the currency's main unit with exactly its
 * decimals, the same in every locale, so that a column lines up and a program can read it back.
 */
public final class Amounts {

    /** The most one payment may be, in minor units; the gateway refuses more (its cash desk has the same bound). */
    public static final long MAX_PAYMENT_MINOR = 10_000_000_000L;
    /** A plain decimal amount: digits, and a fraction after a point; no sign, exponent or grouping. */
    private static final Pattern PLAIN = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /**
     * An amount as a language with a decimal comma writes it: digits, perhaps grouped by threes with a space, a
     * no-break space or a point, then a comma and the fraction ("499,50", "1 453,82", "1.453,82").
     */
    private static final Pattern COMMA_DECIMAL =
            Pattern.compile("[0-9]{1,3}([ .\u00a0\u202f][0-9]{3})*,[0-9]+|[0-9]+,[0-9]+");

    private Amounts() {
    }

    /**
     * An amount typed in the currency's main unit ("500", "499.50") in minor units exactly, from 0 to
     * {@link #MAX_PAYMENT_MINOR}. The message of the refusal says what is wrong in a technician's words: a sign,
     * grouping or letters, more decimals than the currency has, or more than any one payment may be.
     *
     * @throws IllegalArgumentException naming the amount and what is wrong with it
     */
    public static long parseMinor(String text, String currency) {
        String typed = text == null ? "" : text.strip();
        if (typed.startsWith("-")) {
            throw new InvalidValueException("amount.negative", "an amount cannot be negative; '" + typed + "' is",
                    typed);
        }
        if (!PLAIN.matcher(typed).matches()) {
            throw new InvalidValueException("amount.digits", "an amount is written with digits and at most one point, "
                    + "such as 500 or 499.50; '" + typed + "' is not", typed);
        }
        int digits = Currencies.exponent(currency);
        BigDecimal decimal = new BigDecimal(typed);
        if (decimal.stripTrailingZeros().scale() > digits) {
            throw new InvalidValueException("amount.decimals", "an amount in " + currency + " has at most " + digits
                    + " decimals; '" + typed + "' has more", currency, digits, typed);
        }
        BigDecimal minor = decimal.movePointRight(digits);
        if (minor.compareTo(BigDecimal.valueOf(MAX_PAYMENT_MINOR)) > 0) {
            throw new InvalidValueException("amount.tooLarge", "one amount is at most " + money(MAX_PAYMENT_MINOR,
                    currency) + "; '" + typed + "' is more", new Sentence.Money(MAX_PAYMENT_MINOR, currency), typed);
        }
        return minor.longValueExact();
    }

    /**
     * A payment's amount as a technician types it on a screen in {@code locale}: in a language that writes a decimal
     * comma, "499,50" and "1 453,82" as well as the plain "499.50"; then as {@link #parse} reads it.
     */
    public static long parseTyped(String text, String currency, Locale locale) {
        String typed = text == null ? "" : text.strip();
        if (DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ','
                && COMMA_DECIMAL.matcher(typed).matches()) {
            typed = typed.replaceAll("[ .\u00a0\u202f]", "").replace(',', '.');
        }
        return parse(typed, currency);
    }

    /** {@code minor} as a plain decimal of {@code currency}: 59700 KES as "597.00", -5 KES as "-0.05". */
    public static String plain(long minor, String currency) {
        return Currencies.toDecimal(minor, currency).toPlainString();
    }

    /** {@code minor} with the currency's code before it, as English writes money: "KES 4,800.00". */
    public static String money(long minor, String currency) {
        return Currencies.written(minor, currency);
    }

    /**
     * A payment's amount typed in the main unit of {@code currency}, in minor units exactly, as
     * {@link #parseMinor} reads it, and more than nothing.
     *
     * @throws IllegalArgumentException, with a sentence that says what is wrong, for anything
     *     {@link #parseMinor} refuses and for an amount of 0
     */
    public static long parse(String text, String currency) {
        long minor = parseMinor(text, currency);
        if (minor <= 0) {
            throw new InvalidValueException("amount.zero", "a payment must be more than 0");
        }
        return minor;
    }

    /** Exact energy in kWh with three decimals: 12345 Wh as "12.345". */
    public static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).toPlainString();
    }
}
