package io.gridside.site.commission;

import java.util.List;
import java.util.Objects;

/**
 * What the technician could do about meters whose links fell short: move or raise the antenna of a meter that is
 * weak on its own, add a repeater near the centre of a cluster of weak meters, or give meters whose signal is good
 * but whose route is single a second node within reach.
 *
 * @param kind      which remedy
 * @param meterIds  the meters it would help, in serial order
 * @param latitude  where: the meter itself, or the centre of the cluster, in degrees
 * @param longitude where, in degrees
 * @param text      the suggestion in one sentence, as the console and the command line show it
 */
public record LinkSuggestion(Kind kind, List<String> meterIds, double latitude, double longitude, String text) {

    /** The remedies the check suggests. */
    public enum Kind {
        /** One meter alone is weak: its antenna is badly placed or blocked. */
        MOVE_ANTENNA,
        /** Several weak meters lie close together: the area lacks a node to relay through. */
        ADD_REPEATER,
        /** Meters that hear their parent well but have too few routes: they lack a second node within reach. */
        FEW_ROUTES
    }

    public LinkSuggestion {
        Objects.requireNonNull(kind, "kind");
        meterIds = List.copyOf(meterIds);
        if (meterIds.isEmpty()) {
            throw new IllegalArgumentException("A suggestion helps one meter at least");
        }
        Objects.requireNonNull(text, "text");
    }
}
