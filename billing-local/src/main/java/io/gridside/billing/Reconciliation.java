package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The comparison of a gateway's ledger with a replay of it.
 *
 * @param compared how many ledger positions were compared: the longer of the two ledgers
 * @param matched how many of them hold the same entry in both
 * @param firstDifference the first position that differs, described for the technician, if any
 * @param checkedTo the replay's last tick, up to which the gateway's entries were compared, or null when no cut was
 *     made
 * @param notChecked the gateway's entries dated after {@code checkedTo}, in ledger order: not compared, since the
 *     replay reaches only as far as the last reading, and checked by a later audit once the readings after them are
 *     pulled
 */
public record Reconciliation(long compared, long matched, Optional<String> firstDifference, Instant checkedTo,
        List<LedgerEntry> notChecked) {

    public Reconciliation {
        notChecked = List.copyOf(notChecked);
    }

    /**
     * Checks the gateway's ledger against a replay, up to the replay's last tick: every entry the gateway
     * posted by then must be in the replay, in the same place, and the replay must post nothing more. What
     * the gateway posted after that tick is not yet comparable; it is left out and listed as not checked.
     */
    public static Reconciliation of(List<LedgerEntry> gateway, BillingEngine replay) {
        Instant cut = replay.lastTick();
        List<LedgerEntry> due = gateway.stream().filter(e -> cut != null && !e.at().isAfter(cut)).toList();
        List<LedgerEntry> later = gateway.stream().filter(e -> cut == null || e.at().isAfter(cut)).toList();
        Reconciliation compared = compare(due, replay.ledgerAfter(0));
        return new Reconciliation(compared.compared(), compared.matched(), compared.firstDifference(), cut, later);
    }

    /** Compares two ledgers position by position; a position that only one of them holds is a difference. */
    public static Reconciliation compare(List<LedgerEntry> gateway, List<LedgerEntry> replayed) {
        int positions = Math.max(gateway.size(), replayed.size());
        long matched = 0;
        String first = null;
        for (int i = 0; i < positions; i++) {
            LedgerEntry actual = i < gateway.size() ? gateway.get(i) : null;
            LedgerEntry expected = i < replayed.size() ? replayed.get(i) : null;
            if (Objects.equals(expected, actual)) {
                matched++;
            } else if (first == null) {
                first = describeDifference(i + 1, actual, expected);
            }
        }
        return new Reconciliation(positions, matched, Optional.ofNullable(first), null, List.of());
    }

    /**
     * Whether every entry compared matched. Entries not checked do not count against it: say {@link #notChecked}
     * apart wherever this is reported.
     */
    public boolean agrees() {
        return compared == matched;
    }

    private static String describeDifference(long position, LedgerEntry actual, LedgerEntry expected) {
        if (actual == null) {
            return "Entry " + position + " is missing: the replay posts " + describe(expected)
                    + ", which the gateway has not posted.";
        }
        if (expected == null) {
            return "Entry " + actual.seq() + " is extra: the gateway posted " + describe(actual)
                    + ", which the replay does not post.";
        }
        boolean byReference = !actual.reference().equals(expected.reference());
        return "Entry " + actual.seq() + " differs: the gateway posted " + describe(actual, byReference)
                + " where the replay posts " + describe(expected, byReference) + ".";
    }

    private static String describe(LedgerEntry e) {
        return describe(e, false);
    }

    /**
     * The entry as a technician reads it; with {@code withReference}, its reference too, for two entries that
     * differ there and would otherwise read the same.
     */
    private static String describe(LedgerEntry e, boolean withReference) {
        String described = e.kind() + " " + e.amountMinor() + " for " + e.customerId() + " at " + e.at()
                + " (balance " + e.balanceAfterMinor() + ")";
        return withReference ? described + " as " + e.reference() : described;
    }
}
