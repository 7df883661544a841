package io.gridside.site.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/** The kinds of day a time-of-use band applies on; a holiday prices as a Sunday. */
public enum DayType {
    WEEKDAY,
    SATURDAY,
    SUNDAY_OR_HOLIDAY;

    /** The type of {@code day}, given the site's holidays. */
    public static DayType of(LocalDate day, Predicate<LocalDate> holidays) {
        if (holidays.test(day) || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return SUNDAY_OR_HOLIDAY;
        }
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : WEEKDAY;
    }
}
