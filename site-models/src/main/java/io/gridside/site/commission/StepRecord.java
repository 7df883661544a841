package io.gridside.site.commission;

import java.time.Instant;
import java.util.Objects;

/**
 * A commissioning step marked done in the site store: when, and with what in a few words (how many customers, which
 * gateway), so that a console that resumes after the laptop slept shows what is done and applies nothing twice.
 *
 * @param step   the step
 * @param doneAt when it was marked done
 * @param detail what it was done with, in words; possibly empty
 */
public record StepRecord(CommissionStep step, Instant doneAt, String detail) {

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(doneAt, "doneAt");
        detail = detail == null ? "" : detail;
    }
}
