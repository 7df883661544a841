package io.gridside.console.service;

import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The energy of a meter's gap that a gateway replacement billed, as the site database's readings show it: a meter's
 * readings follow on from each other (a reading that closes a gap of its own carries the register's whole rise), so
 * the one place the register rises between two readings without a reading to say so is where the new gateway began
 * from the register it read on site.
 */
final class GapEnergy {

    /** How far before the reconciliation the replaced gateway's last reading of a meter is looked for. */
    static final Duration LOOKBACK = Duration.ofDays(31);
    /** How far after the reconciliation the new gateway's first reading of a meter is looked for. */
    static final Duration LOOKAHEAD = Duration.ofDays(1);

    private GapEnergy() {
    }

    /**
     * The rise of the register between the last two readings, one after the other, that it does not follow on
     * across and of which the earlier ends by {@code reconciledAt}; 0 when there is none, as before the new gateway
     * sent its first reading of the meter.
     *
     * @param readings one meter's readings around the reconciliation, in any order
     */
    static long riseAt(List<Reading> readings, Instant reconciledAt) {
        List<Reading> ordered = readings.stream().sorted(Comparator.comparing(Reading::intervalEnd)).toList();
        long rise = 0;
        for (int i = 1; i < ordered.size(); i++) {
            Reading before = ordered.get(i - 1);
            Reading after = ordered.get(i);
            long jump = after.registerWh() - after.energyWh() - before.registerWh();
            if (!before.intervalEnd().isAfter(reconciledAt) && jump > 0) {
                rise = jump;
            }
        }
        return rise;
    }
}
