package io.gridside.link.session;

import io.gridside.link.transport.TransportKind;
import java.time.Duration;

/**
 * How a link paces and protects itself on one kind of transport.
 *
 * @param fragmentPayload the largest payload of one frame: small on a noisy serial line, where a corrupted
 *     frame costs its whole length again, large on TCP
 * @param window how many frames may be sent and not yet acknowledged, and how many the receiver buffers
 * @param queueLimitBytes how many bytes of messages may wait to be sent in each priority class before a sender
 *     of that class is made to wait
 * @param initialRto the retransmission timeout before the first round trip is measured
 * @param minRto the floor of the retransmission timeout
 * @param maxRto the ceiling of the retransmission timeout
 */
public record LinkOptions(int fragmentPayload, int window, int queueLimitBytes, Duration initialRto,
        Duration minRto, Duration maxRto) {

    /** The largest message a link carries, in bytes, once its fragments are put back together. */
    public static final int MAX_MESSAGE = 1 << 20;

    public LinkOptions {
        if (fragmentPayload < 64 || fragmentPayload > io.gridside.link.frame.Frame.MAX_PAYLOAD) {
            throw new IllegalArgumentException("fragmentPayload must be between 64 and 16384, was "
                    + fragmentPayload);
        }
        if (window < 1 || window > 4096) {
            throw new IllegalArgumentException("window must be between 1 and 4096 frames, was " + window);
        }
    }

    /** Settings measured for each transport: 1 KiB fragments on serial, 16 KiB on TCP. */
    public static LinkOptions forTransport(TransportKind kind) {
        if (kind == TransportKind.SERIAL) {
            return new LinkOptions(1024, 48, 64 * 1024, Duration.ofSeconds(1), Duration.ofMillis(300),
                    Duration.ofSeconds(10));
        }
        return new LinkOptions(16 * 1024, 64, 512 * 1024, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }
}
