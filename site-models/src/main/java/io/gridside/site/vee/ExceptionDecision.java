package io.gridside.site.vee;

import java.time.Instant;
import java.util.Objects;

/**
 * A technician's decision on one entry of the exceptions queue, kept for good: which read and rule it settles,
 * the register that stands for the meter and time, who decided, when and why.
 *
 * @param meterId the meter of the read decided on
 * @param readAt the time of the read, which names it with the meter, its register and the rule
 * @param readRegisterWh the register the read said
 * @param rule the rule the read broke
 * @param outcome whether the read stands or the technician's register replaces it
 * @param registerWh the register that stands: the read's own when accepted, the technician's when overridden
 * @param by who decided: the technician's id from their credential
 * @param decidedAt when
 * @param why the reason given, required either way
 */
public record ExceptionDecision(String meterId, Instant readAt, long readRegisterWh, ReadRule rule,
        ExceptionOutcome outcome, long registerWh, String by, Instant decidedAt, String why) {

    public ExceptionDecision {
        VeeChecks.meterId(meterId);
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (registerWh < 0) {
            throw new IllegalArgumentException("registerWh must not be negative, was " + registerWh);
        }
        if (outcome == ExceptionOutcome.ACCEPTED && registerWh != readRegisterWh) {
            throw new IllegalArgumentException("an accepted read keeps its register " + readRegisterWh
                    + " Wh, not " + registerWh);
        }
        by = VeeChecks.text("by", by);
        why = VeeChecks.text("why", why);
    }

    /** Lets {@code exception}'s read stand as it came. */
    public static ExceptionDecision accept(ReadException exception, String by, Instant at, String why) {
        return new ExceptionDecision(exception.meterId(), exception.at(), exception.read().registerWh(),
                exception.rule(), ExceptionOutcome.ACCEPTED, exception.read().registerWh(), by, at, why);
    }

    /** Replaces {@code exception}'s read with the register {@code registerWh} the technician gives. */
    public static ExceptionDecision override(ReadException exception, long registerWh, String by, Instant at,
            String why) {
        return new ExceptionDecision(exception.meterId(), exception.at(), exception.read().registerWh(),
                exception.rule(), ExceptionOutcome.OVERRIDDEN, registerWh, by, at, why);
    }

    /** Whether this decision settles {@code exception}: the same read and rule. */
    public boolean decides(ReadException exception) {
        return meterId.equals(exception.meterId()) && readAt.equals(exception.at())
                && readRegisterWh == exception.read().registerWh() && rule == exception.rule();
    }
}
