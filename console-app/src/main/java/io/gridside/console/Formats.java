package io.gridside.console;

import io.gridside.site.Currencies;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.util.StringConverter;

/**
 * How amounts, numbers and times read on screen: in the language the console speaks ({@link I18n#locale()}), and in
 * the site's time zone. This is the one place that writes them for a person, so a language switch changes them all.
 */
public final class Formats {

    /**
     * The date as year-month-day and the time on the 24-hour clock, then the zone's short name, so a reader knows
     * whose clock it is. A locale's short date ("12/5/26") reads as 12 May in one country and 5 December in the
     * next, which on a receipt or a statement is a dispute; the ISO order reads the same in every language, and the
     * command line, the exports and the screen agree on it.
     */
    private static final DateTimeFormatter SITE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm")
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .toFormatter(Locale.ROOT);

    /** As {@link #SITE_TIME} to the second, as the outage diagnosis writes its times. */
    private static final DateTimeFormatter SITE_SECOND = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .toFormatter(Locale.ROOT);

    private Formats() {
    }

    /**
     * An amount in minor units as the language writes money: its digit grouping and decimal mark, and the currency's
     * code where the language puts a currency ("KES 1,234.50" in English, "1 234,50 KES" in French). The code, not a
     * symbol: "$" is a different currency in half the countries that use the sign.
     */
    public static String money(long minor, String currency) {
        String amount = amount(minor, currency);
        return codeComesFirst(I18n.locale()) ? currency + " " + amount : amount + " " + currency;
    }

    /**
     * An amount in minor units with exactly the currency's decimals, in the language's digit grouping and decimal
     * mark but without the currency, for a column whose heading names it: "1,234.50" in English, "1 234,50" in
     * French.
     */
    public static String amount(long minor, String currency) {
        return exact(Currencies.toDecimal(minor, currency), Currencies.exponent(currency));
    }

    /** Energy in Wh as kWh with three decimals, exactly, as the language writes it: "12,345.678", "12 345,678". */
    public static String kwh(long wh) {
        return exact(BigDecimal.valueOf(wh, 3), 3);
    }

    /** A whole number with the language's digit grouping: "12,345" in English, "12 345" in French. */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(I18n.locale()).format(value);
    }

    /**
     * A count of bytes as a person reads it, in the language's units and decimal mark: "1.5 MiB", "12 KiB", "300 B"
     * in English, "1,5 Mio" in French.
     */
    public static String bytes(long count) {
        if (count < 1024) {
            return exactBytes(count);
        }
        if (count < 1024 * 1024) {
            return I18n.text("units.kib", number(Math.round(count / 1024.0)));
        }
        return I18n.text("units.mib", decimal(count / (1024.0 * 1024), 1));
    }

    /** A count of bytes to the byte, in the language's unit: "16,777,216 B" in English, "16 777 216 o" in French. */
    public static String exactBytes(long count) {
        return I18n.text("units.bytes", number(count));
    }

    /** A number with {@code digits} decimals and the language's decimal mark: "3.5" in English, "3,5" in French. */
    public static String decimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(I18n.locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /**
     * A latitude or longitude in decimal degrees with the language's decimal mark and no digit grouping, to the
     * sixth decimal (a tenth of a metre) and no trailing zeros: "-1.05" in English, "-1,05" in French.
     */
    public static String coordinate(double degrees) {
        NumberFormat format = NumberFormat.getNumberInstance(I18n.locale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(6);
        return format.format(degrees);
    }

    /**
     * Reads decimal degrees as a technician types them: with the language's decimal mark or a point, which a
     * position copied from a map or a phone carries in every language.
     *
     * @throws NumberFormatException when {@code text} is not a number in either form
     */
    public static double parseCoordinate(String text) {
        String typed = text.strip();
        char mark = new DecimalFormatSymbols(I18n.locale()).getDecimalSeparator();
        return Double.parseDouble(mark == '.' ? typed : typed.replace(mark, '.'));
    }

    /** An instant as a date and time of the site's zone. */
    public static String siteTime(Instant at, ZoneId zone) {
        if (at == null) {
            return "\u2013";
        }
        return SITE_TIME.format(at.atZone(zone));
    }

    /** An instant as a date and time of the site's zone to the second: "2026-06-03 21:04:30 EAT". */
    public static String siteSecond(Instant at, ZoneId zone) {
        return SITE_SECOND.format(at.atZone(zone));
    }

    /**
     * An instant as this computer's date and time, written the language's way with its zone: "5 janv. 2027, 11:04
     * EAT" in French. For what the technician reads about the laptop's own papers, such as a credential's end.
     */
    public static String computerTime(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.systemDefault());
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(I18n.locale());
        return dateTime.format(local) + " " + local.getZone().getDisplayName(TextStyle.SHORT, I18n.locale());
    }

    /** A length of time in the language's units, largest first: "1 h 30 min", "2 j 3 h", "45 s". */
    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return I18n.text("replay.duration.seconds", seconds);
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(I18n.text("replay.duration.days", days));
        }
        if (hours > 0) {
            parts.add(I18n.text("replay.duration.hours", hours));
        }
        if (minutes > 0 || parts.isEmpty()) {
            parts.add(I18n.text("replay.duration.minutes", minutes));
        }
        return String.join(" ", parts);
    }

    /**
     * A day as the language writes it, its month in words so it cannot be misread: "Dec 5, 2026", "5 déc. 2026".
     */
    public static String day(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale()).format(day);
    }

    /**
     * A formatter of {@code pattern} with the language's names of days and months: "EEE HH:mm" reads "Sat 14:00" in
     * English and "sam. 14:00" in French.
     */
    public static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, I18n.locale());
    }

    /**
     * A date picker's words: the day as year-month-day, as the site's times read and as the command line takes it,
     * in every language; a picker's own format is the computer's locale's short date, which the console's language
     * does not reach and which reads as two different days in two countries. Text that is no such day is no day.
     */
    public static StringConverter<LocalDate> pickerDays() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : day.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        };
    }

    /** {@code value} with exactly {@code digits} decimals, never through a double, as the language writes it. */
    private static String exact(BigDecimal value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(I18n.locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** Whether the language writes a currency before the amount, as its own currency format does. */
    private static boolean codeComesFirst(Locale locale) {
        NumberFormat currencyFormat = NumberFormat.getCurrencyInstance(locale);
        return currencyFormat instanceof DecimalFormat decimal && decimal.toPattern().startsWith("\u00a4");
    }
}
