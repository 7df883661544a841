package io.gridside.site.outage;

import java.util.OptionalDouble;

/**
 * The IEEE 1366 reliability indices of one group of customers (a feeder, or the whole site) over a window, kept as
 * the whole counts they are worked out from, so that groups add up exactly and nothing is rounded twice.
 *
 * <p>Each meter is one customer: a prepaid meter is the point where one customer is supplied. An index that would
 * divide by zero is empty rather than NaN, so that whoever prints it says why it is undefined.
 *
 * @param customersServed the meters of the group, the excluded ones too (see {@link Reliability})
 * @param sustainedInterruptions the interruptions of supply of 5 minutes or more, one for each meter and time out
 * @param interruptedSeconds the customer seconds of those sustained interruptions, within the window
 * @param momentaryInterruptions the interruptions of supply shorter than 5 minutes
 */
public record ReliabilityIndices(int customersServed, long sustainedInterruptions, long interruptedSeconds,
        long momentaryInterruptions) {

    private static final double SECONDS_PER_MINUTE = 60.0;

    public ReliabilityIndices {
        if (customersServed < 0 || sustainedInterruptions < 0 || interruptedSeconds < 0
                || momentaryInterruptions < 0) {
            throw new IllegalArgumentException("counts must not be negative, were " + customersServed + ", "
                    + sustainedInterruptions + ", " + interruptedSeconds + ", " + momentaryInterruptions);
        }
    }

    /** The indices of a group no outage touched. */
    public static ReliabilityIndices untouched(int customersServed) {
        return new ReliabilityIndices(customersServed, 0, 0, 0);
    }

    /** These counts with {@code other}'s added: the indices of both groups as one. */
    public ReliabilityIndices plus(ReliabilityIndices other) {
        return new ReliabilityIndices(customersServed + other.customersServed,
                sustainedInterruptions + other.sustainedInterruptions, interruptedSeconds + other.interruptedSeconds,
                momentaryInterruptions + other.momentaryInterruptions);
    }

    /** SAIFI: sustained interruptions per customer served; empty when the group serves none. */
    public OptionalDouble saifi() {
        return perCustomer(sustainedInterruptions);
    }

    /** SAIDI: minutes of sustained interruption per customer served; empty when the group serves none. */
    public OptionalDouble saidiMinutes() {
        return perCustomer(interruptedSeconds / SECONDS_PER_MINUTE);
    }

    /**
     * CAIDI: the mean minutes of a sustained interruption, SAIDI over SAIFI; empty when there was no sustained
     * interruption to take the mean of.
     */
    public OptionalDouble caidiMinutes() {
        return sustainedInterruptions == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(interruptedSeconds / SECONDS_PER_MINUTE / sustainedInterruptions);
    }

    /** MAIFI: momentary interruptions per customer served; empty when the group serves none. */
    public OptionalDouble maifi() {
        return perCustomer(momentaryInterruptions);
    }

    private OptionalDouble perCustomer(double amount) {
        return customersServed == 0 ? OptionalDouble.empty() : OptionalDouble.of(amount / customersServed);
    }
}
