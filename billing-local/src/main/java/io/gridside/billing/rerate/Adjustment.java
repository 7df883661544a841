package io.gridside.billing.rerate;

import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDays;
import java.util.Locale;
import java.util.Objects;

/**
 * What re-rating found one charge line of one customer's day to be off by, to be posted as a new entry: the ledger
 * is append-only, so a charge found wrong stays and its correction follows it.
 *
 * @param wasMinor what the line charged, in whole minor units
 * @param nowMinor what the line charges on re-rating
 */
public record Adjustment(CustomerDay customerDay, LineKey line, Reason reason, long wasMinor, long nowMinor) {

    /** Why a line's charge moved. */
    public enum Reason {
        /** A reading the meter sent at last replaced the estimate the day was charged by. */
        ESTIMATE_REPLACED,
        /** The day's readings changed otherwise: a reading arrived late or was corrected. */
        READINGS_CHANGED,
        /** A tariff version that arrived late is in force on the day. */
        TARIFF_VERSION,
        /** Nothing of the day changed, but an earlier day's change carried into it (a block, a remainder). */
        CARRIED_FORWARD,
        /** Reconciliation found the gateway's charge other than the console's re-rating of the same inputs. */
        RECONCILED;

        /** The reason as an adjustment's reference writes it. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Reason ofToken(String token) {
            return valueOf(token.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Adjustment {
        Objects.requireNonNull(customerDay, "customerDay");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The signed amount the adjustment posts to the customer's balance: what was charged too much comes back
     * (positive), what was charged too little is charged (negative).
     */
    public long amountMinor() {
        return Math.subtractExact(wasMinor, nowMinor);
    }

    /**
     * The reference of the entry that posts it: {@code adjustment:DAY REASON LINE}, which names the day it
     * belongs to (see {@link LedgerDays}) and the line it corrects, the line last because a tax's name may hold
     * spaces.
     */
    public String reference() {
        return LedgerDays.ADJUSTMENT_PREFIX + customerDay.day() + " " + reason.token() + " " + line.label();
    }

    /**
     * The line an adjustment entry corrects, as its reference names it.
     *
     * @throws IllegalArgumentException when the reference is not one {@link #reference} writes
     */
    static LineKey lineOf(LedgerEntry entry) {
        String[] parts = entry.reference().split(" ", 3);
        if (parts.length < 3) {
            throw new IllegalArgumentException("Adjustment " + entry.seq() + " has reference '" + entry.reference()
                    + "', which does not name a reason and a line after its day.");
        }
        return LineKey.parse(parts[2]);
    }

    /** The reason an adjustment entry gives, as its reference names it. */
    public static Reason reasonOf(LedgerEntry entry) {
        String[] parts = entry.reference().split(" ", 3);
        try {
            return Reason.ofToken(parts.length < 3 ? "" : parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Adjustment " + entry.seq() + " gives no reason its reference: '"
                    + entry.reference() + "'.", e);
        }
    }
}
