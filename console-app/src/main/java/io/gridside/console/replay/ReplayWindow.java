package io.gridside.console.replay;

import io.gridside.console.service.Progress;
import io.gridside.console.service.ReplayHistory;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.replay.Replay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window of a site's history as the Replay screen holds it: its events, the state at any instant, the site's
 * meters with their customers and feeders, and the diagnosis of its outages (or why there is none).
 *
 * @param from the window's start
 * @param to the window's end, exclusive
 * @param zone the site's time zone, in which times are shown and typed
 * @param gatewayId the gateway's id
 * @param meterIds the site's meters, in the database's order
 * @param customerOf each meter's customer as a person reads it (name, or id without one), by meter id
 * @param feederOf each meter's feeder, by meter id; empty when the meters are not mapped to feeders
 * @param parentsAtStart each meter's parent as the events read begin, by meter id
 * @param events the events of the window itself, by time
 * @param states the site's state at any instant of the window
 * @param diagnosis the outages found, or null when the diagnosis failed or is not available
 * @param diagnosisProblem why there is no diagnosis, or null when there is one
 */
public record ReplayWindow(Instant from, Instant to, ZoneId zone, String gatewayId, List<String> meterIds,
        Map<String, String> customerOf, Map<String, String> feederOf, Map<String, String> parentsAtStart,
        List<SiteEvent> events, StateAt states, Diagnosis diagnosis, String diagnosisProblem) {

    /**
     * How long before the window the events are read too: a meter out since the day before must show out at the
     * window's start.
     */
    static final Duration LEAD = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(ReplayWindow.class);

    public ReplayWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a window must end after it starts: " + from + " to " + to);
        }
        meterIds = List.copyOf(meterIds);
        customerOf = Map.copyOf(customerOf);
        feederOf = Map.copyOf(feederOf);
        parentsAtStart = Map.copyOf(parentsAtStart);
        events = List.copyOf(events);
        Objects.requireNonNull(states, "states");
    }

    /**
     * Reads the window [{@code from}, {@code to}) from the site database, indexes it for replay and diagnoses its
     * outages. A diagnosis that fails leaves the replay usable and says why.
     *
     * <p>When the database holds no event before the window's first site day with events, the window starts with
     * that day instead: a week asked of a site pulled three days ago shows those three days across the timeline,
     * not four empty days before them.
     */
    public static ReplayWindow load(ReplayHistory history, Instant asked, Instant to, Progress progress) {
        progress.update("Reading the site's meters", 0, 3);
        SiteInfo site = history.site().orElseThrow(() -> new IllegalStateException(
                "The site database holds nothing pulled yet: refresh the site, then open the replay again."));
        String gatewayId = history.gatewayId().orElse(site.siteId());
        List<String> meterIds = history.meters().stream().map(Meter::meterId).toList();
        Map<String, String> feeders = history.feeders();
        Instant readFrom = asked.minus(LEAD);

        progress.update("Reading the events of the window", 1, 3);
        List<SiteEvent> read = history.events(readFrom, to);
        Instant from = read.isEmpty() ? asked : latest(asked, read.stream().map(SiteEvent::at).min(Instant::compareTo)
                .orElseThrow().atZone(site.zone()).toLocalDate().atStartOfDay(site.zone()).toInstant());
        Map<String, String> parents = history.parentsAt(readFrom);

        progress.update("Indexing " + read.size() + " events and diagnosing the outages", 2, 3);
        Replay replay = Replay.of(meterIds, parents, gatewayId, read);
        List<SiteEvent> inWindow = replay.events().stream().filter(event -> !event.at().isBefore(from)).toList();
        Diagnosis diagnosis = null;
        String problem = null;
        try {
            diagnosis = Diagnoser.diagnose(new DiagnosisInput(from, to, gatewayId, meterIds, parents, feeders,
                    read));
        } catch (RuntimeException failure) {
            LOG.warn("The diagnosis of {} to {} failed; the replay shows without outages.", from, to, failure);
            problem = failure instanceof UnsupportedOperationException
                    ? "The diagnosis is not available in this version of the console."
                    : "The diagnosis failed (" + failure.getMessage() + "); the replay works without it.";
        }
        progress.update("Read", 3, 3);
        return new ReplayWindow(from, to, site.zone(), gatewayId, meterIds, customers(history, meterIds), feeders,
                parents, inWindow, replay::at, diagnosis, problem);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, String> customers(ReplayHistory history, List<String> meterIds) {
        Map<String, String> names = new HashMap<>();
        for (Customer customer : history.customers()) {
            names.put(customer.customerId(), customer.name() == null || customer.name().isBlank()
                    ? customer.customerId() : customer.name());
        }
        Map<String, String> of = new HashMap<>();
        for (Meter meter : history.meters()) {
            of.put(meter.meterId(), names.getOrDefault(meter.customerId(), meter.customerId()));
        }
        return of;
    }

    /** The window's length. */
    public Duration length() {
        return Duration.between(from, to);
    }

    /** When each event of the window happened, in epoch milliseconds, sorted: what the timeline counts. */
    public long[] eventMillis() {
        long[] millis = new long[events.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = events.get(i).at().toEpochMilli();
        }
        Arrays.sort(millis);
        return millis;
    }

    /** {@code at} moved into the window: its start if before, the last millisecond if at or after its end. */
    public Instant clamp(Instant at) {
        if (at.isBefore(from)) {
            return from;
        }
        return at.isBefore(to) ? at : to.minusMillis(1);
    }
}
