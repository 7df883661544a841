package io.gridside.console.cli;

import io.gridside.console.service.DataGap;
import io.gridside.console.service.EventHistory;
import io.gridside.console.service.IncidentReport;
import io.gridside.console.service.OutageReview;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.Reliability;
import io.gridside.site.outage.ReliabilityIndices;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What {@code gridside report --json} prints; the field names are a contract. Times are UTC instants, causes their
 * codes ({@code power}, {@code mesh-partition}), and an index that would divide by zero is null, never NaN.
 *
 * @param outageId the one outage reported, or null for the whole window
 * @param excludedMeters the meters billing or maintenance held off, which count in no index: during the one
 *     outage reported, or at some time of the window
 * @param history the first and last event the site database holds, or null when it holds none
 * @param historyWarning what a person must know when the window lies wholly or partly outside that history, in
 *     words; null when the history spans it
 * @param estimatesHeld whether billing's VEE holds any estimate of the window; false when it has not been run
 */
record ReportJson(String siteId, String zone, Instant from, Instant to, String outageId, List<OutageJson> outages,
        List<String> excludedMeters, IndicesJson site, Map<String, IndicesJson> feeders, List<GapJson> gaps,
        HistoryJson history, String historyWarning, boolean estimatesHeld) {

    /**
     * The history the site database holds events of; {@code coverage} says how the window lies against it:
     * {@code within}, {@code partly-outside} or {@code outside}.
     */
    record HistoryJson(Instant first, Instant last, String coverage) {

        static HistoryJson of(OutageReview review) {
            EventHistory history = review.history();
            return history.isEmpty() ? null : new HistoryJson(history.first(), history.last(),
                    history.coverage(review.from(), review.to()).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** One outage, with its evidence, competing explanations and affected meters. */
    record OutageJson(String id, String cause, Instant start, Instant end, int meters, List<String> feeders,
            boolean supplyLost, List<String> evidence, List<CompetingJson> competing, List<SpanJson> spans) {
    }

    /** An explanation that also fits an ambiguous outage. */
    record CompetingJson(String cause, String why) {
    }

    /** One meter's time out, with its customer; {@code counted} when it counts in the indices. */
    record SpanJson(String meterId, String customerId, String feeder, Instant from, Instant to, boolean supplyLost,
            boolean restored, boolean counted) {
    }

    /** The indices of one scope, with the counts they come from; minutes are customer minutes. */
    record IndicesJson(int customersServed, long sustainedInterruptions, double interruptedCustomerMinutes,
            long momentaryInterruptions, Double saifi, Double saidiMinutes, Double caidiMinutes, Double maifi) {

        static IndicesJson of(ReliabilityIndices indices) {
            return new IndicesJson(indices.customersServed(), indices.sustainedInterruptions(),
                    indices.interruptedSeconds() / 60.0, indices.momentaryInterruptions(), value(indices.saifi()),
                    value(indices.saidiMinutes()), value(indices.caidiMinutes()), value(indices.maifi()));
        }

        private static Double value(OptionalDouble index) {
            return index.isPresent() ? index.getAsDouble() : null;
        }
    }

    /** The readings one meter did not send in one outage, and what billing estimated of them. */
    record GapJson(String outageId, String meterId, int intervals, List<Instant> missing, int estimatedIntervals,
            long estimatedWh, List<String> methods, List<String> statuses) {

        static GapJson of(DataGap gap) {
            return new GapJson(gap.outageId(), gap.meterId(), gap.intervals(), gap.missing(),
                    gap.estimatedIntervals(), gap.estimatedWh(), codes(gap.methods()), codes(gap.statuses()));
        }
    }

    static ReportJson of(IncidentReport report) {
        OutageReview review = report.review();
        Reliability reliability = report.reliability();
        Map<String, IndicesJson> feeders = new LinkedHashMap<>();
        reliability.byFeeder().forEach((feeder, indices) -> feeders.put(feeder, IndicesJson.of(indices)));
        List<OutageJson> outages = report.outages().stream().map(outage -> outage(report, outage)).toList();
        return new ReportJson(review.site().siteId(), review.site().zone().getId(), report.from(), report.to(),
                report.outage().map(Outage::id).orElse(null), outages, report.heldOff(),
                IndicesJson.of(reliability.site()), feeders, report.gaps().stream().map(GapJson::of).toList(),
                HistoryJson.of(review), review.historyWarning().orElse(null), review.estimatesHeld());
    }

    private static OutageJson outage(IncidentReport report, Outage outage) {
        List<SpanJson> spans = report.affected().stream().filter(a -> a.outage().equals(outage))
                .map(a -> new SpanJson(a.span().meterId(), a.customerId(), a.feeder(), a.span().from(), a.span().to(),
                        a.span().supplyLost(), a.span().restored(), a.counted()))
                .toList();
        return new OutageJson(outage.id(), outage.cause().code(), outage.start(), outage.end(), outage.meterCount(),
                outage.feeders(), outage.supplyLost(), outage.evidence().stream().map(Evidence::text).toList(),
                outage.competing().stream().map(c -> new CompetingJson(c.cause().code(), c.why())).toList(), spans);
    }

    private static List<String> codes(List<? extends Enum<?>> values) {
        return values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
