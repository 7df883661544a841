package io.gridside.site.commission;

import java.util.List;

/**
 * Checks each joined meter's links against the thresholds and suggests what to do about the ones that fall short:
 * a meter weak on its own probably has its antenna badly placed; several weak meters close together lack a node to
 * relay through, and a repeater near their centre helps them all.
 */
public final class LinkChecks {

    private LinkChecks() {
    }

    /** {@code meter}'s links against {@code thresholds}: signal both ways, ETX and the number of routes. */
    public static LinkCheck check(JoinedMeter meter, LinkThresholds thresholds) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every meter checked, in serial order. */
    public static List<LinkCheck> checkAll(List<JoinedMeter> meters, LinkThresholds thresholds) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The suggestions for the meters whose check did not pass: the weak meters grouped by position (within
     * {@link LinkThresholds#clusterMetres} of one another); a group of one gets a suggestion to move its antenna, a
     * larger one a repeater near its centre. Largest group first.
     */
    public static List<LinkSuggestion> suggest(List<JoinedMeter> meters, List<LinkCheck> checks,
            LinkThresholds thresholds) {
        throw new UnsupportedOperationException("not yet");
    }
}
