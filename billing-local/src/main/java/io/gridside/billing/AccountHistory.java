package io.gridside.billing;

import io.gridside.site.EventKind;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which meter billed each customer's account and when, as a gateway's meter exchanges and moves left it: the meter
 * the account opened on, each exchange that moved it to another meter, and the move-out that closed it.
 *
 * <p>A meter bills an account from the quarter hour that holds the moment it began to (the opening or the
 * exchange): the first reading billed is the one whose interval ends after that moment. It stops at the exchange or
 * move-out, whose final reading, the register's rise to the final register a technician read, is billed then; the
 * meter's readings that end after that moment are not the account's. A new meter's opening register is never
 * billed: its first reading bills the rise from it.
 */
public final class AccountHistory {

    /** The events that change which meter bills a customer, or whether the customer is billed at all. */
    public static final Set<EventKind> SITE_CHANGES = Set.of(EventKind.METER_EXCHANGED,
            EventKind.CUSTOMER_MOVED_OUT, EventKind.CUSTOMER_MOVED_IN);

    /**
     * One meter's part in billing an account.
     *
     * @param from when the meter began to bill the account: its opening, or an exchange
     * @param to when it stopped: an exchange or a move-out, or null while it bills the account still
     * @param finalRegisterWh the register read as it stopped, billed then, or null when none was billed
     */
    public record Span(String meterId, Instant from, Instant to, Long finalRegisterWh) {

        /** Whether the reading is the final one billed as this meter stopped. */
        boolean isFinal(Reading reading) {
            return finalRegisterWh != null && reading.meterId().equals(meterId) && to != null
                    && reading.intervalStart().equals(Reading.intervalStartOf(to))
                    && reading.registerWh() == finalRegisterWh;
        }

        /** Whether a reading billed at a quarter hour's end was this meter's for the account. */
        boolean billedAtATick(Reading reading) {
            return reading.meterId().equals(meterId) && reading.intervalEnd().isAfter(from)
                    && (to == null || !reading.intervalEnd().isAfter(to));
        }
    }

    private final Map<String, String> firstMeter;
    private final Map<String, List<Span>> spans = new HashMap<>();
    private final Map<String, Instant> closed = new HashMap<>();

    private AccountHistory(Map<String, String> firstMeter) {
        this.firstMeter = firstMeter;
    }

    /**
     * The history the events record.
     *
     * @param meters the meters as the roster has them now, each with the customer it bills
     * @param openings when each customer's account opened, by customer
     * @param events the gateway's event log, or any part of it that holds every exchange and move since the
     *     openings; other events are passed over
     */
    public static AccountHistory of(List<Meter> meters, Map<String, Instant> openings, List<SiteEvent> events) {
        return of(meterByCustomer(meters), openings, events);
    }

    /**
     * The history the events record, as {@link #of(List, Map, List)} gives it, for an engine that knows each
     * customer's meter rather than a roster.
     *
     * @param meterNow the meter that bills each customer now, or billed them until they moved out, by customer
     */
    public static AccountHistory of(Map<String, String> meterNow, Map<String, Instant> openings,
            List<SiteEvent> events) {
        List<SiteEvent> ordered = events.stream().filter(e -> SITE_CHANGES.contains(e.kind()))
                .sorted(Comparator.comparingLong(SiteEvent::id)).toList();
        AccountHistory history = new AccountHistory(openingMeters(meterNow, ordered));
        openings.forEach((customerId, at) -> {
            String meterId = history.firstMeter.get(customerId);
            if (meterId != null) {
                history.spans.put(customerId, new ArrayList<>(List.of(new Span(meterId, at, null, null))));
            }
        });
        ordered.forEach(history::follow);
        return history;
    }

    /**
     * The meter each customer's account opened on: the one the roster gives now, else the one the customer moved
     * out from, taken back through every exchange since.
     */
    static Map<String, String> openingMeters(List<Meter> meters, List<SiteEvent> events) {
        return openingMeters(meterByCustomer(meters), events);
    }

