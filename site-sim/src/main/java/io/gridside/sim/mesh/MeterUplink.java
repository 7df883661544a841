package io.gridside.sim.mesh;

import java.time.Duration;

/**
 * What the gateway's intake has done with one meter's messages so far.
 *
 * @param depth how many of its messages wait in the gateway's queue
 * @param served how many of its messages the gateway has served, readings and events
 * @param dropped how many of its messages were dropped because its own queue was full
 * @param lateReadings how many of its readings were served after their own window, so were not billed
 * @param worstReadingSlots the most service slots any of its on-time readings took from its window's start to
 *     being served, its own slot included; 0 before its first reading
 */
public record MeterUplink(String meterId, int depth, long served, long dropped, long lateReadings,
        int worstReadingSlots) {

    /** {@link #worstReadingSlots()} in the gateway's simulated time. */
    public Duration worstReadingWait() {
        return GatewayIntake.SLOT.multipliedBy(worstReadingSlots);
    }
}
