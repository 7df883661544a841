package io.gridside.link.message;

import java.time.Instant;
import java.util.List;
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
 * @param meshQueueDepth readings the mesh's radios hold on their way to the gateway, as far as it knows (schema 2)
 * @param backhaul whether the gateway's uplink to the operator (cellular, usually) is up
 * @param signalDbm the backhaul's received signal, or null while it is not up
 * @param clockOffsetMillis how far the gateway's clock is ahead of its time source (negative: behind) as of its
 *     last check, or null when it has never reached its time source since it started
 * @param clock the gateway's clock when it measured
 * @param traffic its meters' traffic in the last few quarter hours that have ended, oldest first (schema 2)
 */
public record GatewayHealth(long uptimeSeconds, int loadPerMille, long memoryUsedKib, long memoryTotalKib,
        int intakeQueueDepth, int meshQueueDepth, Backhaul backhaul, Integer signalDbm, Long clockOffsetMillis,
        Instant clock, List<Traffic> traffic) implements Message {

    /** The most quarter hours of traffic one report carries. */
    public static final int MAX_TRAFFIC = 8;

    /**
     * What the gateway counted of its meters' readings in one quarter hour: they are sent in a burst after it
     * and cross the mesh to the gateway's intake.
     *
     * @param opening the quarter hour after which the meters sent
     * @param sent readings the meters sent
     * @param arrived readings that reached the gateway's intake in the quarter hour
     * @param burstPer10s the most readings that reached the intake in any 10 seconds
     * @param peakIntakeDepth the most messages that waited at the intake at once
     * @param deepestMeshQueue the most frames one radio of the mesh held to forward at once
     * @param deepestMeshNode the node whose queue that was, or null when none held a frame
     * @param meshDropped readings the mesh dropped
     * @param intakeDropped messages the intake dropped
     * @param retries frames sent again on a hop
     * @param holds times a radio held a frame back because the next hop was full
     * @param medianLatencyMillis the median time from a meter sending to the reading's arrival at the intake
     * @param worstLatencyMillis the longest such time
     */
    public record Traffic(Instant opening, int sent, int arrived, int burstPer10s, int peakIntakeDepth,
            int deepestMeshQueue, String deepestMeshNode, int meshDropped, long intakeDropped, int retries,
            int holds, long medianLatencyMillis, long worstLatencyMillis) {

        /** @throws IllegalArgumentException when a count or a time is negative */
        public Traffic {
            Objects.requireNonNull(opening, "opening");
            if (sent < 0 || arrived < 0 || burstPer10s < 0 || peakIntakeDepth < 0 || deepestMeshQueue < 0
                    || meshDropped < 0 || intakeDropped < 0 || retries < 0 || holds < 0 || medianLatencyMillis < 0
                    || worstLatencyMillis < medianLatencyMillis) {
                throw new IllegalArgumentException("A quarter hour's traffic has no negative count, and its worst "
                        + "latency is at least its median.");
            }
        }
    }

    /** The state of the gateway's backhaul, written out by name on the wire. */
    public enum Backhaul {
        UP,
        DOWN,
        /** The gateway cannot tell, say while its modem restarts. */
        UNKNOWN
    }

    /**
     * @throws IllegalArgumentException when a count is negative, more memory is used than there is, a signal is
     *     given for a backhaul that is not up, or more than {@link #MAX_TRAFFIC} quarter hours of traffic
     */
    public GatewayHealth {
        Objects.requireNonNull(backhaul, "backhaul");
        Objects.requireNonNull(clock, "clock");
        traffic = List.copyOf(Objects.requireNonNull(traffic, "traffic"));
        if (uptimeSeconds < 0 || loadPerMille < 0 || memoryUsedKib < 0 || intakeQueueDepth < 0
                || meshQueueDepth < 0) {
            throw new IllegalArgumentException("Uptime, load, memory and queue depth are never negative.");
        }
        if (memoryUsedKib > memoryTotalKib) {
            throw new IllegalArgumentException("The gateway cannot use " + memoryUsedKib + " KiB of "
                    + memoryTotalKib + " KiB.");
        }
        if (signalDbm != null && backhaul != Backhaul.UP) {
            throw new IllegalArgumentException("A backhaul that is " + backhaul + " has no signal to report.");
        }
        if (traffic.size() > MAX_TRAFFIC) {
            throw new IllegalArgumentException("A health report carries at most " + MAX_TRAFFIC
                    + " quarter hours of traffic, not " + traffic.size() + ".");
        }
    }
}
