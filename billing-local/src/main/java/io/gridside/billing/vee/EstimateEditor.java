package io.gridside.billing.vee;

import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.util.List;

/**
 * A technician's accept or override of a gap's estimate, checked before it is recorded: an override gives a value
 * for every quarter hour of the gap, none negative, summing to the gap's register delta unless a reason says why
 * the total changes (a register misread at one end, say).
 */
public final class EstimateEditor {

    private EstimateEditor() {
    }

    /** Accepts the estimate as it stands. */
    public static EstimateEdit accept(GapEstimate estimate, String by, Instant at, String why) {
        return new EstimateEdit(estimate.meterId(), estimate.gapStart(), EstimateStatus.ACCEPTED,
                estimate.energiesWh(), by, at, why, null);
    }

    /**
     * Replaces the estimate's values with {@code energiesWh}.
     *
     * @param totalReason why the values' sum differs from the register delta; may be null when it does not
     * @throws IllegalArgumentException naming the broken rule and the figures
     */
    public static EstimateEdit override(GapEstimate estimate, List<Long> energiesWh, String by, Instant at,
            String why, String totalReason) {
        if (energiesWh.size() != estimate.intervals()) {
            throw new IllegalArgumentException("The gap has " + estimate.intervals() + " quarter hours; give a value "
                    + "for each, not " + energiesWh.size() + ".");
        }
        if (energiesWh.stream().anyMatch(e -> e < 0)) {
            throw new IllegalArgumentException("No quarter hour can use negative energy: " + energiesWh + ".");
        }
        // Known shortcoming: the bound is the default meter's, as the meter record carries no rating yet.
        long most = MeterRating.DEFAULT.maxWh(GapEstimate.INTERVAL);
        if (energiesWh.stream().anyMatch(e -> e > most)) {
            throw new IllegalArgumentException("No quarter hour can use more than a meter's " + most + " Wh ("
                    + MeterRating.DEFAULT.maxCurrentAmps() + " A at " + MeterRating.DEFAULT.nominalVolts()
                    + " V for 15 minutes): " + energiesWh + ".");
        }
        long sum = GapEstimate.total(energiesWh);
        boolean explained = totalReason != null && !totalReason.isBlank();
        if (sum != estimate.deltaWh() && !explained) {
            throw new IllegalArgumentException("The values sum to " + sum + " Wh but the register rose "
                    + estimate.deltaWh() + " Wh over the gap; give values that sum to " + estimate.deltaWh()
                    + " Wh, or the reason the total changes.");
        }
        return new EstimateEdit(estimate.meterId(), estimate.gapStart(), EstimateStatus.OVERRIDDEN, energiesWh, by,
                at, why, sum == estimate.deltaWh() ? null : totalReason);
    }
}
