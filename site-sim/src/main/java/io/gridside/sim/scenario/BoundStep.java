package io.gridside.sim.scenario;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.List;

/**
 * A scenario step bound to one site and one run: its times as instants, the meters it acts on by index, and the
 * cause its events carry.
 */
final class BoundStep {

    /** What a step does to the meters it covers while it lasts. */
    enum Effect {
        /** Their supply is cut: they lose power. */
        CUT,
        /** Their relay is held open: they have power, their customers have none. */
        HOLD,
        /** Their radio is silent: they neither send nor relay. */
        SILENCE,
        /** Nothing a meter's state shows. */
        NONE
    }

    final Step step;
    final SiteEvent.Cause cause;
    final Instant from;
    final Instant to;
    /** What it does to its meters' state; interference acts on the mesh's links instead. */
    final Effect effect;
    /**
     * The ids of the meters it acts on, in meter order: for interference, those it names until it begins, then
     * those inside its circle.
     */
    List<String> meterIds;
    /** The indexes of the same meters. */
    List<Integer> meterIndexes;
    private boolean[] covers;

    BoundStep(Step step, SiteEvent.Cause cause, Instant from, Instant to, Effect effect, List<Integer> indexes,
            List<String> allMeterIds) {
        this.step = step;
        this.cause = cause;
        this.from = from;
        this.to = to;
        this.effect = effect;
        actOn(indexes, allMeterIds);
    }

    /**
     * Makes it act on other meters, as it begins: the busiest repeater as the live routes stand then, or the meters
     * inside an interference's circle.
     */
    void actOn(List<Integer> indexes, List<String> allMeterIds) {
        this.covers = new boolean[allMeterIds.size()];
        indexes.forEach(index -> covers[index] = true);
        this.meterIds = indexes.stream().map(allMeterIds::get).toList();
        this.meterIndexes = List.copyOf(indexes);
    }

    /** Whether it acts on the meter at {@code index}. */
    boolean covers(int index) {
        return covers[index];
    }

    /** Whether it lasts at {@code at}. */
    boolean lastsAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** Whether it lasts at some time in [start, end). */
    boolean touches(Instant start, Instant end) {
        return from.isBefore(end) && to.isAfter(start);
    }

    /** The one meter it acts on, for a step on a meter. */
    String meterId() {
        return meterIds.get(0);
    }
}
