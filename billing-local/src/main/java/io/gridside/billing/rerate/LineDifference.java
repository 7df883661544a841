package io.gridside.billing.rerate;

import io.gridside.site.ledger.CustomerDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One charge line of one customer day that the gateway's ledger charges otherwise than the console's re-rating of
 * the same inputs, in whole minor units; its correction is the adjustment that brings the ledger to the re-rating.
 */
public record LineDifference(CustomerDay customerDay, LineKey line, long gatewayMinor, long consoleMinor) {

    /**
     * Every line of {@code days} that the two sides charge differently, in day and line order; adjustments already
     * posted count in the gateway's lines.
     */
    public static List<LineDifference> between(DayLines gateway, DayLines console, Collection<CustomerDay> days) {
        List<LineDifference> differences = new ArrayList<>();
        for (CustomerDay day : days.stream().sorted().distinct().toList()) {
            for (LineKey line : DayLines.linesOfEither(day, gateway, console)) {
                long charged = gateway.charged(day, line);
                long rerated = console.charged(day, line);
                if (charged != rerated) {
                    differences.add(new LineDifference(day, line, charged, rerated));
                }
            }
        }
        return differences;
    }

    /** What the gateway charged beyond the re-rating: positive when it charged too much. */
    public long overchargedMinor() {
        return Math.subtractExact(gatewayMinor, consoleMinor);
    }

    /** The adjustment that corrects the line: it gives back what was overcharged, or charges what was missed. */
    public Adjustment correction() {
        return new Adjustment(customerDay, line, Adjustment.Reason.RECONCILED, gatewayMinor, consoleMinor);
    }
}
