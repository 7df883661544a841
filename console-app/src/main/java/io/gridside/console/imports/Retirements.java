package io.gridside.console.imports;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When meter exchanges took meters out of service, and fitted them again, by the event log a pull stored: the old
 * meter of an exchange is retired from its time, until an exchange names it as the meter fitted.
 */
final class Retirements {

    /** An exchange that took a meter out: when, and the meter fitted in its place. */
    record Exchange(Instant at, String newMeterId) {
    }

    /** A meter's changes of service in time order: an exchange that retired it, or null for one that fitted it. */
    private record Change(Instant at, Exchange retiredBy) {
    }

    private final Map<String, List<Change>> changes;

    private Retirements(Map<String, List<Change>> changes) {
        this.changes = changes;
    }

    static Retirements of(List<SiteEvent> events) {
        Map<String, List<Change>> changes = new HashMap<>();
        events.stream().filter(event -> event.kind() == EventKind.METER_EXCHANGED)
                .sorted((a, b) -> a.at().compareTo(b.at()))
                .forEach(event -> {
                    String fitted = event.detail("newMeterId");
                    changes.computeIfAbsent(event.source(), id -> new ArrayList<>())
                            .add(new Change(event.at(), new Exchange(event.at(), fitted)));
                    changes.computeIfAbsent(fitted, id -> new ArrayList<>()).add(new Change(event.at(), null));
                });
        return new Retirements(changes);
    }

    /** The exchange that had taken {@code meterId} out of service at {@code at}, if one had. */
    Optional<Exchange> retiredAt(String meterId, Instant at) {
        Exchange retired = null;
        for (Change change : changes.getOrDefault(meterId, List.of())) {
            if (!change.at().isBefore(at)) {
                break;
            }
            retired = change.retiredBy();
        }
        return Optional.ofNullable(retired);
    }
}
