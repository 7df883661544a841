package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One pass over several meters' reads: the bad ones queued, the gaps between good ones estimated. */
class VeeTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private static List<RawRead> steady(String meterId, int quarters, long whPerQuarter) {
        List<RawRead> reads = new ArrayList<>();
        for (int i = 0; i <= quarters; i++) {
            reads.add(new RawRead(meterId, T0.plus(QUARTER.multipliedBy(i)), i * whPerQuarter));
        }
        return reads;
    }

    @Test
    void estimatesEachMetersGapsAndQueuesItsBadReads() {
        List<RawRead> a = steady("M-A", 96, 20);
        a.subList(10, 13).clear(); // reads 10-12 missing: a gap of 4 quarter hours from 02:15
        List<RawRead> b = steady("M-B", 192, 5);
        b.subList(136, 156).clear(); // reads 136-155 missing: 21 quarter hours from 09:45 on the second day
        b.add(new RawRead("M-B", T0.plus(QUARTER.multipliedBy(140)).plusSeconds(10), 1));
        Collections.reverse(b);
        List<RawRead> reads = new ArrayList<>(a);
        reads.addAll(b);
        Instant clock = T0.plus(Duration.ofDays(2));

        Vee.Result result = new Vee(ZoneId.of("UTC"), clock, id -> MeterRating.DEFAULT).run(reads);

        assertThat(result.exceptions()).extracting(ReadException::meterId, ReadException::rule)
                .containsExactly(tuple("M-B", ReadRule.REGISTER_BACKWARDS));
        assertThat(result.estimates()).extracting(GapEstimate::meterId, GapEstimate::gapStart, GapEstimate::intervals,
                GapEstimate::method).containsExactly(
                        tuple("M-A", T0.plus(QUARTER.multipliedBy(9)), 4,
                                EstimateMethod.LINEAR),
                        tuple("M-B", T0.plus(QUARTER.multipliedBy(135)), 21,
                                EstimateMethod.PROFILE));
        assertThat(result.estimates().get(0).energiesWh()).containsOnly(20L);
        assertThat(result.estimates().get(1).energiesWh()).containsOnly(5L);
        assertThat(result.actualIntervals()).isEqualTo(96 - 4 + 192 - 21);
    }
}
