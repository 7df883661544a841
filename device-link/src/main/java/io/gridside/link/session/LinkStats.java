package io.gridside.link.session;

/**
 * Counters of one link since it opened.
 *
 * @param framesDropped frames that broke a framing rule (noise, truncation, bad checksum)
 * @param messagesMalformed intact frames whose message broke the protocol
 * @param framesMissed gaps in the peer's frame sequence: frames lost on the way
 */
public record LinkStats(
        long framesSent, long framesReceived, long framesDropped, long messagesMalformed, long framesMissed,
        long bytesSent) {
}
