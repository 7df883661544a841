package io.gridside.link.session;

/**
 * Counters of one link since it opened.
 *
 * @param framesDropped frames that broke a framing rule (noise, truncation, bad checksum)
 * @param messagesMalformed intact frames whose message broke the protocol
 * @param framesMissed frames that arrived after a gap: a frame before them was lost or is late
 * @param retransmissions frames this side sent again because they were not acknowledged in time
 * @param roundTripNanos the smoothed round trip of frames to the peer and back, or -1 before it is measured
 */
public record LinkStats(
        long framesSent, long framesReceived, long framesDropped, long messagesMalformed, long framesMissed,
        long bytesSent, long retransmissions, long roundTripNanos) {
}
