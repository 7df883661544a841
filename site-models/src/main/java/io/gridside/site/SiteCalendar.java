package io.gridside.site;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The site's calendar of times when a customer whose credit runs out is not cut off: the night, the weekend and
 * the site's holidays, all in site time.
 *
 * <p>Its file form is text, one rule a line, {@code #} starting a comment:
 * <pre>
 * night 18:00-07:00          # from 18:00 to 07:00 the next morning; "night none" for no night grace
 * weekend SATURDAY SUNDAY    # the days of the weekend
 * holiday 2024-03-29 Good Friday   # a holiday on one date; any words after the date name it
 * every-year 12-25 Christmas # a holiday on the same day each year
 * </pre>
 *
 * @param nightStart when the night begins, or null for no night grace
 * @param nightEnd when it ends; before {@code nightStart} for a night across midnight
 */
public record SiteCalendar(LocalTime nightStart, LocalTime nightEnd, Set<DayOfWeek> weekend,
        Set<LocalDate> holidays, Set<MonthDay> yearlyHolidays) {

    /** A calendar without grace: credit running out disconnects at any time. */
    public static final SiteCalendar NONE = new SiteCalendar(null, null, Set.of(), Set.of(), Set.of());

    public SiteCalendar {
        if ((nightStart == null) != (nightEnd == null) || nightStart != null && nightStart.equals(nightEnd)) {
            throw new IllegalArgumentException("nightStart and nightEnd must both be given and differ, or neither");
        }
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        yearlyHolidays = Set.copyOf(yearlyHolidays);
    }

    /** Whether {@code local}, a site time, falls in the night, on the weekend or on a holiday. */
    public boolean isGrace(LocalDateTime local) {
        return isNight(local.toLocalTime()) || isDayOff(local.toLocalDate());
    }

    /** Whether {@code day} is a weekend day or a holiday. */
    public boolean isDayOff(LocalDate day) {
        return weekend.contains(day.getDayOfWeek()) || isHoliday(day);
    }

    /** Whether {@code day} is one of the calendar's holidays, dated or yearly (weekends aside). */
    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day) || yearlyHolidays.contains(MonthDay.from(day));
    }

    private boolean isNight(LocalTime time) {
        if (nightStart == null) {
            return false;
        }
        if (nightStart.isBefore(nightEnd)) {
            return !time.isBefore(nightStart) && time.isBefore(nightEnd);
        }
        return !time.isBefore(nightStart) || time.isBefore(nightEnd);
    }

    /** Reads a calendar from its file form; a bad line fails naming its number. */
    public static SiteCalendar parse(String text) {
        Parser parser = new Parser();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                parser.line(lines[i]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("Site calendar line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return parser.calendar();
    }

    /** The file form of this calendar, which {@link #parse} reads back to an equal calendar. */
    public String format() {
        List<String> lines = new ArrayList<>();
        lines.add("night " + (nightStart == null ? "none" : nightStart + "-" + nightEnd));
        StringBuilder days = new StringBuilder("weekend");
        new TreeSet<>(weekend).forEach(day -> days.append(' ').append(day));
        lines.add(days.toString());
        new TreeSet<>(holidays).forEach(day -> lines.add("holiday " + day));
        new TreeSet<>(yearlyHolidays).forEach(day -> lines.add("every-year " + day.toString().substring(2)));
        return String.join("\n", lines) + "\n";
    }

    /** Collects the rules of a calendar file, line by line. */
    private static final class Parser {
        private LocalTime nightStart;
        private LocalTime nightEnd;
        private final Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Set<MonthDay> yearly = new TreeSet<>();

        void line(String raw) {
            int comment = raw.indexOf('#');
            String[] words = (comment >= 0 ? raw.substring(0, comment) : raw).trim().split("\\s+");
            if (words[0].isEmpty()) {
                return;
            }
            switch (words[0]) {
                case "night" -> night(words);
                case "weekend" -> {
                    for (int i = 1; i < words.length; i++) {
                        weekend.add(DayOfWeek.valueOf(words[i].toUpperCase(Locale.ROOT)));
                    }
                }
                case "holiday" -> holidays.add(LocalDate.parse(argument(words)));
                case "every-year" -> yearly.add(MonthDay.parse("--" + argument(words)));
                default -> throw new IllegalArgumentException("'" + words[0]
                        + "' is not a rule; a line starts with night, weekend, holiday or every-year.");
            }
        }

        private void night(String[] words) {
            String span = argument(words);
            if (span.equals("none")) {
                nightStart = null;
                nightEnd = null;
                return;
            }
            String[] ends = span.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("night must be HH:MM-HH:MM or none, was '" + span + "'.");
            }
            nightStart = LocalTime.parse(ends[0]);
            nightEnd = LocalTime.parse(ends[1]);
        }

        private static String argument(String[] words) {
            if (words.length < 2) {
                throw new IllegalArgumentException("'" + words[0] + "' needs a value.");
            }
            return Objects.requireNonNull(words[1]);
        }

        SiteCalendar calendar() {
            return new SiteCalendar(nightStart, nightEnd, weekend, holidays, yearly);
        }
    }
}
