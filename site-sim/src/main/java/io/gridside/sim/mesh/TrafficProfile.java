package io.gridside.sim.mesh;

import java.time.Duration;

/**
 * How the meters and their radios send: the figures {@link MeshTraffic} runs on.
 *
 * @param jitter the spread of the meters' sending after each quarter hour: each meter sends at a time drawn
 *     evenly from it, afresh every interval
 * @param attempt the air time of one attempt on a hop, the frame and its acknowledgement
 * @param maxAttempts the most attempts a radio makes in a row to send a frame over one hop before it backs off
 * @param queueLimit the most frames one radio holds to forward
 * @param maxHolds how often a radio may back off with a frame, from a full next hop or a failed hop, before it
 *     drops it
 */
public record TrafficProfile(Duration jitter, Duration attempt, int maxAttempts, int queueLimit, int maxHolds) {

    /**
     * Meters that send within two minutes of the quarter hour, as AMI meters spread their pushes so the gateway
     * is not hit at once; a hop of about 110 bytes at 150 kbit/s with its acknowledgement and the channel check
     * before it, 12 ms; eight attempts, the most IEEE 802.15.4 allows (seven retries); 16 frames a radio; and ten
     * holds, backing off from 1 s and doubling up to 32 s, about three minutes in all.
     */
    public static final TrafficProfile AMI = new TrafficProfile(Duration.ofMinutes(2), Duration.ofMillis(12), 8, 16,
            10);

    /** @throws IllegalArgumentException for a figure out of range */
    public TrafficProfile {
        if (jitter.toMillis() < 1 || jitter.compareTo(Duration.ofMinutes(10)) > 0 || attempt.toMillis() < 1
                || maxAttempts < 1 || queueLimit < 1 || maxHolds < 0) {
            throw new IllegalArgumentException("A traffic profile sends within 1 ms to 10 min of the quarter hour, "
                    + "takes at least 1 ms an attempt, and makes at least one attempt into a queue of at least one.");
        }
    }

    /** The same radios, with the meters sending within {@code spread} of the quarter hour. */
    public TrafficProfile withJitter(Duration spread) {
        return new TrafficProfile(spread, attempt, maxAttempts, queueLimit, maxHolds);
    }
}
