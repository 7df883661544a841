package io.gridside.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(1));
    private static final List<String> METERS = List.of("M-1", "M-2", "M-3", "M-4", "M-5");
    private static final Map<String, String> FEEDERS = Map.of("M-1", "F1", "M-2", "F1", "M-3", "F2", "M-4", "F2");

    @Test
    void countsSustainedAndMomentaryInterruptionsOfSupplyByHand() {
        // A feeder outage: M-1 and M-2 out 60 min each; M-3 blinks for 2 min; M-5 (no feeder) out 30 min.
        // Site, 5 customers served: SAIFI = 3/5 = 0.6; SAIDI = (60 + 60 + 30)/5 = 30 min; CAIDI = 30/0.6 = 50 min;
        // MAIFI = 1/5 = 0.2. F1, 2 served: SAIFI = 2/2 = 1; SAIDI = 120/2 = 60; CAIDI = 60. F2, 2 served: SAIFI 0,
        // SAIDI 0, CAIDI undefined, MAIFI = 1/2 = 0.5.
        Outage outage = outage("O-1", span("M-1", 600, 60), span("M-2", 600, 60), span("M-3", 600, 2),
                span("M-5", 900, 30));

        Reliability reliability = Reliability.of(diagnosis(List.of(), outage), METERS, FEEDERS);

        ReliabilityIndices site = reliability.site();
        assertThat(site).isEqualTo(new ReliabilityIndices(5, 3, 150 * 60, 1));
        assertThat(site.saifi()).hasValueCloseTo(0.6, within(1e-9));
        assertThat(site.saidiMinutes()).hasValueCloseTo(30.0, within(1e-9));
        assertThat(site.caidiMinutes()).hasValueCloseTo(50.0, within(1e-9));
        assertThat(site.maifi()).hasValueCloseTo(0.2, within(1e-9));
        assertThat(reliability.byFeeder()).containsOnlyKeys("F1", "F2");
        assertThat(reliability.byFeeder().get("F1").saidiMinutes()).hasValueCloseTo(60.0, within(1e-9));
        assertThat(reliability.byFeeder().get("F1").caidiMinutes()).hasValueCloseTo(60.0, within(1e-9));
        ReliabilityIndices f2 = reliability.byFeeder().get("F2");
        assertThat(f2.saifi()).hasValue(0.0);
        assertThat(f2.caidiMinutes()).isEmpty();
        assertThat(f2.maifi()).hasValueCloseTo(0.5, within(1e-9));
    }

    @Test
    void fiveMinutesOutIsSustainedAndOneSecondLessIsMomentary() {
        Outage outage = outage("O-1", new MeterSpan("M-1", FROM.plusSeconds(60), FROM.plusSeconds(360), true, true),
                new MeterSpan("M-2", FROM.plusSeconds(60), FROM.plusSeconds(359), true, true));

        ReliabilityIndices site = Reliability.of(diagnosis(List.of(), outage), METERS, FEEDERS).site();

        assertThat(site.sustainedInterruptions()).isEqualTo(1);
        assertThat(site.interruptedSeconds()).isEqualTo(300);
        assertThat(site.momentaryInterruptions()).isEqualTo(1);
    }

    @Test
    void outagesOfMessagesAloneCountInNoIndex() {
        Outage backhaul = new Outage("O-2", OutageCause.MESH_PARTITION, FROM.plusSeconds(600), FROM.plusSeconds(4200),
                List.of(new MeterSpan("M-1", FROM.plusSeconds(600), FROM.plusSeconds(4200), false, true)), List.of(),
                List.of(), List.of(), List.of());

        Reliability reliability = Reliability.of(diagnosis(List.of(), backhaul), METERS, FEEDERS);

        assertThat(reliability.site()).isEqualTo(ReliabilityIndices.untouched(5));
        assertThat(reliability.site().caidiMinutes()).isEmpty();
    }

    @Test
    void aMeterHeldOffStaysACustomerServedAndOnlyItsTimeOutDuringTheHoldGoesUncounted() {
        // M-4's relay was held open by billing during O-1, so the diagnosis says it lost no supply then: its 90
        // minutes do not count. It is listed as excluded for the window, but that alone drops nothing: its supply
        // lost in O-2, after the hold, counts. 5 customers are served throughout.
        // SAIFI = 2/5 = 0.4, SAIDI = (60 + 30)/5 = 18 min.
        Outage outage = outage("O-1", span("M-1", 0, 60),
                new MeterSpan("M-4", FROM, FROM.plusSeconds(90 * 60), false, true));
        Outage after = outage("O-2", span("M-4", 120, 30));

        ReliabilityIndices site = Reliability.of(diagnosis(List.of("M-4"), outage, after), METERS, FEEDERS).site();

        assertThat(site.customersServed()).isEqualTo(5);
        assertThat(site.saifi()).hasValueCloseTo(0.4, within(1e-9));
        assertThat(site.saidiMinutes()).hasValueCloseTo(18.0, within(1e-9));
    }

    @Test
    void aHeldMetersListingDropsNoneOfItsSpans() {
        // The same outage with and without M-4 listed as excluded gives the same indices: only supplyLost counts.
        Outage outage = outage("O-1", span("M-1", 0, 60), span("M-4", 0, 90));

        ReliabilityIndices listed = Reliability.of(diagnosis(List.of("M-4"), outage), METERS, FEEDERS).site();
        ReliabilityIndices unlisted = Reliability.of(diagnosis(List.of(), outage), METERS, FEEDERS).site();

        assertThat(listed).isEqualTo(unlisted);
        assertThat(listed.saifi()).hasValueCloseTo(0.4, within(1e-9));
    }

    @Test
    void onlyTheMinutesWithinTheWindowCountButTheWholeTimeOutDecidesSustained() {
        // M-1 went out 10 minutes before the window and came back 3 minutes into it: 13 minutes out, sustained,
        // of which 3 minutes count. M-2 went out and back an hour before the window: it counts in nothing.
        Outage outage = outage("O-1", new MeterSpan("M-1", FROM.minusSeconds(600), FROM.plusSeconds(180), true, true),
                new MeterSpan("M-2", FROM.minusSeconds(3600), FROM.minusSeconds(3500), true, true));

        ReliabilityIndices site = Reliability.of(diagnosis(List.of(), outage), METERS, FEEDERS).site();

        assertThat(site).isEqualTo(new ReliabilityIndices(5, 1, 180, 0));
    }

    @Test
    void aMeterOutTwiceIsTwoInterruptions() {
        // M-1 out 10 min at 01:00 and 20 min at 05:00: SAIFI = 2/5 = 0.4, SAIDI = 30/5 = 6, CAIDI = 6/0.4 = 15.
        Diagnosis twice = diagnosis(List.of(), outage("O-1", span("M-1", 60, 10)), outage("O-2", span("M-1", 300, 20)));

        ReliabilityIndices site = Reliability.of(twice, METERS, FEEDERS).site();

        assertThat(site.saifi()).hasValueCloseTo(0.4, within(1e-9));
        assertThat(site.saidiMinutes()).hasValueCloseTo(6.0, within(1e-9));
        assertThat(site.caidiMinutes()).hasValueCloseTo(15.0, within(1e-9));
    }

    @Test
    void oneOutageAloneHasItsOwnIndices() {
        Outage first = outage("O-1", span("M-1", 0, 60));
        Outage second = outage("O-2", span("M-2", 120, 30), span("M-3", 120, 30));
        Diagnosis both = diagnosis(List.of(), first, second);

        Reliability alone = Reliability.ofOutage(both, second, METERS, FEEDERS);

        assertThat(alone.site()).isEqualTo(new ReliabilityIndices(5, 2, 3600, 0));
        assertThat(Reliability.of(both, METERS, FEEDERS).site()).isEqualTo(new ReliabilityIndices(5, 3, 7200, 0));
    }

    @Test
    void aSiteWithoutMetersHasNoIndicesRatherThanNaN() {
        ReliabilityIndices site = Reliability.of(diagnosis(List.of()), List.of(), Map.of()).site();

        assertThat(site.saifi()).isEmpty();
        assertThat(site.saidiMinutes()).isEmpty();
        assertThat(site.caidiMinutes()).isEmpty();
        assertThat(site.maifi()).isEmpty();
    }

    /** A meter's time out with supply lost, from {@code minute} minutes into the window for {@code minutes}. */
    static MeterSpan span(String meterId, int minute, int minutes) {
        Instant from = FROM.plus(Duration.ofMinutes(minute));
        return new MeterSpan(meterId, from, from.plus(Duration.ofMinutes(minutes)), true, true);
    }

    static Outage outage(String id, MeterSpan... spans) {
        Instant start = List.of(spans).stream().map(MeterSpan::from).min(Instant::compareTo).orElseThrow();
        Instant end = List.of(spans).stream().map(MeterSpan::to).max(Instant::compareTo).orElseThrow();
        return new Outage(id, OutageCause.POWER, start, end, List.of(spans), List.of(), List.of(), List.of(),
                List.of());
    }

    static Diagnosis diagnosis(List<String> excluded, Outage... outages) {
        return new Diagnosis(FROM, TO, List.of(outages), excluded);
    }
}
