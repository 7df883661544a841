package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {

    private static final long MS = 1_000_000L;

    private final RttEstimator rtt = new RttEstimator(Duration.ofSeconds(1), Duration.ofMillis(100),
            Duration.ofSeconds(10));

    @Test
    void usesTheInitialTimeoutUntilTheFirstMeasurement() {
        assertThat(rtt.smoothedNanos()).isEqualTo(-1);
        assertThat(rtt.timeoutNanos(1)).isEqualTo(1_000 * MS);
    }

    @Test
    void takesTheFirstMeasurementAsTheRoundTripWithHalfOfItAsItsVariation() {
        rtt.sample(200 * MS);

        assertThat(rtt.smoothedNanos()).isEqualTo(200 * MS);
        // 200 + 4 x 100
        assertThat(rtt.timeoutNanos(1)).isEqualTo(600 * MS);
    }

    @Test
    void smoothsLaterMeasurementsAsTheRfcSays() {
        rtt.sample(200 * MS);

        rtt.sample(280 * MS);

        // variation = 3/4 x 100 + 1/4 x |200 - 280| = 95; smoothed = 7/8 x 200 + 1/8 x 280 = 210
        assertThat(rtt.smoothedNanos()).isEqualTo(210 * MS);
        assertThat(rtt.timeoutNanos(1)).isEqualTo((210 + 4 * 95) * MS);
    }

    @Test
    void neverGoesBelowTheFloorOrAboveTheCeiling() {
        rtt.sample(1 * MS);
        assertThat(rtt.timeoutNanos(1)).isEqualTo(100 * MS);

        RttEstimator slow = new RttEstimator(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(10));
        slow.sample(9_000 * MS);
        assertThat(slow.timeoutNanos(1)).isEqualTo(10_000 * MS);
    }

    @Test
    void doublesTheTimeoutForEachTransmissionOfAFrameUpToTheCeiling() {
        rtt.sample(200 * MS);

        assertThat(rtt.timeoutNanos(2)).isEqualTo(1_200 * MS);
        assertThat(rtt.timeoutNanos(3)).isEqualTo(2_400 * MS);
        assertThat(rtt.timeoutNanos(10)).isEqualTo(10_000 * MS);
        assertThat(rtt.timeoutNanos(1_000)).isEqualTo(10_000 * MS);
    }

    @Test
    void keepsABackedOffTimeoutUntilTheNextMeasurement() {
        rtt.sample(200 * MS);

        rtt.backOff();
        assertThat(rtt.timeoutNanos(1)).isEqualTo(1_200 * MS);
        rtt.backOff();
        assertThat(rtt.timeoutNanos(1)).isEqualTo(2_400 * MS);

        rtt.sample(200 * MS);
        // variation = 3/4 x 100 + 0 = 75, smoothed 200
        assertThat(rtt.timeoutNanos(1)).isEqualTo(500 * MS);
    }

    @Test
    void backsOffNoFurtherThanTheCeiling() {
        for (int i = 0; i < 100; i++) {
            rtt.backOff();
        }

        assertThat(rtt.timeoutNanos(1)).isEqualTo(10_000 * MS);
    }
}
