package io.gridside.sim;

import io.gridside.site.Reading;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One quarter hour as the site's people live it: its number, which seeds its randomness, and the local day, time
 * and kind of day, worked out once for all meters.
 *
 * @param interval the interval's number since the epoch
 * @param epochDay the local date's day number, which seeds each customer's day-to-day variation
 * @param minuteOfDay the local minute of the day at which the interval starts
 * @param dayType {@link Appliance#WEEKDAY}, {@link Appliance#SATURDAY} or {@link Appliance#SUNDAY}
 */
record LocalInterval(long interval, long epochDay, int minuteOfDay, int dayType) {

    static LocalInterval of(Instant start, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        DayOfWeek day = local.getDayOfWeek();
        int dayType = switch (day) {
            case SATURDAY -> Appliance.SATURDAY;
            case SUNDAY -> Appliance.SUNDAY;
            default -> Appliance.WEEKDAY;
        };
        return new LocalInterval(start.getEpochSecond() / Reading.INTERVAL.toSeconds(),
                local.toLocalDate().toEpochDay(), local.getHour() * 60 + local.getMinute(), dayType);
    }
}
