package io.gridside.billing.rerate;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A meter's readings as billed, with the registers a supervisor corrected in place of those the meter sent. A
 * corrected register moves energy between the reading it ends and the one after it; the register's rise over both
 * stays what the meter counted, so a correction moves money only by when the energy is priced.
 */
public final class CorrectedReadings {

    private CorrectedReadings() {
    }

    /**
     * The readings with each corrected register in place.
     *
     * @param meterReadings one meter's readings, in time order
     * @param corrected the corrected registers by the end of the reading each replaces
     * @throws IllegalArgumentException when a correction would make a register run backwards
     */
    public static List<Reading> apply(List<Reading> meterReadings, Map<Instant, Long> corrected) {
        if (corrected.isEmpty()) {
            return meterReadings;
        }
        List<Reading> result = new ArrayList<>(meterReadings);
        for (int i = 0; i < result.size(); i++) {
            Reading reading = result.get(i);
            Long register = corrected.get(reading.intervalEnd());
            if (register == null || register == reading.registerWh()) {
                continue;
            }
            long moved = register - reading.registerWh();
            // Quality is dropped: the meter's peak power says nothing of energy it did not count in the quarter hour.
            result.set(i, new Reading(reading.meterId(), reading.intervalStart(), reading.energyWh() + moved,
                    register));
            if (i + 1 < result.size() && result.get(i + 1).intervalStart().equals(reading.intervalEnd())) {
                Reading next = result.get(i + 1);
                result.set(i + 1, new Reading(next.meterId(), next.intervalStart(), next.energyWh() - moved,
                        next.registerWh()));
            }
        }
        return result;
    }
}
