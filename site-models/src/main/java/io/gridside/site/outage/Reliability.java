package io.gridside.site.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reliability of a site's supply over a window, by the indices of IEEE 1366, for the whole site and for each
 * feeder its meters are mapped to.
 *
 * <p>What counts: each time out of a meter whose customer lost supply ({@link MeterSpan#supplyLost()}); an outage
 * of messages alone (the backhaul, the mesh, the radio, the gateway) left the customers their power and counts in
 * none. A time out shorter than {@link #MOMENTARY} is a momentary interruption (MAIFI), any other a sustained one
 * (SAIFI, SAIDI, CAIDI), judged on the whole time out; its minutes count only within the window. A meter whose
 * relay billing or maintenance held open while its supply failed lost no supply then (the diagnosis gives that
 * span {@code supplyLost} false), so that time out counts in no index; its times out before or after the hold
 * count like any other, and it stays a customer served throughout: it is still connected to the site, as IEEE 1366
 * counts customers served, and the indices do not jump when billing switches many customers off.
 *
 * @param from the window's start
 * @param to the window's end, exclusive
 * @param site the indices of every meter of the site
 * @param byFeeder the indices of the meters of each feeder, by feeder id in order; empty when no meter is mapped
 */
public record Reliability(Instant from, Instant to, ReliabilityIndices site,
        Map<String, ReliabilityIndices> byFeeder) {

    /** IEEE 1366's line between a momentary and a sustained interruption: shorter than this is momentary. */
    public static final Duration MOMENTARY = Duration.ofMinutes(5);

    public Reliability {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(site, "site");
        byFeeder = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(byFeeder)));
    }

    /**
     * The indices of {@code diagnosis}'s window.
     *
     * @param meterIds every meter of the site, the customers served; a time out of a meter not among them counts
     *     in no index
     * @param feederOf each meter's feeder, by meter id; a meter without one counts for the site alone
     */
    public static Reliability of(Diagnosis diagnosis, Collection<String> meterIds, Map<String, String> feederOf) {
        Set<String> served = new HashSet<>(meterIds);
        Map<String, Tally> tallies = new TreeMap<>();
        Tally site = new Tally();
        for (String meterId : served) {
            site.customers++;
            String feeder = feederOf.get(meterId);
            if (feeder != null) {
                tallies.computeIfAbsent(feeder, f -> new Tally()).customers++;
            }
        }
        for (Outage outage : diagnosis.outages()) {
            for (MeterSpan span : outage.spans()) {
                if (span.supplyLost() && served.contains(span.meterId())) {
                    site.count(span, diagnosis.from(), diagnosis.to());
                    String feeder = feederOf.get(span.meterId());
                    if (feeder != null) {
                        tallies.get(feeder).count(span, diagnosis.from(), diagnosis.to());
                    }
                }
            }
        }
        Map<String, ReliabilityIndices> byFeeder = new TreeMap<>();
        tallies.forEach((feeder, tally) -> byFeeder.put(feeder, tally.indices()));
        return new Reliability(diagnosis.from(), diagnosis.to(), site.indices(), byFeeder);
    }

    /** The indices of the one outage {@code outage} alone, as if it were the window's only one. */
    public static Reliability ofOutage(Diagnosis diagnosis, Outage outage, Collection<String> meterIds,
            Map<String, String> feederOf) {
        Diagnosis alone = new Diagnosis(diagnosis.from(), diagnosis.to(), List.of(outage),
                diagnosis.excludedMeters());
        return of(alone, meterIds, feederOf);
    }

    /** The counts of one group as they add up. */
    private static final class Tally {

        int customers;
        long sustained;
        long seconds;
        long momentary;

        /** Counts {@code span} when any of it, or the instant of one that lasted none, falls in the window. */
        void count(MeterSpan span, Instant windowFrom, Instant windowTo) {
            boolean inWindow = span.from().isBefore(windowTo)
                    && (span.to().isAfter(windowFrom) || !span.from().isBefore(windowFrom));
            if (!inWindow) {
                return;
            }
            Instant start = span.from().isBefore(windowFrom) ? windowFrom : span.from();
            Instant end = span.to().isAfter(windowTo) ? windowTo : span.to();
            if (span.duration().compareTo(MOMENTARY) < 0) {
                momentary++;
            } else {
                sustained++;
                seconds += Duration.between(start, end).toSeconds();
            }
        }

        ReliabilityIndices indices() {
            return new ReliabilityIndices(customers, sustained, seconds, momentary);
        }
    }
}
