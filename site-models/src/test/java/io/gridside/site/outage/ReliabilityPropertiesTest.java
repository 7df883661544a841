package io.gridside.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The indices keep IEEE 1366's identities on random diagnoses of random sites. */
class ReliabilityPropertiesTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(2));

    @Property(tries = 300)
    void caidiTimesSaifiIsSaidi(@ForAll @IntRange(min = 1, max = 60) int meters,
            @ForAll @IntRange(min = 0, max = 12) int outages, @ForAll long seed) {
        Site site = Site.random(meters, new Random(seed));

        ReliabilityIndices indices = Reliability.of(site.diagnosis(outages), site.meterIds, site.feederOf).site();

        if (indices.sustainedInterruptions() == 0) {
            assertThat(indices.caidiMinutes()).isEmpty();
            assertThat(indices.saidiMinutes()).hasValue(0.0);
        } else {
            assertThat(indices.caidiMinutes().getAsDouble() * indices.saifi().getAsDouble())
                    .isCloseTo(indices.saidiMinutes().getAsDouble(), within(1e-9));
        }
    }

    @Property(tries = 300)
    void theSitesIndicesAreTheFeedersWeightedByTheirCustomers(@ForAll @IntRange(min = 1, max = 60) int meters,
            @ForAll @IntRange(min = 0, max = 12) int outages, @ForAll long seed) {
        Site site = Site.random(meters, new Random(seed));

        Reliability reliability = Reliability.of(site.diagnosis(outages), site.meterIds, site.feederOf);

        double saifi = 0;
        double saidi = 0;
        double maifi = 0;
        ReliabilityIndices summed = ReliabilityIndices.untouched(0);
        for (ReliabilityIndices feeder : reliability.byFeeder().values()) {
            double weight = (double) feeder.customersServed() / meters;
            saifi += weight * feeder.saifi().getAsDouble();
            saidi += weight * feeder.saidiMinutes().getAsDouble();
            maifi += weight * feeder.maifi().getAsDouble();
            summed = summed.plus(feeder);
        }
        assertThat(summed).isEqualTo(reliability.site());
        assertThat(reliability.site().saifi()).hasValueCloseTo(saifi, within(1e-9));
        assertThat(reliability.site().saidiMinutes()).hasValueCloseTo(saidi, within(1e-9));
        assertThat(reliability.site().maifi()).hasValueCloseTo(maifi, within(1e-9));
    }

    @Property(tries = 200)
    void noIndexCountsMoreSustainedInterruptionsThanTimesOutOfSupply(@ForAll @IntRange(min = 1, max = 40) int meters,
            @ForAll @IntRange(min = 0, max = 12) int outages, @ForAll long seed) {
        Site site = Site.random(meters, new Random(seed));
        Diagnosis diagnosis = site.diagnosis(outages);

        ReliabilityIndices indices = Reliability.of(diagnosis, site.meterIds, site.feederOf).site();

        long supplyLost = diagnosis.outages().stream().flatMap(outage -> outage.spans().stream())
                .filter(MeterSpan::supplyLost).count();
        assertThat(indices.sustainedInterruptions() + indices.momentaryInterruptions()).isLessThanOrEqualTo(supplyLost);
        assertThat(indices.interruptedSeconds()).isLessThanOrEqualTo(
                (long) meters * outages * Duration.between(FROM, TO).toSeconds());
    }

    /** A random site whose every meter is on one of a few feeders, with a random diagnosis to come. */
    private record Site(List<String> meterIds, Map<String, String> feederOf, Random random) {

        static Site random(int meters, Random random) {
            List<String> ids = new ArrayList<>();
            Map<String, String> feeders = new HashMap<>();
            int feederCount = 1 + random.nextInt(4);
            for (int i = 1; i <= meters; i++) {
                ids.add("M-" + i);
                feeders.put("M-" + i, "F" + (1 + random.nextInt(feederCount)));
            }
            return new Site(ids, feeders, random);
        }

        /** {@code count} outages of random meters, some of messages alone, some short, some around the window. */
        Diagnosis diagnosis(int count) {
            List<Outage> outages = new ArrayList<>();
            for (int o = 0; o < count; o++) {
                List<MeterSpan> spans = new ArrayList<>();
                long windowSeconds = Duration.between(FROM, TO).toSeconds();
                for (String meterId : meterIds) {
                    if (random.nextInt(3) == 0) {
                        Instant from = FROM.plusSeconds(random.nextLong(windowSeconds + 3600) - 3600);
                        long seconds = random.nextBoolean() ? random.nextInt(600) : random.nextInt(20_000);
                        spans.add(new MeterSpan(meterId, from, from.plusSeconds(seconds), random.nextInt(4) > 0,
                                true));
                    }
                }
                Instant start = spans.stream().map(MeterSpan::from).min(Instant::compareTo).orElse(FROM);
                Instant end = spans.stream().map(MeterSpan::to).max(Instant::compareTo).orElse(FROM);
                outages.add(new Outage("O-" + o, OutageCause.POWER, start, end.isBefore(start) ? start : end, spans,
                        List.of(), List.of(), List.of(), List.of()));
            }
            List<String> excluded = meterIds.stream().filter(id -> random.nextInt(10) == 0).toList();
            return new Diagnosis(FROM, TO, outages, excluded);
        }
    }
}
