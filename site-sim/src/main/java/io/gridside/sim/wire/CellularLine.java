package io.gridside.sim.wire;

import java.util.SplittableRandom;

/**
 * When each byte of one direction of a cellular link reaches the far end, and what it cost on the wire: the
 * arithmetic only, with no clock and no threads, so a test reads exact instants from it.
 *
 * <p>The stream is cut into segments at fixed offsets ({@code segmentBytes} apart), so the same bytes meet the same
 * losses however the sender splits its writes; a segment handed over in pieces is sent as pieces, each of which
 * shares its segment's fate. A segment lost on an attempt has cost its bytes on the wire; the line then carries
 * nothing of this direction for the retransmission timeout (waited once a loss, at the segment's first piece), and
 * sends it again, when it may be lost again. Bytes leave back to back at the line rate and arrive {@code delay}
 * after they left, in order.
 *
 * <p>KNOWN SHORTCOMING: it is no TCP stack: no congestion window, slow start, fast retransmit or acknowledgements,
 * so a loss always costs a whole timeout with the line idle (a bound on what a loss costs, not the usual cost), and
 * neither headers nor acknowledgements are counted on the wire.
 */
final class CellularLine {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** A segment lost this many times in a row is taken as delivered on the next: a bound, never reached at 1%. */
    private static final int MOST_ATTEMPTS = 16;

    private final long bitsPerSecond;
    private final long delay;
    private final double loss;
    private final int segmentBytes;
    private final long retransmissionTimeout;
    private final SplittableRandom random;
    private long freeAt = Long.MIN_VALUE;
    private long streamOffset;
    private int segmentLosses;
    private long payloadBytes;
    private long wireBytes;
    private long segments;
    private long segmentsLost;

    CellularLine(long bitsPerSecond, CellularProfile profile, SplittableRandom random) {
        this.bitsPerSecond = bitsPerSecond;
        this.delay = profile.delay().toNanos();
        this.loss = profile.segmentLoss();
        this.segmentBytes = profile.segmentBytes();
        this.retransmissionTimeout = profile.retransmissionTimeout().toNanos();
        this.random = random;
    }

    /**
     * Sends {@code count} bytes handed over at {@code now} behind every byte sent before.
     *
     * @return the instant the last of them reaches the far end
     */
    long send(long now, int count) {
        long arrival = Math.max(now, freeAt) + delay;
        int done = 0;
        while (done < count) {
            int within = (int) (streamOffset % segmentBytes);
            if (within == 0) {
                segments++;
                segmentLosses = drawLosses();
                segmentsLost += segmentLosses;
            }
            int piece = Math.min(count - done, segmentBytes - within);
            long end = Math.max(now, freeAt) + lineTime(piece);
            for (int i = 0; i < segmentLosses; i++) {
                end += lineTime(piece) + (within == 0 ? retransmissionTimeout : 0);
            }
            wireBytes += (long) piece * (1 + segmentLosses);
            payloadBytes += piece;
            freeAt = end;
            arrival = end + delay;
            streamOffset += piece;
            done += piece;
        }
        return arrival;
    }

    private int drawLosses() {
        int losses = 0;
        while (loss > 0 && losses < MOST_ATTEMPTS && random.nextDouble() < loss) {
            losses++;
        }
        return losses;
    }

    /** How long {@code bytes} take to leave at the line rate, rounded up to the nanosecond. */
    private long lineTime(long bytes) {
        if (bitsPerSecond == 0) {
            return 0;
        }
        return LineSchedule.mulDivCeil(bytes * 8, NANOS_PER_SECOND, bitsPerSecond);
    }

    CellularCounts counts() {
        return new CellularCounts(payloadBytes, wireBytes, segments, segmentsLost);
    }
}
