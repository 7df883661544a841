package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepting or overriding an estimate: the override keeps the gap's total, or says why it does not. */
class EstimateEditorTest {

    private static final Instant START = Instant.parse("2026-06-01T18:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-03T09:00:00Z");
    private static final GapEstimate ESTIMATE = new GapEstimate("M-1", START, 1_000, 1_030, EstimateMethod.LINEAR,
            EstimateStatus.ESTIMATED, List.of(10L, 10L, 10L));

    @Test
    void acceptsTheEstimateAsItStandsWithWhoWhenAndWhy() {
        EstimateEdit edit = EstimateEditor.accept(ESTIMATE, "ana", NOW, "usual evening use");

        assertThat(edit).isEqualTo(new EstimateEdit("M-1", START, EstimateStatus.ACCEPTED, List.of(10L, 10L, 10L),
                "ana", NOW, "usual evening use", null));
    }

    @Test
    void overridesWithValuesThatKeepTheGapsTotal() {
        EstimateEdit edit = EstimateEditor.override(ESTIMATE, List.of(0L, 5L, 25L), "ana", NOW, "shop shut early",
                null);

        assertThat(edit.outcome()).isEqualTo(EstimateStatus.OVERRIDDEN);
        assertThat(edit.energiesWh()).containsExactly(0L, 5L, 25L);
        assertThat(edit.totalReason()).isNull();
    }

    @Test
    void refusesValuesThatChangeTheTotalWithoutAReason() {
        assertThatThrownBy(() -> EstimateEditor.override(ESTIMATE, List.of(10L, 10L, 11L), "ana", NOW, "guess",
                null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The values sum to 31 Wh but the register rose 30 Wh over the gap; give values that sum "
                        + "to 30 Wh, or the reason the total changes.");
    }

    @Test
    void recordsTheReasonWhenAnOverrideChangesTheTotal() {
        EstimateEdit edit = EstimateEditor.override(ESTIMATE, List.of(10L, 10L, 40L), "ana", NOW,
                "register photographed on site", "closing read was 30 Wh low on the display");

        assertThat(edit.totalReason()).isEqualTo("closing read was 30 Wh low on the display");
    }

    @Test
    void refusesTheWrongNumberOfValuesOrANegativeOne() {
        assertThatThrownBy(() -> EstimateEditor.override(ESTIMATE, List.of(15L, 15L), "ana", NOW, "x", null))
                .hasMessageContaining("has 3 quarter hours");
        assertThatThrownBy(() -> EstimateEditor.override(ESTIMATE, List.of(-5L, 15L, 20L), "ana", NOW, "x", null))
                .hasMessageContaining("negative");
    }

    @Test
    void refusesMoreEnergyInAQuarterHourThanAMeterCanPass() {
        // 60 A at 230 V for a quarter hour is 3,450 Wh, and a register of whole Wh may read 1 Wh above it.
        assertThatThrownBy(() -> EstimateEditor.override(ESTIMATE, List.of(0L, 0L, 3_452L), "ana", NOW, "x",
                "meter swapped")).hasMessageContaining("more than a meter's 3451 Wh");
        assertThatThrownBy(() -> EstimateEditor.override(ESTIMATE, List.of(0L, Long.MAX_VALUE, Long.MAX_VALUE),
                "ana", NOW, "x", "typo")).hasMessageContaining("more than a meter's");
        assertThat(EstimateEditor.override(ESTIMATE, List.of(0L, 0L, 3_451L), "ana", NOW, "x", "meter swapped")
                .energiesWh()).containsExactly(0L, 0L, 3_451L);
    }

    @Test
    void refusesAnEditWithoutWhoOrWhy() {
        assertThatThrownBy(() -> EstimateEditor.accept(ESTIMATE, " ", NOW, "fine")).hasMessageContaining("by");
        assertThatThrownBy(() -> EstimateEditor.accept(ESTIMATE, "ana", NOW, "")).hasMessageContaining("why");
    }
}
