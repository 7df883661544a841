package io.gridside.console.service;

import static io.gridside.console.service.IncidentSite.BACK;
import static io.gridside.console.service.IncidentSite.FROM;
import static io.gridside.console.service.IncidentSite.OUT;
import static io.gridside.console.service.IncidentSite.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.ReliabilityIndices;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageReviewTest {

    @TempDir
    Path dir;

    @Test
    void givesTheDiagnoserTheWindowWithADaysLeadInTheFeedersAndTheParentsAtItsStart() {
        List<DiagnosisInput> seen = new ArrayList<>();
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            // Ten minutes into the window M-2 routes straight to the gateway: nearer its start, but after it.
            store.insertTopology(new TopologySnapshot(FROM.plusSeconds(600), "GW-7", List.of(
                    new TopologySnapshot.Node("GW-7", -1.29, 36.82, 0, 256, null, List.of()),
                    new TopologySnapshot.Node("M-2", -1.292, 36.82, 1, 384, "GW-7", List.of())), List.of()));
            OutageReview review = OutageReview.load(store, FROM, TO, input -> {
                seen.add(input);
                return IncidentSite.diagnosis();
            });

            DiagnosisInput input = seen.get(0);
            assertThat(input.gatewayId()).isEqualTo("GW-7");
            assertThat(input.meterIds()).containsExactly("M-1", "M-2", "M-3");
            assertThat(input.events()).extracting(SiteEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(input.feederOf()).containsEntry("M-1", "F1").containsEntry("M-3", "F2");
            // The snapshot before the window puts M-2 under M-1; M-3, which it lacks, keeps the roster's parent.
            assertThat(input.parentOf()).containsEntry("M-2", "M-1").containsEntry("M-1", "GW-7")
                    .containsEntry("M-3", "GW-7");
            assertThat(review.events()).extracting(SiteEvent::id).containsExactly(3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void countsTheIndicesOfTheWindowWithTheExcludedMeterServedButNotCounted() {
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            OutageReview review = OutageReview.load(store, FROM, TO, input -> IncidentSite.diagnosis());

            // 3 customers served, M-1 out 60 min, M-2 out 60 min 2 s: SAIFI = 2/3, SAIDI = 7202 s / 60 / 3.
            ReliabilityIndices site = review.reliability().site();
            assertThat(site).isEqualTo(new ReliabilityIndices(3, 2, 7202, 0));
            assertThat(site.saidiMinutes()).hasValueCloseTo(7202 / 60.0 / 3, within(1e-9));
            assertThat(review.reliability().byFeeder().get("F1")).isEqualTo(new ReliabilityIndices(2, 2, 7202, 0));
            assertThat(review.reliability().byFeeder().get("F2")).isEqualTo(ReliabilityIndices.untouched(1));
        }
    }

    @Test
    void findsTheQuarterHoursEachMeterDidNotSendAndWhatBillingEstimatedOfThem() {
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            OutageReview review = OutageReview.load(store, FROM, TO, input -> IncidentSite.diagnosis());

            assertThat(review.gaps()).hasSize(2);
            DataGap first = review.gaps().get(0);
            assertThat(first.meterId()).isEqualTo("M-1");
            assertThat(first.intervals()).isEqualTo(4);
            assertThat(first.missing()).containsExactly(OUT, OUT.plus(Duration.ofMinutes(15)),
                    OUT.plus(Duration.ofMinutes(30)), OUT.plus(Duration.ofMinutes(45)));
            assertThat(first.estimatedIntervals()).isEqualTo(4);
            assertThat(first.estimatedWh()).isEqualTo(10);
            assertThat(first.methods()).containsExactly(EstimateMethod.PROFILE);
            // M-2 was out until 19:00:03, so it touched the 19:00 quarter hour too, which it did read.
            DataGap second = review.gaps().get(1);
            assertThat(second.intervals()).isEqualTo(5);
            assertThat(second.missing()).hasSize(4).doesNotContain(BACK);
            assertThat(second.estimatedIntervals()).isZero();
            assertThat(second.estimates()).isEmpty();
        }
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        try (SiteStore store = IncidentSite.create(dir.resolve("site.db"))) {
            assertThatThrownBy(() -> OutageReview.load(store, TO, FROM, input -> IncidentSite.diagnosis()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after");
        }
    }
}
