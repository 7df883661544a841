package io.gridside.console.service;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import java.math.BigDecimal;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The outage diagnosis's sentences in the language in use: worded from {@code diagnosis.REASON} with the values
 * written as the language writes them, else as the diagnosis wrote them in English.
 *
 * <p>A value is written by what it is (see {@link Evidence}): a time as the site's date and time to the second, a
 * length of time in the language's units, a number where the sentence's pattern places one ({@code {1,number}} or a
 * choice) with the language's digit grouping and decimal mark, and a word the gateway reported by its name in
 * {@code diagnosis.term.WORD} where the bundle has one. A meter's id or a feeder's name stays as it is, even in
 * digits, since only the pattern's number places make a value a number.
 *
 * <p>KNOWN SHORTCOMING: a word the gateway reported that the bundles do not name (an inverter's trip reason other
 * than {@code overload}) reads as the gateway wrote it, inside a sentence in the language in use.
 */
public final class DiagnosisWords {

    private static final String PREFIX = "diagnosis.";
    private static final String TERM = "diagnosis.term.";

    private DiagnosisWords() {
    }

    /** Why {@code competing} fits the outage too, in the language in use. */
    public static String why(Outage.Competing competing) {
        return worded(competing.reason(), competing.values(), competing.why());
    }

    /** The fact {@code evidence} states, in the language in use. */
    public static String evidence(Evidence evidence) {
        return worded(evidence.reason(), evidence.values(), evidence.text());
    }

    /** Whether the language in use has a sentence for {@code evidence}, so that it reads in no English of its own. */
    public static boolean worded(Evidence evidence) {
        return evidence.reason() != null && I18n.has(PREFIX + evidence.reason());
    }

    private static String worded(String reason, List<String> values, String english) {
        return reason == null ? english : sentence(PREFIX + reason, values, english);
    }

    /**
     * The sentence {@code key} with {@code values} written as the language writes them (see above), or
     * {@code fallback} when no bundle has it.
     */
    static String sentence(String key, List<String> values, String fallback) {
        String pattern = I18n.pattern(key);
        if (pattern == null) {
            return fallback;
        }
        if (values.isEmpty()) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, I18n.locale());
        Format[] places = format.getFormatsByArgumentIndex();
        Object[] arguments = new Object[values.size()];
        for (int i = 0; i < arguments.length; i++) {
            boolean number = i < places.length && places[i] instanceof NumberFormat;
            arguments[i] = value(values.get(i), number);
            if (number && arguments[i] instanceof String) {
                // A number the gateway did not report ("?") is written as it is, not refused by the pattern.
                format.setFormatByArgumentIndex(i, null);
            }
        }
        return format.format(arguments);
    }

    /** A value as the language writes it: a number for a number's place when it is one, else a text. */
    private static Object value(String value, boolean number) {
        if (number) {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                return value;
            }
        }
        String time = time(value);
        if (time != null) {
            return time;
        }
        String length = length(value);
        if (length != null) {
            return length;
        }
        return I18n.has(TERM + value) ? I18n.text(TERM + value) : value;
    }

    private static String time(String value) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.ISO_ZONED_DATE_TIME);
            return Formats.siteSecond(at.toInstant(), at.getZone());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String length(String value) {
        if (!value.startsWith("PT")) {
            return null;
        }
        try {
            return Formats.duration(Duration.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
