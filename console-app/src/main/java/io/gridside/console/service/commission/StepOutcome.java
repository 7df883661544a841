package io.gridside.console.service.commission;

import java.time.Instant;
import java.util.Objects;

/**
 * How a step's run ended: done, or waiting for the technician (a file to choose, meters still to assign), with a
 * sentence that says what is missing.
 *
 * @param done    whether the step is complete
 * @param waiting what the step still needs from the technician, empty when done
 * @param detail  what a done step was done with, in a few words, as the store records it; empty when not done
 * @param says    the waiting sentence by its key, for the screen to show in the console's language; null when done
 * @param at      when a done step happened by the clock of what did it (the gateway's, for go-live), or null when
 *                the laptop's clock at recording says it
 */
public record StepOutcome(boolean done, String waiting, String detail, CommissionSentence says, Instant at) {

    public StepOutcome {
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(detail, "detail");
        if (done != waiting.isEmpty()) {
            throw new IllegalArgumentException("A done step waits for nothing, a step not done says what it needs");
        }
    }

    public static StepOutcome finished() {
        return finished("");
    }

    /** Done, recorded with {@code detail}: how many customers, which gateway, which file. */
    public static StepOutcome finished(String detail) {
        return new StepOutcome(true, "", detail, null, null);
    }

    /** Done at {@code at} by the gateway's clock, as go-live is: the record keeps the gateway's time of it. */
    public static StepOutcome finishedAt(String detail, Instant at) {
        return new StepOutcome(true, "", detail, null, Objects.requireNonNull(at, "at"));
    }

    /** Waiting for what the commission bundle's sentence {@code key} says, with {@code args} put in it. */
    public static StepOutcome waitingFor(String key, Object... args) {
        CommissionSentence says = CommissionSentence.of(key, args);
        return new StepOutcome(false, says.english(), "", says, null);
    }
}
