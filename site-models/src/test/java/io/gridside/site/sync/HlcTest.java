package io.gridside.site.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Hybrid logical clock readings: monotonic whatever the wall clock does, ordered by millis then counter. */
class HlcTest {

    private static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    @Test
    void followsTheWallClockAndCountsWhileItStandsOrGoesBack() {
        Hlc first = Hlc.now(at(1_000), Hlc.zero("n"));
        Hlc second = Hlc.now(at(1_000), first);
        Hlc third = Hlc.now(at(900), second);
        Hlc fourth = Hlc.now(at(2_000), third);

        assertThat(first).isEqualTo(new Hlc(1_000, 0, "n"));
        assertThat(second).isEqualTo(new Hlc(1_000, 1, "n"));
        assertThat(third).isEqualTo(new Hlc(1_000, 2, "n"));
        assertThat(fourth).isEqualTo(new Hlc(2_000, 0, "n"));
    }

    @Test
    void aReceivedReadingAheadMovesTheClockPastIt() {
        Hlc mine = new Hlc(1_000, 3, "laptop");
        Hlc remote = new Hlc(5_000, 7, "cloud");

        Hlc after = mine.receive(remote, at(2_000));

        assertThat(after).isEqualTo(new Hlc(5_000, 8, "laptop"));
        assertThat(mine.receive(new Hlc(10, 0, "cloud"))).isEqualTo(new Hlc(1_000, 4, "laptop"));
        assertThat(mine.receive(remote, at(9_000))).isEqualTo(new Hlc(9_000, 0, "laptop"));
    }

    @Test
    void ordersByMillisThenCounterAndTiesAcrossNodes() {
        Hlc a = new Hlc(1_000, 2, "a");
        Hlc b = new Hlc(1_000, 2, "b");

        assertThat(a.compareTo(b)).isZero();
        assertThat(a.ties(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
        assertThat(new Hlc(1_000, 3, "a")).isGreaterThan(b);
        assertThat(new Hlc(1_001, 0, "a")).isGreaterThan(new Hlc(1_000, 99_999, "z"));
    }

    @Test
    void aFullCounterMovesToTheNextMillisecond() {
        assertThat(Hlc.now(at(5), new Hlc(10, Hlc.MAX_COUNTER, "n"))).isEqualTo(new Hlc(11, 0, "n"));
    }

    @Test
    void readsBackItsTextFormWhoseOrderIsTheReadingsOrder() {
        Hlc hlc = new Hlc(1_764_950_400_000L, 3, "laptop-1b2c");

        assertThat(hlc.text()).isEqualTo("1764950400000-00003-laptop-1b2c");
        assertThat(Hlc.parse(hlc.text())).isEqualTo(hlc);
        List<String> texts = List.of(new Hlc(9, 0, "z").text(), new Hlc(10, 0, "a").text(),
                new Hlc(10, 1, "a").text());
        assertThat(texts).isSorted();
        assertThatThrownBy(() -> Hlc.parse("12-3-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hlc.parse("176495040000x-00003-n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hlc(1, 0, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hlc(1, 100_000, "n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void everyReadingIsAfterTheOneBefore(
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 5_000) Long> wallClock,
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 5_000) Long> remoteMillis) {
        Hlc last = Hlc.zero("laptop");
        for (int i = 0; i < wallClock.size(); i++) {
            Hlc next = i % 3 == 2
                    ? last.receive(new Hlc(remoteMillis.get(i % remoteMillis.size()), i, "cloud"),
                            at(wallClock.get(i)))
                    : Hlc.now(at(wallClock.get(i)), last);
            assertThat(next).isGreaterThan(last);
            assertThat(next.millis()).isGreaterThanOrEqualTo(wallClock.get(i));
            last = next;
        }
    }
}
