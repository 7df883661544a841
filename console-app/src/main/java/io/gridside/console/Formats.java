package io.gridside.console;

import io.gridside.site.Currencies;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.util.Locale;

/** How amounts and times read on screen: in the technician's locale, and in the site's time zone. */
public final class Formats {

    /**
     * The date as year-month-day and the time on the 24-hour clock, then the zone's short name, so a reader knows
     * whose clock it is. A locale's short date ("12/5/26") reads as 12 May in one country and 5 December in the
     * next, which on a receipt or a statement is a dispute; the ISO order reads the same everywhere.
     */
    private static final DateTimeFormatter SITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm")
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .toFormatter(Locale.ROOT);

    private Formats() {
    }

    /** An amount in minor units as the locale writes money, with the currency code: "KES 1,234.50". */
    public static String money(long minor, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.getDefault());
        int digits = Currencies.exponent(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return currency + " " + format.format(Currencies.toDecimal(minor, currency));
    }

    /** An instant as a date and time of the site's zone. */
    public static String siteTime(Instant at, ZoneId zone) {
        if (at == null) {
            return "\u2013";
        }
        return SITE_TIME.format(at.atZone(zone));
    }
}
