package io.gridside.console.replay;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.service.OutageReview;
import io.gridside.console.service.Progress;
import io.gridside.console.service.ReplayHistory;
import io.gridside.console.service.StoredReplay;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.replay.Replay;
import io.gridside.site.replay.SiteState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
 * @param review the outages with their indices and missing readings, over the window asked, for an incident
 *     report; null when the review failed, or the window was made by hand
 * @param historyStart the first event the site database holds, when the history begins inside the window; before
 *     it how the site stood is not known. Null when the history begins before the window
 * @param historyEnd the last event the site database holds, when it falls inside the window; after it the site is
 *     shown as it last stood. Null when events follow the window
 */
public record ReplayWindow(Instant from, Instant to, ZoneId zone, String gatewayId, List<String> meterIds,
        Map<String, String> customerOf, Map<String, String> feederOf, Map<String, String> parentsAtStart,
        List<SiteEvent> events, StateAt states, Diagnosis diagnosis, String diagnosisProblem, OutageReview review,
        Instant historyStart, Instant historyEnd) {

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
     * Reads the window [{@code asked}, {@code to}) from the site database, reviews its outages (diagnosis, indices,
     * missing readings) and indexes its events for replay, both from one read of the events. A review that fails
     * leaves the replay usable, read on its own, and says why.
     *
     * <p>When the database holds no event before the window's first site day with events, the window starts with
     * that day instead: a week asked of a site pulled three days ago shows those three days across the timeline,
     * not four empty days before them. Its review still covers the window asked.
     */
    public static ReplayWindow load(ReplayHistory history, Instant asked, Instant to, Progress progress) {
        return load(history, asked, to, progress, Diagnoser::diagnose);
    }

    /** As {@link #load(ReplayHistory, Instant, Instant, Progress)}, diagnosed by {@code diagnoser}. */
    static ReplayWindow load(ReplayHistory history, Instant asked, Instant to, Progress progress,
            Function<DiagnosisInput, Diagnosis> diagnoser) {
        progress.update(Sentence.of("replay.load.meters"), 0, 3);
        SiteInfo site = history.site().orElseThrow(() -> new IllegalStateException(
                I18n.text("replay.nothingPulled")));

        progress.update(Sentence.of("replay.load.events"), 1, 3);
        DiagnosisInput[] read = new DiagnosisInput[1];
        OutageReview review = null;
        String problem = null;
        try {
            review = history.review(asked, to, input -> {
                read[0] = input;
                return diagnoser.apply(input);
            });
        } catch (RuntimeException failure) {
            LOG.warn("The outage review of {} to {} failed; the replay shows without outages.", asked, to, failure);
            problem = failure instanceof UnsupportedOperationException
                    ? I18n.text("replay.load.diagnosisMissing")
                    : I18n.text("replay.load.diagnosisFailed", failure.getMessage());
        }

        progress.update(Sentence.of("replay.load.indexing"), 2, 3);
        Replay replay;
        Map<String, String> parents;
        if (read[0] != null) {
            replay = Replay.of(read[0].meterIds(), read[0].parentOf(), read[0].gatewayId(), read[0].events());
            parents = read[0].parentOf();
        } else {
            StoredReplay stored = history.replay(asked, to);
            replay = stored.replay();
            parents = parentsOf(replay.at(stored.loadedFrom()));
        }
        List<SiteEvent> events = replay.events();
        Instant from = events.isEmpty() ? asked : latest(asked, events.get(0).at().atZone(site.zone())
                .toLocalDate().atStartOfDay(site.zone()).toInstant());
        List<SiteEvent> inWindow = events.stream().filter(event -> !event.at().isBefore(from)).toList();
        String gatewayId = replay.gatewayId() != null ? replay.gatewayId() : site.siteId();
        // A window moved later than asked begins with the history held: nothing is known before its first event.
        Instant historyStart = from.isAfter(asked) && !inWindow.isEmpty() ? inWindow.get(0).at() : null;
        Instant historyEnd = history.lastEventAt().filter(last -> last.isBefore(to) && !last.isBefore(from))
                .orElse(null);
        progress.update(Sentence.of("replay.load.read"), 3, 3);
        return new ReplayWindow(from, to, site.zone(), gatewayId, replay.meterIds(),
                customers(history), history.feeders(), parents, inWindow, replay::at,
                review == null ? null : review.diagnosis(), problem, review, historyStart, historyEnd);
    }

    private static Map<String, String> parentsOf(SiteState state) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i < state.meterIds().size(); i++) {
            if (state.parent(i) != null) {
                parents.put(state.meterIds().get(i), state.parent(i));
            }
        }
        return parents;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, String> customers(ReplayHistory history) {
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

    /** Whether {@code at} comes before the first event held, so that how the site stood then is not known. */
    public boolean beforeHistory(Instant at) {
        return historyStart != null && at.isBefore(historyStart);
    }

    /** Whether {@code at} comes after the last event held, so that the site is shown as it last stood. */
    public boolean afterHistory(Instant at) {
        return historyEnd != null && at.isAfter(historyEnd);
    }

    /** Where the window opens when no outage calls: its first event, else the start of its history, else its start. */
    public Instant opening() {
        if (!events.isEmpty()) {
            return events.get(0).at();
        }
        return historyStart != null ? historyStart : from;
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
