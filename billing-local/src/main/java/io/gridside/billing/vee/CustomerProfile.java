package io.gridside.billing.vee;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;

/**
 * A customer's own use by time of day and day type: the mean energy of each quarter hour of the day, on weekdays
 * and on weekends apart, over the actual (not estimated) intervals of the weeks before a gap.
 *
 * <p>Day types are weekday and weekend (Saturday and Sunday) in the site's time zone; the site's holidays are not
 * counted as weekends yet, because the site calendar is not read here. A quarter hour that the customer's own day
 * type has no reads of takes its mean over both day types.
 */
public final class CustomerProfile {

    /** How far back before a gap the actual intervals count. */
    public static final Duration LOOKBACK = Duration.ofDays(28);

    private static final int SLOTS = 96;
    private static final int DAY_TYPES = 2;
    /** Means are kept in thousandths of a Wh so that small means still weigh apart. */
    private static final long MILLI = 1_000;

    private final ZoneId zone;
    private final long[] sums = new long[DAY_TYPES * SLOTS];
    private final long[] counts = new long[DAY_TYPES * SLOTS];

    private CustomerProfile(ZoneId zone) {
        this.zone = zone;
    }

    /** The profile of the intervals in [gapStart - {@link #LOOKBACK}, gapStart) of {@code intervals}. */
    public static CustomerProfile before(Instant gapStart, List<ActualInterval> intervals, ZoneId zone) {
        CustomerProfile profile = new CustomerProfile(zone);
        Instant from = gapStart.minus(LOOKBACK);
        for (ActualInterval interval : intervals) {
            if (!interval.start().isBefore(from) && interval.start().isBefore(gapStart)) {
                int key = profile.key(interval.start());
                profile.sums[key] += interval.energyWh();
                profile.counts[key]++;
            }
        }
        return profile;
    }

    /**
     * The weight of the quarter hour starting at {@code start}: the mean energy of its slot in thousandths of a Wh,
     * of its own day type or else of both; empty when the customer has no actual read of that quarter hour at all.
     */
    public OptionalLong weight(Instant start) {
        int key = key(start);
        if (counts[key] > 0) {
            return OptionalLong.of(sums[key] * MILLI / counts[key]);
        }
        int slot = key % SLOTS;
        long sum = 0;
        long count = 0;
        for (int type = 0; type < DAY_TYPES; type++) {
            sum += sums[type * SLOTS + slot];
            count += counts[type * SLOTS + slot];
        }
        return count > 0 ? OptionalLong.of(sum * MILLI / count) : OptionalLong.empty();
    }

    private int key(Instant start) {
        ZonedDateTime local = start.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        int type = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1 : 0;
        int slot = (local.getHour() * 60 + local.getMinute()) / 15;
        return type * SLOTS + slot;
    }
}
