package io.gridside.console.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class EventDensityTest {

    @Test
    void countsEachEventInTheBinItFallsIn() {
        long[] times = {0, 9, 10, 10, 19, 35, 39};

        int[] counts = EventDensity.count(times, 0, 40, 4);

        assertThat(counts).containsExactly(2, 3, 0, 2);
    }

    @Test
    void leavesOutEventsBeforeAndAfterTheSpan() {
        long[] times = {-5, 0, 50, 100, 150};

        assertThat(EventDensity.count(times, 0, 100, 2)).containsExactly(1, 1);
    }

    @Test
    void findsTheNextAndPreviousEventStrictlyAroundAnInstant() {
        long[] times = {10, 20, 20, 30};

        assertThat(EventDensity.next(times, 20)).isEqualTo(30);
        assertThat(EventDensity.next(times, 19)).isEqualTo(20);
        assertThat(EventDensity.previous(times, 20)).isEqualTo(10);
        assertThat(EventDensity.previous(times, 10)).isEqualTo(-1);
        assertThat(EventDensity.next(times, 30)).isEqualTo(-1);
    }

    @Property
    void theBinsTogetherCountEveryEventOfTheSpan(@ForAll @Size(max = 200) long[] raw,
            @ForAll @LongRange(min = 1, max = 1_000_000) long span, @ForAll @IntRange(min = 1, max = 500) int bins) {
        long[] times = Arrays.stream(raw).map(t -> Math.floorMod(t, 2 * span) - span / 2).sorted().toArray();

        int[] counts = EventDensity.count(times, 0, span, bins);

        long inSpan = Arrays.stream(times).filter(t -> t >= 0 && t < span).count();
        assertThat(Arrays.stream(counts).sum()).isEqualTo((int) inSpan);
    }
}
