package io.gridside.billing.rerate;

import io.gridside.site.Reading;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One interval that rating charges for: a reading the meter sent, or an estimate that stands in for one until it
 * does. Both rate alike; an estimate carries how it was made, so that re-rating can say why a charge moved.
 *
 * @param estimate how the interval's energy was estimated, or null for a reading the meter sent
 */
public record RatedInterval(Reading reading, EstimateMethod estimate) {

    public RatedInterval {
        Objects.requireNonNull(reading, "reading");
    }

    /** A reading the meter sent. */
    public static RatedInterval actual(Reading reading) {
        return new RatedInterval(reading, null);
    }

    /**
     * The intervals of a gap as VEE spread it, each an estimate flagged with the gap's method, their registers
     * running up from the read before the gap to the read after it.
     */
    public static List<RatedInterval> of(GapEstimate gap) {
        List<RatedInterval> intervals = new ArrayList<>(gap.intervals());
        long register = gap.openingRegisterWh();
        for (int i = 0; i < gap.intervals(); i++) {
            long energy = gap.energiesWh().get(i);
            register = Math.addExact(register, energy);
            Reading reading = new Reading(gap.meterId(), gap.gapStart().plus(Reading.INTERVAL.multipliedBy(i)),
                    energy, register);
            intervals.add(new RatedInterval(reading, gap.method()));
        }
        return intervals;
    }

    public boolean estimated() {
        return estimate != null;
    }
}
