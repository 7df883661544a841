package io.gridside.link.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer to a {@link PostReadings}: what became of each read, in the request's order, and the
 * sequence numbers of the ADJUSTMENT entries the reads made it post, which tie those entries to the command.
 *
 * @param postedSeqs the ledger sequence numbers of the adjustments posted, in order; none when nothing moved
 */
public record ReadingsTaken(List<Result> results, List<Long> postedSeqs) implements Message {

    /** What the gateway did with one read. */
    public enum Outcome {
        /** The read, with the others of its gap, replaced the gap's estimate; the spread's change was posted. */
        FILLED,
        /** The read replaced the register billed at its time; the re-rated days' difference was posted. */
        CORRECTED,
        /** The gateway holds this read already (as read, filled or corrected); nothing more was done. */
        DUPLICATE,
        /** The read broke a rule; nothing was done with it. */
        REFUSED
    }

    /**
     * The answer for one read.
     *
     * @param registerWh the register the read gave, so that a corrected register is in the answer the log keeps
     * @param code the rule it broke when refused (protocol section 7), else null
     * @param message one sentence for the technician when refused, else null
     */
    public record Result(String meterId, Instant readAt, long registerWh, Outcome outcome, String code,
            String message) {

        public Result {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(readAt, "readAt");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public ReadingsTaken {
        results = List.copyOf(results);
        postedSeqs = List.copyOf(postedSeqs);
    }
}
