package io.gridside.sim.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayIntakeTest {

    private static final Instant OPENING = Instant.parse("2026-06-03T09:15:00Z");
    private static final Instant INTERVAL_START = OPENING.minus(Duration.ofMinutes(15));

    private static List<Uplink.IntervalRead> reads(int meters) {
        List<Uplink.IntervalRead> reads = new ArrayList<>();
        for (int m = 1; m <= meters; m++) {
            reads.add(new Uplink.IntervalRead(String.format("M%05d", m), INTERVAL_START, m, null));
        }
        return reads;
    }

    @Test
    void theBoundIsTightWhenEveryReadingArrivesAtOnceBesideAFlood() {
        GatewayIntake intake = new GatewayIntake();
        intake.flood("M00001", 2 * GatewayIntake.SLOTS_PER_INTERVAL);
        intake.serveWindow(INTERVAL_START, List.of());

        List<Uplink.IntervalRead> onTime = intake.serveWindow(OPENING, reads(60));

        assertThat(onTime).hasSize(59);
        int worst = 0;
        for (int m = 2; m <= 60; m++) {
            MeterUplink status = intake.status(String.format("M%05d", m));
            assertThat(status.worstReadingSlots()).isBetween(1, 60);
            worst = Math.max(worst, status.worstReadingSlots());
        }
        assertThat(worst).isEqualTo(60);
    }

    @Test
    void aReadingWaitsFromItsArrivalNotFromTheWindowsOpening() {
        GatewayIntake intake = new GatewayIntake();
        intake.open(OPENING);
        intake.serveUntil(OPENING.toEpochMilli() + 90_000);
        intake.arrive(reads(1).get(0));

        List<Uplink.IntervalRead> onTime = intake.close();

        assertThat(onTime).hasSize(1);
        assertThat(intake.status("M00001").worstReadingSlots()).isEqualTo(1);
    }

    @Test
    void aSlowCoreStopsAcceptingOnceItsLimitWaits() {
        GatewayIntake intake = new GatewayIntake(Duration.ofSeconds(1), 10);
        intake.open(OPENING);
        List<Uplink.IntervalRead> reads = reads(12);
        for (int i = 0; i < 10; i++) {
            assertThat(intake.accepts()).isTrue();
            intake.arrive(reads.get(i));
        }

        assertThat(intake.accepts()).isFalse();
        intake.serveUntil(OPENING.toEpochMilli() + 3_000);
        assertThat(intake.accepts()).isTrue();
        assertThat(intake.depth()).isEqualTo(7);
        assertThat(intake.peakDepth()).isEqualTo(10);
    }
}
