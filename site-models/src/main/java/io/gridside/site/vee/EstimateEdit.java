package io.gridside.site.vee;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A technician's decision on a gap's estimate, kept for good: who, when, why, and the values it left.
 *
 * @param gapStart the gap's start, which names it with the meter
 * @param outcome {@link EstimateStatus#ACCEPTED} or {@link EstimateStatus#OVERRIDDEN}
 * @param energiesWh the interval values the edit left
 * @param by who decided: the technician's name or id
 * @param at when
 * @param why the reason given
 * @param totalReason why an override changes the gap's total, or null when it keeps it
 */
public record EstimateEdit(String meterId, Instant gapStart, EstimateStatus outcome, List<Long> energiesWh,
        String by, Instant at, String why, String totalReason) {

    public EstimateEdit {
        VeeChecks.meterId(meterId);
        Objects.requireNonNull(gapStart, "gapStart");
        Objects.requireNonNull(at, "at");
        if (outcome != EstimateStatus.ACCEPTED && outcome != EstimateStatus.OVERRIDDEN) {
            throw new IllegalArgumentException("outcome must be ACCEPTED or OVERRIDDEN, was " + outcome);
        }
        energiesWh = List.copyOf(energiesWh);
        by = VeeChecks.text("by", by);
        why = VeeChecks.text("why", why);
        totalReason = totalReason == null || totalReason.isBlank() ? null : totalReason.strip();
    }
}
