package io.gridside.console.mesh;

import io.gridside.site.mesh.LinkGrade;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One meter's radio as the technician reads it beside the map: its neighbours measured both ways, its route to the
 * gateway, the parents it took over the days of history given, and the signal of the link it used.
 *
 * <p>"Out" is always what the other radio receives of this meter, "in" what this meter receives of the other,
 * whichever of the two radios' neighbour tables the measure came from.
 *
 * @param meterId the meter
 * @param node the meter's index in the graph it was read from
 * @param customer who the meter serves, as the title shows it, or null when unknown
 * @param hops hops to the gateway now, -1 without a route
 * @param stale whether only an earlier snapshot knows the meter
 * @param neighbours every radio the meter has a link with, current links first, then by best signal in
 * @param route the hops from the meter up to the gateway, the meter's own first; empty without a route
 * @param routed whether the route reaches the gateway (true for the gateway itself)
 * @param historyDays the site days of mesh history the parents and signal were read from, in order
 * @param parents each parent the meter took, oldest first; a null parent is a lost route
 * @param signal the link in use's RSSI both ways, at the start of each day and at every change, oldest first
 */
public record MeterRadio(String meterId, int node, String customer, int hops, boolean stale,
        List<Neighbour> neighbours, List<Hop> route, boolean routed, List<LocalDate> historyDays,
        List<ParentChange> parents, List<SignalPoint> signal) {

    public MeterRadio {
        Objects.requireNonNull(meterId, "meterId");
        neighbours = List.copyOf(neighbours);
        route = List.copyOf(route);
        historyDays = List.copyOf(historyDays);
        parents = List.copyOf(parents);
        signal = List.copyOf(signal);
    }

    /** The same radio with who the meter serves, for the title. */
    public MeterRadio withCustomer(String who) {
        return new MeterRadio(meterId, node, who, hops, stale, neighbours, route, routed, historyDays, parents, signal);
    }

    /** Whether any mesh history was read for the parents and the signal. */
    public boolean hasHistory() {
        return !historyDays.isEmpty();
    }

    /** How the neighbour stands to the meter in the routing tree now. */
    public enum Role {
        /** The meter's preferred parent. */
        PARENT,
        /** A meter that has this meter as its preferred parent. */
        CHILD,
        /** Any other neighbour. */
        NEIGHBOUR
    }

    /** Which neighbour tables name the link: the meter's own, the neighbour's, or both. */
    public enum Source {
        OWN,
        THEIRS,
        BOTH
    }

    /**
     * A neighbour of the meter with the measures of their link both ways.
     *
     * @param neighbourId the other radio
     * @param node the other radio's index in the graph
     * @param links the indexes of the graph's links between the two radios, one or two
     * @param role how the neighbour stands to the meter
     * @param source which tables name the link; where both do, the measures come from the newer entry
     * @param rssiOutDbm what the neighbour receives of the meter
     * @param rssiInDbm what the meter receives of the neighbour
     * @param psrOut share of the meter's packets that reach the neighbour
     * @param psrIn share of the neighbour's packets that reach the meter
     * @param etx expected transmissions of the entry the measures came from
     * @param ageSeconds how long since the link was last heard, -1 if never
     * @param stale whether only the past knows the link
     * @param gradeOut the grade of the way out
     * @param gradeIn the grade of the way in
     */
    public record Neighbour(String neighbourId, int node, int[] links, Role role, Source source, double rssiOutDbm,
            double rssiInDbm, double psrOut, double psrIn, double etx, long ageSeconds, boolean stale,
            LinkGrade gradeOut, LinkGrade gradeIn) {

        public Neighbour {
            links = links.clone();
        }

        @Override
        public int[] links() {
            return links.clone();
        }

        /** The weaker of the two directions' grades: what the link is worth for routing. */
        public LinkGrade grade() {
            return gradeOut.compareTo(gradeIn) >= 0 ? gradeOut : gradeIn;
        }
    }

    /**
     * One hop of the route: a radio and its parent, with the link's measures up (child to parent) and down.
     * Measures are NaN and grades null when neither table holds the link.
     *
     * @param from the radio's index in the graph
     * @param to its parent's index
     * @param link the graph's index of the link the measures came from, -1 when none holds it
     */
    public record Hop(String fromId, String toId, int from, int to, int link, double rssiUpDbm, double rssiDownDbm,
            double psrUp, double psrDown, double etx, LinkGrade gradeUp, LinkGrade gradeDown) {
    }

    /** When the meter took a parent; a null parent means it lost its route then. */
    public record ParentChange(Instant at, String parentId) {

        public ParentChange {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The link in use at one moment: to which parent, and its RSSI both ways in whole dBm. */
    public record SignalPoint(Instant at, String parentId, int rssiOutDbm, int rssiInDbm) {

        public SignalPoint {
            Objects.requireNonNull(at, "at");
        }
    }
}