    private static Map<String, String> meterByCustomer(List<Meter> meters) {
        Map<String, String> now = new HashMap<>();
        meters.forEach(m -> now.put(m.customerId(), m.meterId()));
        return now;
    }

    private static Map<String, String> openingMeters(Map<String, String> meterNow, List<SiteEvent> events) {
        Map<String, String> first = new HashMap<>(meterNow);
        List<SiteEvent> ordered = events.stream().sorted(Comparator.comparingLong(SiteEvent::id)).toList();
        for (SiteEvent event : ordered) {
            if (event.kind() == EventKind.CUSTOMER_MOVED_OUT) {
                first.putIfAbsent(event.detail("customerId"), event.source());
            }
        }
        for (int i = ordered.size() - 1; i >= 0; i--) {
            SiteEvent event = ordered.get(i);
            if (event.kind() == EventKind.METER_EXCHANGED) {
                first.put(event.detail("customerId"), event.source());
            }
        }
        return first;
    }

    private void follow(SiteEvent event) {
        String customerId = event.detail("customerId");
        List<Span> held = spans.get(customerId);
        if (held == null || event.kind() == EventKind.CUSTOMER_MOVED_IN) {
            return;
        }
        Span current = held.get(held.size() - 1);
        if (event.kind() == EventKind.METER_EXCHANGED) {
            held.set(held.size() - 1, new Span(current.meterId(), current.from(), event.at(),
                    Long.parseLong(event.detail("oldFinalRegisterWh"))));
            held.add(new Span(event.detail("newMeterId"), event.at(), null, null));
        } else {
            String register = event.detail("finalRegisterWh");
            held.set(held.size() - 1, new Span(current.meterId(), current.from(), event.at(),
                    register == null ? null : Long.parseLong(register)));
            closed.put(customerId, event.at());
        }
    }

    /** The meter the customer's account opened on, before any exchange, or null for a customer it does not know. */
    public String meterAtOpening(String customerId) {
        return firstMeter.get(customerId);
    }

    /** The meters that billed the customer's account, in the order they did; empty for an unknown customer. */
    public List<Span> spans(String customerId) {
        return List.copyOf(spans.getOrDefault(customerId, List.of()));
    }

    /** The customers whose accounts the history follows, in no particular order. */
    public Set<String> customers() {
        return Set.copyOf(spans.keySet());
    }

    /** When the customer moved out, if they did. */
    public Optional<Instant> closedAt(String customerId) {
        return Optional.ofNullable(closed.get(customerId));
    }

    /**
     * The readings the gateway billed to the customer's account, taken from {@code byMeter}, whose intervals start
     * before {@code until}, in the order it billed them: each meter's, up to its final reading, before the next's.
     *
     * @throws IllegalStateException when a final reading before {@code until} is not among the readings
     */
    public List<Reading> billedTo(String customerId, Map<String, List<Reading>> byMeter, Instant until) {
        // Every account's final readings: a move-out's on a meter that a move-in took next is not the new account's.
        Set<Reading> finals = new HashSet<>();
        spans.values().stream().flatMap(List::stream).forEach(span -> byMeter.getOrDefault(span.meterId(),
                List.of()).stream().filter(span::isFinal).forEach(finals::add));
        List<Reading> billed = new ArrayList<>();
        for (Span span : spans.getOrDefault(customerId, List.of())) {
            List<Reading> ofMeter = byMeter.getOrDefault(span.meterId(), List.of());
            ofMeter.stream().filter(r -> !finals.contains(r) && span.billedAtATick(r)
                    && r.intervalStart().isBefore(until))
                    .sorted(Comparator.comparing(Reading::intervalStart)).forEach(billed::add);
            if (span.finalRegisterWh() != null && Reading.intervalStartOf(span.to()).isBefore(until)) {
                billed.add(ofMeter.stream().filter(span::isFinal).findFirst().orElseThrow(() ->
                        new IllegalStateException("The final reading of meter " + span.meterId() + " at "
                                + span.to() + " (register " + span.finalRegisterWh() + " Wh) is not among the "
                                + "readings; pull the readings of that quarter hour again.")));
            }
        }
        return billed;
    }
}
