package io.gridside.link.message;

import java.time.Instant;
import java.util.Objects;

/**
 * The gateway's own health as it measures it when asked, so that a technician sees a struggling gateway before
 * its meters' readings go missing.
 *
 * @param uptimeSeconds seconds since the gateway last started
 * @param loadPerMille the processor load averaged over the last minute, in thousandths of one core: 1000 is one
 *     core busy all the time, and more means work waited
 * @param memoryUsedKib memory in use, in KiB
 * @param memoryTotalKib memory the gateway has, in KiB; at least {@code memoryUsedKib}
 * @param intakeQueueDepth messages from the meters that wait at the gateway's intake to be served
 * @param backhaul whether the gateway's uplink to the operator (cellular, usually) is up
 * @param signalDbm the backhaul's received signal, or null while it is not up
 * @param clockOffsetMillis how far the gateway's clock is ahead of its time source (negative: behind) as of its
 *     last check, or null when it has never reached its time source since it started
 * @param clock the gateway's clock when it measured
 */
public record GatewayHealth(long uptimeSeconds, int loadPerMille, long memoryUsedKib, long memoryTotalKib,
        int intakeQueueDepth, Backhaul backhaul, Integer signalDbm, Long clockOffsetMillis, Instant clock)
        implements Message {

    /** The state of the gateway's backhaul, written out by name on the wire. */
    public enum Backhaul {
        UP,
        DOWN,
        /** The gateway cannot tell, say while its modem restarts. */
        UNKNOWN
    }

    /**
     * @throws IllegalArgumentException when a count is negative, more memory is used than there is, or a signal
     *     is given for a backhaul that is not up
     */
    public GatewayHealth {
        Objects.requireNonNull(backhaul, "backhaul");
        Objects.requireNonNull(clock, "clock");
        if (uptimeSeconds < 0 || loadPerMille < 0 || memoryUsedKib < 0 || intakeQueueDepth < 0) {
            throw new IllegalArgumentException("Uptime, load, memory and queue depth are never negative.");
        }
        if (memoryUsedKib > memoryTotalKib) {
            throw new IllegalArgumentException("The gateway cannot use " + memoryUsedKib + " KiB of "
                    + memoryTotalKib + " KiB.");
        }
        if (signalDbm != null && backhaul != Backhaul.UP) {
            throw new IllegalArgumentException("A backhaul that is " + backhaul + " has no signal to report.");
        }
    }
}
