package io.gridside.console.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesFromOneSecondUpToFiveMinutes() {
        Backoff backoff = Backoff.standard(new SplittableRandom(1));

        assertThat(IntStream.rangeClosed(1, 10).mapToObj(backoff::ceiling).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L);
        assertThat(backoff.ceiling(1_000)).isEqualTo(Backoff.CAP);
    }

    @Test
    void eachWaitIsDrawnBetweenNothingAndItsCeiling() {
        Backoff backoff = Backoff.standard(new SplittableRandom(5));

        long[] waits = IntStream.range(0, 500).mapToLong(i -> backoff.delay(9).toMillis()).toArray();

        assertThat(Arrays.stream(waits).min().orElseThrow()).isNotNegative();
        assertThat(Arrays.stream(waits).max().orElseThrow()).isLessThanOrEqualTo(256_000L);
        assertThat(IntStream.range(0, waits.length).filter(i -> waits[i] < 128_000).count())
                .as("full jitter spreads the waits over the whole range").isBetween(150L, 350L);
    }
}
