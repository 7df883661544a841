package io.gridside.site.ledger;

import io.gridside.site.LedgerEntry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Debit and credit totals per account over a run of entries, in minor units. */
public final class TrialBalance {

    /** One account's totals. */
    public record Line(LedgerAccount account, long debitsMinor, long creditsMinor) {
    }

    private final Map<LedgerAccount, long[]> totals = new EnumMap<>(LedgerAccount.class);

    /** Posts an entry's two sides. */
    public void post(LedgerEntry entry) {
        long amount = entry.amountMinor();
        LedgerAccount counter = LedgerAccount.counterOf(entry.kind());
        if (amount >= 0) {
            add(counter, amount, 0);
            add(LedgerAccount.CUSTOMER_CREDIT, 0, amount);
        } else {
            long magnitude = Math.negateExact(amount);
            add(LedgerAccount.CUSTOMER_CREDIT, magnitude, 0);
            add(counter, 0, magnitude);
        }
    }

    private void add(LedgerAccount account, long debit, long credit) {
        long[] sums = totals.computeIfAbsent(account, a -> new long[2]);
        sums[0] = Math.addExact(sums[0], debit);
        sums[1] = Math.addExact(sums[1], credit);
    }

    /** The accounts touched, in the enum's order. */
    public Map<LedgerAccount, Line> lines() {
        Map<LedgerAccount, Line> result = new EnumMap<>(LedgerAccount.class);
        totals.forEach((account, sums) -> result.put(account, new Line(account, sums[0], sums[1])));
        return Collections.unmodifiableMap(result);
    }

    public long totalDebitsMinor() {
        return totals.values().stream().mapToLong(s -> s[0]).sum();
    }

    public long totalCreditsMinor() {
        return totals.values().stream().mapToLong(s -> s[1]).sum();
    }

    /** What the site owes its customers by this ledger: the customer-credit account's credits less its debits. */
    public long customerCreditMinor() {
        long[] sums = totals.getOrDefault(LedgerAccount.CUSTOMER_CREDIT, new long[2]);
        return sums[1] - sums[0];
    }

    public boolean balances() {
        return totalDebitsMinor() == totalCreditsMinor();
    }
}
