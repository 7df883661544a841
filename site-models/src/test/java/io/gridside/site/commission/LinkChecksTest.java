package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each meter's links against the thresholds, and what to do about the weak ones by where they are. */
class LinkChecksTest {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    /** About 11 m of latitude. */
    static final double STEP = 0.0001;

    @Test
    void passesAMeterWithMarginEverywhere() {
        LinkCheck check = LinkChecks.check(meter(1, 0, -80, -85, 1.3, 3), LinkThresholds.DEFAULTS);

        assertThat(check.verdict()).isEqualTo(LinkVerdict.PASS);
        assertThat(check.reasons()).isEmpty();
    }

    @Test
    void needsAttentionBetweenTheLimitsAndNamesEachMeasure() {
        LinkCheck check = LinkChecks.check(meter(1, 0, -80, -95, 2.5, 1), LinkThresholds.DEFAULTS);

        assertThat(check.verdict()).isEqualTo(LinkVerdict.ATTENTION);
        assertThat(check.reasons()).hasSize(3);
        assertThat(check.reasons().get(0)).contains("down").contains("-95.0 dBm").contains("-90.0 dBm");
        assertThat(check.reasons().get(1)).contains("ETX 2.50");
        assertThat(check.reasons().get(2)).contains("1 route");
    }

    @Test
    void failsBeyondAFailLimitAndPutsTheFailuresFirst() {
        LinkCheck check = LinkChecks.check(meter(1, 0, -92, -80, 4.5, 0), LinkThresholds.DEFAULTS);

        assertThat(check.verdict()).isEqualTo(LinkVerdict.FAIL);
        assertThat(check.reasons().get(0)).contains("ETX 4.50 is above the fail limit");
        assertThat(check.reasons().get(1)).contains("0 routes");
        assertThat(check.reasons().get(2)).contains("up").contains("pass limit");
    }

    @Test
    void theLimitsAreConfigurableAndTheEdgesPass() {
        LinkThresholds strict = new LinkThresholds(-70, -80, 1.5, 2, 3, 2, 100);

        assertThat(LinkChecks.check(meter(1, 0, -90, -90, 2.0, 2), LinkThresholds.DEFAULTS).verdict())
                .isEqualTo(LinkVerdict.PASS);
        assertThat(LinkChecks.check(meter(1, 0, -90, -90, 2.0, 2), strict).verdict())
                .isEqualTo(LinkVerdict.FAIL);
    }

    @Test
    void suggestsARepeaterAtTheCentreOfACloseClusterAndAnAntennaForALoneMeter() {
        List<JoinedMeter> meters = List.of(
                meter(1, 0, -96, -97, 1.5, 2), meter(2, 5, -97, -96, 1.5, 2), meter(3, 10, -101, -99, 1.5, 2),
                meter(4, 100, -95, -80, 1.5, 2), meter(5, 50, -70, -70, 1.1, 3));
        List<LinkCheck> checks = LinkChecks.checkAll(meters, LinkThresholds.DEFAULTS);

        List<LinkSuggestion> suggestions = LinkChecks.suggest(meters, checks, LinkThresholds.DEFAULTS);

        assertThat(suggestions).extracting(LinkSuggestion::kind).containsExactly(
                LinkSuggestion.Kind.ADD_REPEATER, LinkSuggestion.Kind.MOVE_ANTENNA);
        LinkSuggestion repeater = suggestions.get(0);
        assertThat(repeater.meterIds()).containsExactly(serial(1), serial(2), serial(3));
        assertThat(repeater.latitude()).isCloseTo(-0.1 + 5 * STEP, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(repeater.text()).contains("3 weak meters").contains(serial(2));
        assertThat(suggestions.get(1).meterIds()).containsExactly(serial(4));
        assertThat(suggestions.get(1).text()).contains("antenna").contains(serial(4));
    }

    @Test
    void suggestsARepeaterOnlyForWeakSignalsAndSaysApartWhichMetersLackOnlyASecondRoute() {
        List<JoinedMeter> meters = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            meters.add(meter(i + 1, i, -78, -79, 1.2, 1));
        }
        meters.add(meter(11, 3, -97, -96, 1.5, 1));
        meters.add(meter(12, 4, -98, -95, 1.5, 2));
        List<LinkCheck> checks = LinkChecks.checkAll(meters, LinkThresholds.DEFAULTS);

        List<LinkSuggestion> suggestions = LinkChecks.suggest(meters, checks, LinkThresholds.DEFAULTS);

        assertThat(suggestions).extracting(LinkSuggestion::kind).containsExactly(
                LinkSuggestion.Kind.ADD_REPEATER, LinkSuggestion.Kind.FEW_ROUTES);
        assertThat(suggestions.get(0).meterIds()).containsExactly(serial(11), serial(12));
        assertThat(suggestions.get(0).text()).contains("2 weak meters");
        assertThat(suggestions.get(1).meterIds()).hasSize(10).doesNotContain(serial(11), serial(12));
        assertThat(suggestions.get(1).text()).contains("10 meters close together").contains("second route")
                .contains("fewer than 2 routes").doesNotContain("Add a repeater near");
    }

    @Test
    void aLoneMeterShortOnlyOfRoutesIsToldSoRatherThanToMoveItsAntenna() {
        List<JoinedMeter> meters = List.of(meter(1, 0, -78, -78, 1.1, 1), meter(2, 50, -70, -70, 1.1, 3));

        List<LinkSuggestion> suggestions = LinkChecks.suggest(meters, LinkChecks.checkAll(meters,
                LinkThresholds.DEFAULTS), LinkThresholds.DEFAULTS);

        assertThat(suggestions).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.kind()).isEqualTo(LinkSuggestion.Kind.FEW_ROUTES);
            assertThat(suggestion.text()).startsWith("Meter " + serial(1) + " hears its parent well")
                    .doesNotContain("antenna");
        });
    }

    @Test
    void splitsALongLineOfWeakMetersIntoClustersARepeaterCanServe() {
        List<JoinedMeter> line = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            line.add(meter(i + 1, i * 5, -95, -95, 1.5, 2));
        }
        List<LinkCheck> checks = LinkChecks.checkAll(line, LinkThresholds.DEFAULTS);

        List<LinkSuggestion> suggestions = LinkChecks.suggest(line, checks, LinkThresholds.DEFAULTS);

        // 20 meters 55 m apart span about 1 km: no cluster reaches more than 150 m from the meter that gathered it.
        assertThat(suggestions).hasSizeBetween(3, 5).allSatisfy(suggestion -> {
            assertThat(suggestion.kind()).isEqualTo(LinkSuggestion.Kind.ADD_REPEATER);
            assertThat(suggestion.meterIds().size()).isBetween(2, 6);
        });
        assertThat(suggestions.stream().mapToInt(suggestion -> suggestion.meterIds().size()).sum()).isEqualTo(20);
    }

    @Test
    void measuresDistanceOnTheGround() {
        double metres = LinkChecks.distanceMetres(meter(1, 0, -80, -80, 1, 1), meter(2, 100, -80, -80, 1, 1));

        assertThat(metres).isBetween(1_105.0, 1_115.0);
    }

    static String serial(int number) {
        return MeterSerial.of("GS", number);
    }

    /** A meter {@code steps} of {@link #STEP} north of the others' origin. */
    static JoinedMeter meter(int number, int steps, double up, double down, double etx, int routes) {
        return new JoinedMeter(serial(number), "mtr-r2", 1, "1.4.0", -0.1 + steps * STEP, 34.75, up, down, etx,
                routes, 2, AT);
    }
}
