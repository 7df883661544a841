package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The comparison of a gateway's ledger with a replay of it.
 *
 * @param compared how many entries both ledgers hold and were compared
 * @param matched how many of them agree in every field
 * @param firstDifference the first entry that differs, described for the technician, if any
 */
public record Reconciliation(long compared, long matched, Optional<String> firstDifference) {

    /** Compares the entries both ledgers hold, position by position. */
    public static Reconciliation compare(List<LedgerEntry> gateway, List<LedgerEntry> replayed) {
        int common = Math.min(gateway.size(), replayed.size());
        long matched = 0;
        String first = null;
        for (int i = 0; i < common; i++) {
            LedgerEntry expected = replayed.get(i);
            LedgerEntry actual = gateway.get(i);
            if (Objects.equals(expected, actual)) {
                matched++;
            } else if (first == null) {
                first = "Entry " + actual.seq() + " differs: the gateway posted " + describe(actual)
                        + " where the replay posts " + describe(expected) + ".";
            }
        }
        return new Reconciliation(common, matched, Optional.ofNullable(first));
    }

    public boolean agrees() {
        return compared == matched;
    }

    private static String describe(LedgerEntry e) {
        return e.kind() + " " + e.amountMinor() + " for " + e.customerId() + " at " + e.at() + " (balance "
                + e.balanceAfterMinor() + ")";
    }
}
