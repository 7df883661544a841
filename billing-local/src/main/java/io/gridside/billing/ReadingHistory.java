package io.gridside.billing;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readings a site billed before now, by meter: what the engine looks back on when a gap in a meter's readings
 * closes, to know where the gap began and how the customer uses energy by time of day.
 *
 * <p>A gateway answers from its journal and a console's replay from the readings it pulled; both hold the same
 * readings, so both spread a gap alike.
 */
public interface ReadingHistory {

    /** A history that knows no reading: gaps are not found, and every reading is billed as it came. */
    ReadingHistory NONE = new ReadingHistory() {
        @Override
        public Optional<Instant> lastReadingEnd(String meterId, Instant notAfter) {
            return Optional.empty();
        }

        @Override
        public List<Reading> readings(String meterId, Instant from, Instant to) {
            return List.of();
        }
    };

    /** The end of the meter's last reading billed that ended at or before {@code notAfter}, if any. */
    Optional<Instant> lastReadingEnd(String meterId, Instant notAfter);

    /** The meter's readings whose intervals start in [{@code from}, {@code to}), in time order. */
    List<Reading> readings(String meterId, Instant from, Instant to);

    /** The history of {@code readings}, any meters and any order, held in memory. */
    static ReadingHistory of(List<Reading> readings) {
        Map<String, List<Reading>> byMeter = new HashMap<>();
        readings.forEach(reading -> byMeter.computeIfAbsent(reading.meterId(), id -> new ArrayList<>()).add(reading));
        byMeter.values().forEach(list -> list.sort(Comparator.comparing(Reading::intervalStart)));
        return new ReadingHistory() {
            @Override
            public Optional<Instant> lastReadingEnd(String meterId, Instant notAfter) {
                List<Reading> meter = byMeter.getOrDefault(meterId, List.of());
                int index = firstStartingAtOrAfter(meter, notAfter) - 1;
                // Intervals do not overlap, so the one starting last before notAfter is the last to end by it.
                for (int i = index; i >= 0; i--) {
                    if (!meter.get(i).intervalEnd().isAfter(notAfter)) {
                        return Optional.of(meter.get(i).intervalEnd());
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<Reading> readings(String meterId, Instant from, Instant to) {
                List<Reading> meter = byMeter.getOrDefault(meterId, List.of());
                return List.copyOf(meter.subList(firstStartingAtOrAfter(meter, from),
                        Math.max(firstStartingAtOrAfter(meter, from), firstStartingAtOrAfter(meter, to))));
            }
        };
    }

    /** The index of the first of {@code sorted} that starts at or after {@code at}, by binary search. */
    private static int firstStartingAtOrAfter(List<Reading> sorted, Instant at) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted.get(middle).intervalStart().isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
