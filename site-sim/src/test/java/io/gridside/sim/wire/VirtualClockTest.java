package io.gridside.sim.wire;

import static io.gridside.sim.wire.WireIo.inBackground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VirtualClockTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void wakesASleeperOnlyOnceMovedToItsInstant() throws Exception {
        try (VirtualClock clock = VirtualClock.manual()) {
            CompletableFuture<Long> sleeper = inBackground(() -> {
                clock.sleepUntil(SECOND);
                return clock.now();
            });

            clock.advance(Duration.ofMillis(999));
            assertThat(sleeper).isNotDone();
            clock.advance(Duration.ofMillis(1));

            assertThat(sleeper.get()).isEqualTo(SECOND);
        }
    }

    @Test
    void neverGoesBack() {
        try (VirtualClock clock = VirtualClock.manual()) {
            clock.advanceTo(5);

            assertThatThrownBy(() -> clock.advanceTo(4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("never goes back");
            assertThat(clock.now()).isEqualTo(5);
        }
    }

    @Test
    void movesItselfToEachInstantWaitedForAndNoFurther() throws Exception {
        try (VirtualClock clock = VirtualClock.autoAdvancing()) {
            CompletableFuture<Long> early = inBackground(() -> {
                clock.sleepUntil(3 * SECOND);
                return clock.now();
            });
            CompletableFuture<Long> late = inBackground(() -> {
                clock.sleepUntil(5 * SECOND);
                return clock.now();
            });

            assertThat(early.get()).isBetween(3 * SECOND, 5 * SECOND);
            assertThat(late.get()).isEqualTo(5 * SECOND);
            assertThat(clock.now()).isEqualTo(5 * SECOND);
        }
    }

    @Test
    void refusesASettlePeriodThatIsNotPositive() {
        assertThatThrownBy(() -> VirtualClock.autoAdvancing(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
