package io.gridside.billing.rerate;

import io.gridside.billing.Charge;
import io.gridside.site.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What explains a line that differs: one thing the line charges for (an interval, a day, a month, or an
 * adjustment), by its reference, charged by the gateway and by the console's re-rating, in whole minor units.
 */
public record ChargeDetail(String reference, long gatewayMinor, long consoleMinor) {

    /**
     * The references of {@code difference}'s line and day that the two sides charge differently, in reference order:
     * the gateway's from its entries of the customer day, the console's from its charges of the day.
     */
    public static List<ChargeDetail> explaining(LineDifference difference, List<LedgerEntry> gatewayDay,
            List<Charge> consoleDay) {
        Map<String, long[]> byReference = new TreeMap<>();
        for (LedgerEntry entry : gatewayDay) {
            if (LineKey.of(entry).filter(difference.line()::equals).isPresent()) {
                byReference.computeIfAbsent(entry.reference(), key -> new long[2])[0] -= entry.amountMinor();
            }
        }
        for (Charge charge : consoleDay) {
            if (LineKey.of(charge).equals(difference.line())) {
                byReference.computeIfAbsent(charge.reference(), key -> new long[2])[1] += charge.amountMinor();
            }
        }
        List<ChargeDetail> details = new ArrayList<>();
        byReference.forEach((reference, sides) -> {
            if (sides[0] != sides[1]) {
                details.add(new ChargeDetail(reference, sides[0], sides[1]));
            }
        });
        return details;
    }
}
