package io.gridside.sim.replace;

import io.gridside.link.message.RegistersRead;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Meters M1 and M2 that send {@value #WH_PER_QUARTER_HOUR} Wh every quarter hour, and whose relays follow the
 * commands of a customer without credit: M2's reads back OFF. What they read is a function of the time alone, as
 * a simulated site's meters are of its seed and time, so a replacement started again reads the same.
 */
final class ScriptedMeters implements MeterRegisters {

    static final long WH_PER_QUARTER_HOUR = 1_000;

    @Override
    public Optional<RegistersRead.Register> read(String meterId, Instant at) {
        Instant last = Reading.intervalStartOf(at);
        return Optional.of(new RegistersRead.Register(meterId, register(last), last));
    }

    @Override
    public List<Reading> readings(Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        for (Instant start = Reading.intervalStartOf(from); start.isBefore(to); start = start.plus(
                Reading.INTERVAL)) {
            for (String meterId : List.of("M1", "M2")) {
                readings.add(new Reading(meterId, start, WH_PER_QUARTER_HOUR,
                        register(start.plus(Reading.INTERVAL)), null));
            }
        }
        return readings;
    }

    @Override
    public Optional<RelayState> relay(String meterId) {
        return Optional.of(meterId.equals("M2") ? RelayState.OFF : RelayState.ON);
    }

    private static long register(Instant end) {
        return end.getEpochSecond() / Reading.INTERVAL.toSeconds() * WH_PER_QUARTER_HOUR;
    }
}
