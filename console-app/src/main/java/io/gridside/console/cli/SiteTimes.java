package io.gridside.console.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times a technician types on the command line: in the site's time zone unless they say otherwise. */
final class SiteTimes {

    private SiteTimes() {
    }

    /**
     * An instant with an offset or Z, a date and time in {@code zone}, or (when {@code datesToo}) a date alone:
     * its start, or the start of the next day when {@code endOfDay}. A space may stand for the T between a date and
     * its time.
     *
     * @throws UsageException naming {@code option} when {@code typed} is none of these
     */
    static Instant parse(String option, String typed, ZoneId zone, boolean datesToo, boolean endOfDay) {
        // "2026-06-03 18:00", as the imports and the console's own output write times, reads as 2026-06-03T18:00.
        String text = typed.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)", "$1T$2");
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeException notDateTime) {
                if (datesToo) {
                    try {
                        LocalDate date = LocalDate.parse(text);
                        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
                    } catch (DateTimeException notDate) {
                        throw new UsageException(option + " takes a date such as 2026-06-03 or a date and time "
                                + "such as 2026-06-03T18:00; '" + text + "' is neither.", notDate);
                    }
                }
                throw new UsageException(option + " takes a date and time such as 2026-06-03T09:30, or with an "
                        + "offset or Z; '" + text + "' is not one.", notDateTime);
            }
        }
    }
}
