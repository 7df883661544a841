package io.gridside.site.outage;

/**
 * Finds the outages in a window of a site's event log and decides each one's cause from its evidence.
 *
 * <p>Contract only, filled in by the diagnosis work.
 */
public final class Diagnoser {

    private Diagnoser() {
    }

    /** The outages of {@code input}'s window, each with its cause and evidence. */
    public static Diagnosis diagnose(DiagnosisInput input) {
        throw new UnsupportedOperationException("not built yet");
    }
}
