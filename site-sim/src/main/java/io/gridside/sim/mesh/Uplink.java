package io.gridside.sim.mesh;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.Objects;

/** A message that a meter sends up the mesh to its gateway. */
public sealed interface Uplink {

    /** The meter that sent it. */
    String meterId();

    /**
     * A meter's reading of the interval that has just ended: its register, from which the gateway bills, and what
     * it measured of the interval's voltage and peak power.
     *
     * @param intervalStart the start of the interval it closes
     * @param registerWh the meter's cumulative energy register at the interval's end
     * @param quality the interval's voltage and peak power, or null from a meter that does not measure them
     */
    record IntervalRead(String meterId, Instant intervalStart, long registerWh, Reading.Quality quality)
            implements Uplink {

        public IntervalRead {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(intervalStart, "intervalStart");
        }
    }

    /**
     * An event a meter raises on its own, such as a tamper or an alarm; a faulty meter may raise them in a loop.
     *
     * @param kind what the meter reports, such as {@code tamper}
     * @param number the meter's count of the events it has sent, from 1
     */
    record MeterEvent(String meterId, String kind, long number) implements Uplink {

        public MeterEvent {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
