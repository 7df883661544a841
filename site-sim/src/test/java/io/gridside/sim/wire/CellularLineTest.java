package io.gridside.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cellular link's arithmetic: line rate, delay, and lost segments that cost their bytes again and a timeout. */
class CellularLineTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    /** 256 kbit/s, 150 ms each way, segments of 1,400 bytes, a 500 ms retransmission timeout. */
    private static final CellularProfile RURAL = CellularProfile.rural(1);

    private static CellularLine up(CellularProfile profile) {
        return new CellularLine(profile.upBitsPerSecond(), profile, new SplittableRandom(profile.seed()));
    }

    @Test
    void carriesThirtyTwoThousandBytesInOneSecondAt256KilobitsPlusTheDelay() {
        CellularLine line = up(RURAL.withSegmentLoss(0));

        long arrival = line.send(0, 32_000);

        assertThat(arrival).isEqualTo(SECOND + 150 * MS);
        assertThat(line.counts()).isEqualTo(new CellularCounts(32_000, 32_000, 23, 0));
    }

    @Test
    void addsTheDelayOnceToBytesSentBackToBackAndAgainAfterAnIdleLine() {
        CellularLine line = up(RURAL.withSegmentLoss(0));

        long first = line.send(0, 1_400);
        long second = line.send(0, 1_400);
        long afterIdle = line.send(10 * SECOND, 1_400);

        assertThat(first).isEqualTo(43_750_000 + 150 * MS);
        assertThat(second).isEqualTo(2 * 43_750_000 + 150 * MS);
        assertThat(afterIdle).isEqualTo(10 * SECOND + 43_750_000 + 150 * MS);
    }

    @Test
    void aLostSegmentCostsItsBytesAgainAndWaitsTheRetransmissionTimeout() {
        CellularLine line = up(RURAL.withSegmentLoss(0.3).withSeed(5));

        long arrival = line.send(0, 140_000);

        CellularCounts counts = line.counts();
        assertThat(counts.segments()).isEqualTo(100);
        assertThat(counts.segmentsLost()).isBetween(15L, 50L);
        assertThat(counts.payloadBytes()).isEqualTo(140_000);
        assertThat(counts.wireBytes()).isEqualTo(140_000 + 1_400 * counts.segmentsLost());
        // Every byte on the wire at 32,000 bytes a second, a timeout per loss, the delay once.
        long lineTime = counts.wireBytes() * SECOND / 32_000;
        assertThat(arrival).isEqualTo(lineTime + counts.segmentsLost() * 500 * MS + 150 * MS);
    }

    @Test
    void theSameSeedLosesTheSameSegmentsHoweverTheSenderSplitsItsWrites() {
        CellularProfile lossy = RURAL.withSegmentLoss(0.2).withSeed(9);
        CellularLine whole = up(lossy);
        CellularLine pieces = up(lossy);

        long wholeArrival = whole.send(0, 70_000);
        long pieceArrival = 0;
        for (int sent = 0; sent < 70_000; sent += 700) {
            pieceArrival = pieces.send(0, 700);
        }

        assertThat(pieces.counts().wireBytes()).isEqualTo(whole.counts().wireBytes());
        assertThat(pieces.counts().segmentsLost()).isEqualTo(whole.counts().segmentsLost()).isPositive();
        assertThat(pieceArrival).isEqualTo(wholeArrival);
    }

    @Test
    void losesAboutOneSegmentInAHundredAtOnePercent() {
        CellularLine line = up(RURAL);

        line.send(0, 20_000 * 1_400);

        assertThat(line.counts().segments()).isEqualTo(20_000);
        assertThat(line.counts().segmentsLost()).isBetween(160L, 240L);
    }

    @Test
    void anUnlimitedLineDeliversAtOnceAndOnlyCounts() {
        CellularLine line = up(CellularProfile.unlimited());

        assertThat(line.send(7 * SECOND, 5_000)).isEqualTo(7 * SECOND);
        assertThat(line.counts()).isEqualTo(new CellularCounts(5_000, 5_000, 4, 0));
    }

    @Test
    void eachDirectionHasItsOwnRate() {
        CellularProfile profile = RURAL.withSegmentLoss(0).withDelay(Duration.ZERO);
        CellularLine down = new CellularLine(profile.downBitsPerSecond(), profile, new SplittableRandom(1));

        assertThat(down.send(0, 125_000)).isEqualTo(SECOND);
        assertThat(up(profile).send(0, 32_000)).isEqualTo(SECOND);
    }
}
