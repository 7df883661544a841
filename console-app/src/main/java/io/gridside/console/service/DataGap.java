package io.gridside.console.service;

import io.gridside.site.Reading;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The quarter-hour readings one meter did not send while an outage had it out, and how billing's VEE estimated
 * them.
 *
 * @param outageId the outage
 * @param meterId the meter
 * @param from when the meter went out
 * @param to when it was back, or the window's end
 * @param intervals how many quarter hours its time out touched
 * @param missing the start of each of those quarter hours the site database holds no reading of, in time order
 * @param estimates the VEE estimates of the meter's gaps that overlap those quarter hours, by gap start
 */
public record DataGap(String outageId, String meterId, Instant from, Instant to, int intervals, List<Instant> missing,
        List<GapEstimate> estimates) {

    public DataGap {
        Objects.requireNonNull(outageId, "outageId");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        missing = List.copyOf(missing);
        estimates = List.copyOf(estimates);
    }

    /** How many of the missing quarter hours an estimate covers. */
    public int estimatedIntervals() {
        return (int) missing.stream().filter(start -> estimateOf(start) != null).count();
    }

    /** The energy the estimates put in the missing quarter hours, in Wh. */
    public long estimatedWh() {
        long total = 0;
        for (Instant start : missing) {
            GapEstimate estimate = estimateOf(start);
            if (estimate != null) {
                int index = (int) Duration.between(estimate.gapStart(), start).dividedBy(Reading.INTERVAL);
                total += estimate.energiesWh().get(index);
            }
        }
        return total;
    }

    /** The methods the estimates spread their energy by, in the order of the gaps. */
    public List<EstimateMethod> methods() {
        return estimates.stream().map(GapEstimate::method).distinct().toList();
    }

    /** Where the estimates stand with the technicians, in the order of the gaps. */
    public List<EstimateStatus> statuses() {
        return estimates.stream().map(GapEstimate::status).distinct().toList();
    }

    /** The estimate whose gap holds the quarter hour that starts at {@code start}, or null when none does. */
    private GapEstimate estimateOf(Instant start) {
        for (GapEstimate estimate : estimates) {
            if (!start.isBefore(estimate.gapStart()) && start.isBefore(estimate.gapEnd())) {
                return estimate;
            }
        }
        return null;
    }
}
