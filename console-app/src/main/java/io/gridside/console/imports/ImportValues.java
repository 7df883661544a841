package io.gridside.console.imports;

import io.gridside.console.Sentence;
import io.gridside.site.Currencies;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The values of imported rows, read exactly: times with an offset or in the site's time zone, registers in kWh
 * to the Wh, amounts in the currency's main unit to its minor unit. Never through floating point.
 */
final class ImportValues {

    /** Digits, and a fraction after a point: no sign, exponent, grouping or unit. */
    private static final Pattern DECIMAL = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");
    /** A time that ends with its offset or Z; anything else is taken as local time, which saves a failed parse. */
    private static final Pattern WITH_OFFSET = Pattern.compile(".*T.*(?:Z|[+-]\\d{2}(?::?\\d{2})?)");
    /** A date and a time separated by a space, which spreadsheets write, in place of ISO's T. */
    private static final Pattern SPACED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d.*)");
    /** A register's digits before the point: a trillion kWh is far beyond any meter, and far inside a long. */
    private static final int MAX_KWH_DIGITS = 12;
    private static final int WH_DECIMALS = 3;

    /**
     * A value that cannot be read; its message says in English what to write instead, and it names the sentence that
     * says so in any language, with what goes in it.
     */
    static final class BadValue extends Exception {

        private static final long serialVersionUID = 1L;

        private final String reason;
        private final transient List<Object> values;

        BadValue(String reason, String message, Object... values) {
            super(message);
            this.reason = reason;
            this.values = Arrays.asList(values.clone());
        }

        /** The problem this value makes in its file, at {@code line} and under {@code column}. */
        ImportProblem at(int line, String column) {
            return new ImportProblem(line, column, getMessage(), reason, values == null ? List.of() : values);
        }
    }

    private ImportValues() {
    }

    /**
     * A time as ISO 8601 with an offset or Z ({@code 2026-06-02T10:15:00+03:00}), or a local date and time in
     * {@code zone} ({@code 2026-06-02T10:15}, {@code 2026-06-02 10:15:00}); whole seconds only. A local time the
     * zone skipped or passed twice (daylight saving) is refused, since only an offset says which instant it was.
     */
    static Instant time(String text, ZoneId zone) throws BadValue {
        if (text.isEmpty()) {
            throw new BadValue("import.time.empty", "the time is empty; write it as 2026-06-02T10:15 (site time) or "
                    + "with an offset.");
        }
        String bare = withoutSiteZone(text, zone);
        String iso = SPACED.matcher(bare).matches() ? bare.replaceFirst(" ", "T") : bare;
        Instant at = WITH_OFFSET.matcher(iso).matches() ? withOffset(text, iso) : local(text, iso, zone);
        if (at.getNano() != 0) {
            throw new BadValue("import.time.fraction", "'" + text + "' has a fraction of a second; give whole "
                    + "seconds.", text);
        }
        return at;
    }

    /**
     * {@code text} without the site zone's name after it, as the console writes a site time ("2026-12-06 15:41:07
     * EAT") on a receipt: such a time can be typed as it reads. Another zone's name is left, and refused as no time.
     */
    private static String withoutSiteZone(String text, ZoneId zone) {
        int space = text.lastIndexOf(' ');
        if (space < 0) {
            return text;
        }
        String name = text.substring(space + 1);
        TimeZone rules = TimeZone.getTimeZone(zone);
        boolean site = name.equals(zone.getId())
                || name.equals(rules.getDisplayName(false, TimeZone.SHORT, Locale.ROOT))
                || name.equals(rules.getDisplayName(true, TimeZone.SHORT, Locale.ROOT));
        return site ? text.substring(0, space).strip() : text;
    }

    private static Instant withOffset(String text, String iso) throws BadValue {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException e) {
            throw new BadValue("import.time.offset", "'" + text + "' is not a time; write 2026-06-02T10:15:00+03:00, "
                    + "or the time in the site's zone without an offset.", text);
        }
    }

    private static Instant local(String text, String iso, ZoneId zone) throws BadValue {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(iso);
        } catch (DateTimeException e) {
            throw new BadValue("import.time.local", "'" + text + "' is not a time; write 2026-06-02T10:15 (site time, "
                    + zone.getId() + ") or 2026-06-02T10:15:00+03:00.", text, zone.getId());
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() != 1) {
            throw new BadValue(offsets.isEmpty() ? "import.time.skipped" : "import.time.twice", "'" + text + "' "
                    + (offsets.isEmpty() ? "never happened" : "happened twice") + " in " + zone.getId()
                    + ", where the clocks changed; give the time with its offset.", text, zone.getId());
        }
        return local.toInstant(offsets.get(0));
    }

    /** A register in kWh with at most 3 decimals, as whole Wh. */
    static long registerWh(String text) throws BadValue {
        BigDecimal kwh = decimal(text, "import.register.empty", "import.register.notNumber",
                "a register in kWh such as 1234.567");
        int decimals = Math.max(0, kwh.stripTrailingZeros().scale());
        if (decimals > WH_DECIMALS) {
            throw new BadValue("import.register.decimals", "'" + text + "' has " + decimals + " decimals; a register "
                    + "is read to the Wh, which is 3 decimals of a kWh.", text, decimals);
        }
        if (kwh.toBigInteger().toString().length() > MAX_KWH_DIGITS) {
            throw new BadValue("import.register.tooLarge", "'" + text + "' is more kWh than any meter's register "
                    + "holds; check the column.", text);
        }
        return kwh.movePointRight(WH_DECIMALS).longValueExact();
    }

    /** An amount in {@code currency}'s main unit, with no more decimals than its minor unit has, as minor units. */
    static long minorUnits(String text, String currency, long maxMinor) throws BadValue {
        BigDecimal amount = decimal(text, "import.amount.empty", "import.amount.notNumber",
                "an amount such as 250.00");
        int exponent = Currencies.exponent(currency);
        int decimals = Math.max(0, amount.stripTrailingZeros().scale());
        if (decimals > exponent) {
            throw new BadValue("import.amount.decimals", "'" + text + "' has " + decimals + " decimals; an amount in "
                    + currency + " has at most " + exponent + ".", text, decimals, currency, exponent);
        }
        BigDecimal minor = amount.movePointRight(exponent);
        if (minor.signum() == 0) {
            throw new BadValue("import.amount.zero", "the amount is 0; a payment is more than nothing.");
        }
        if (minor.compareTo(BigDecimal.valueOf(maxMinor)) > 0) {
            throw new BadValue("import.amount.tooLarge", "'" + text + "' is more than the most one payment may be ("
                    + Currencies.toDecimal(maxMinor, currency).toPlainString() + " " + currency + ").", text,
                    Sentence.money(maxMinor, currency));
        }
        return minor.longValueExact();
    }

    /**
     * @param empty the sentence's name for an empty value
     * @param notNumber the sentence's name for a value that is not a number
     */
    private static BigDecimal decimal(String text, String empty, String notNumber, String example) throws BadValue {
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadValue(text.isEmpty() ? empty : notNumber, (text.isEmpty()
                    ? "the value is empty" : "'" + text + "' is not a number") + "; write " + example
                    + ": digits and a point, no sign, comma, space or unit.", text.isEmpty() ? new Object[0]
                    : new Object[] {text});
        }
        return new BigDecimal(text);
    }
}
