package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A meter's times without supply, paired from the power-loss and power-restore events of the gateway's log. */
class PowerOffTest {

    private static final Instant T0 = Instant.parse("2026-06-01T18:30:00Z");

    private static SiteEvent event(long id, long secondsAfterT0, String source, EventKind kind) {
        return new SiteEvent(id, T0.plusSeconds(secondsAfterT0), source, kind, new TreeMap<>(), null);
    }

    @Test
    void pairsEachLossWithTheNextRestoreOfTheSameMeterAndLeavesAnUnrestoredOneOpen() {
        Map<String, List<PowerOff>> offs = PowerOff.byMeter(List.of(
                event(1, 0, "M-1", EventKind.POWER_LOSS),
                event(2, 0, "M-2", EventKind.POWER_LOSS),
                event(3, 60, "M-1", EventKind.COMMS_LOSS),
                event(4, 10_800, "M-1", EventKind.POWER_RESTORE),
                event(5, 20_000, "M-3", EventKind.POWER_RESTORE)));

        assertThat(offs).containsOnlyKeys("M-1", "M-2");
        assertThat(offs.get("M-1")).containsExactly(new PowerOff(T0, T0.plusSeconds(10_800)));
        assertThat(offs.get("M-2")).containsExactly(new PowerOff(T0, Instant.MAX));
    }

    @Test
    void coversAQuarterHourOnlyWhenItLiesWhollyInside() {
        PowerOff off = new PowerOff(T0, T0.plusSeconds(1_800));

        assertThat(off.covers(T0, T0.plusSeconds(900))).isTrue();
        assertThat(off.covers(T0.plusSeconds(900), T0.plusSeconds(1_800))).isTrue();
        assertThat(off.covers(T0.plusSeconds(1_200), T0.plusSeconds(2_100))).isFalse();
        assertThat(off.covers(T0.minusSeconds(60), T0.plusSeconds(840))).isFalse();
    }
}
