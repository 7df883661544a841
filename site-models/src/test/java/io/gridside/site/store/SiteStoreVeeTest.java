package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.ExceptionOutcome;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw reads stored once, the exceptions queue, and estimates whose edits are kept with who, when and why. */
class SiteStoreVeeTest {

    private static final Instant T0 = Instant.parse("2026-06-01T18:00:00Z");
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void storesAReadOnceIgnoresItsExactDuplicateAndQueuesAConflictingOne() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            RawRead read = new RawRead("M-1", T0, 1_000);

            assertThat(store.insertRawReads(List.of(read, new RawRead("M-1", T0.plusSeconds(900), 1_040))))
                    .isEqualTo(new RawReadsStored(2, 0, 0));
            assertThat(store.insertRawReads(List.of(read, new RawRead("M-1", T0, 1_007))))
                    .isEqualTo(new RawReadsStored(0, 1, 1));

            assertThat(store.rawReads(Instant.EPOCH, FAR)).hasSize(2).contains(read);
            assertThat(store.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.rule()).isEqualTo(ReadRule.CONFLICTING_READ);
                assertThat(e.read().registerWh()).isEqualTo(1_007);
                assertThat(e.detail()).contains("1000 Wh", "1007 Wh");
            });
        }
    }

    @Test
    void queuesAnExceptionOnceHoweverOftenItIsRaised() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            ReadException backwards = new ReadException(new RawRead("M-1", T0, 900), ReadRule.REGISTER_BACKWARDS,
                    "900 Wh after 1000 Wh");

            assertThat(store.queueExceptions(List.of(backwards))).isEqualTo(1);
            assertThat(store.queueExceptions(List.of(backwards))).isZero();
            assertThat(store.exceptions()).containsExactly(backwards);
        }
    }

    @Test
    void keepsEveryDecisionOnAQueuedExceptionWithWhoWhenAndWhyAndRefusesOneOnNoQueuedException() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertRawReads(List.of(new RawRead("M-1", T0, 1_000), new RawRead("M-1", T0, 1_007)));
            ReadException conflict = store.exceptions().get(0);
            Instant decidedAt = T0.plusSeconds(3_600);

            store.recordDecision(ExceptionDecision.override(conflict, 1_003, "T-0042", decidedAt, "hand read 1003"));

            assertThat(store.exceptionDecisions()).singleElement().satisfies(d -> {
                assertThat(d.decides(conflict)).isTrue();
                assertThat(d.outcome()).isEqualTo(ExceptionOutcome.OVERRIDDEN);
                assertThat(d.registerWh()).isEqualTo(1_003);
                assertThat(d.readRegisterWh()).isEqualTo(1_007);
                assertThat(d.by()).isEqualTo("T-0042");
                assertThat(d.decidedAt()).isEqualTo(decidedAt);
                assertThat(d.why()).isEqualTo("hand read 1003");
            });
            ReadException notQueued = new ReadException(new RawRead("M-2", T0, 5), ReadRule.CLOCK_SKEW, "off");
            assertThatThrownBy(() -> store.recordDecision(ExceptionDecision.accept(notQueued, "T-0042", decidedAt,
                    "fine"))).isInstanceOf(StoreException.class).hasMessageContaining("no exception");
            assertThat(store.exceptionDecisions()).hasSize(1);
        }
    }

    @Test
    void keepsAnEditedEstimateThroughAReRunAndEveryEditInItsHistory() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            GapEstimate estimate = new GapEstimate("M-1", T0, 1_000, 1_030, EstimateMethod.LINEAR,
                    EstimateStatus.ESTIMATED, List.of(10L, 10L, 10L));
            store.saveEstimates(List.of(estimate));
            EstimateEdit accepted = new EstimateEdit("M-1", T0, EstimateStatus.ACCEPTED, estimate.energiesWh(), "ana",
                    T0.plusSeconds(86_400), "matches the household's habits", null);
            EstimateEdit overridden = new EstimateEdit("M-1", T0, EstimateStatus.OVERRIDDEN, List.of(0L, 0L, 30L),
                    "ben", T0.plusSeconds(90_000), "the shop opened late that day", null);

            store.recordEdit(accepted);
            store.recordEdit(overridden);
            assertThat(store.saveEstimates(List.of(estimate))).isZero();

            assertThat(store.estimate("M-1", T0)).hasValueSatisfying(held -> {
                assertThat(held.status()).isEqualTo(EstimateStatus.OVERRIDDEN);
                assertThat(held.method()).isEqualTo(EstimateMethod.OVERRIDE);
                assertThat(held.energiesWh()).containsExactly(0L, 0L, 30L);
            });
            assertThat(store.edits("M-1", T0)).containsExactly(accepted, overridden);
        }
    }

    @Test
    void refusesAnEditOfAGapWithNoEstimateAndKeepsNoHistoryOfIt() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            EstimateEdit stray = new EstimateEdit("M-9", T0, EstimateStatus.ACCEPTED, List.of(1L, 1L), "ana", T0,
                    "looks right", null);

            assertThatThrownBy(() -> store.recordEdit(stray)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no estimate of meter M-9");
            assertThat(store.edits("M-9", T0)).isEmpty();
        }
    }

    @Test
    void replacesAnEstimateNobodyHasEditedWhenVeeRunsAgain() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.saveEstimates(List.of(new GapEstimate("M-1", T0, 1_000, 1_030, EstimateMethod.LINEAR,
                    EstimateStatus.ESTIMATED, List.of(10L, 10L, 10L))));
            GapEstimate longer = new GapEstimate("M-1", T0, 1_000, 1_040, EstimateMethod.LINEAR,
                    EstimateStatus.ESTIMATED, List.of(10L, 10L, 10L, 10L));

            assertThat(store.saveEstimates(List.of(longer))).isEqualTo(1);
            assertThat(store.estimates()).containsExactly(longer);
        }
    }

    @Test
    void keepsTheGatewayClockAPullSaw() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.pulledGatewayClock()).isEmpty();
            store.setPulledGatewayClock(T0);
            assertThat(store.pulledGatewayClock()).contains(T0);
        }
    }
}
