package io.gridside.site.ledger;

import io.gridside.site.LedgerEntry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-walks a ledger from its first entry: sequence without gaps, each held hash against the chain recomputed
 * from the genesis, each balance against the one derived from the customer's entries, and the trial balance.
 * Stops at the first break.
 */
public final class LedgerCheck {

    /** What the walk found: {@code firstBadSeq} is 0 and {@code problem} null when the ledger is intact. */
    public record Result(long entries, long firstBadSeq, String problem, byte[] head, TrialBalance trialBalance,
            Map<String, Long> balances) {

        public boolean intact() {
            return problem == null;
        }
    }

    private LedgerCheck() {
    }

    /**
     * Walks {@code entries} (in sequence order) with their held {@code hashes} (same order; a null hash, as on
     * rows stored before the chain existed, is recomputed but cannot be compared).
     */
    public static Result walk(List<LedgerEntry> entries, List<byte[]> hashes) {
        if (entries.size() != hashes.size()) {
            throw new IllegalArgumentException(entries.size() + " entries but " + hashes.size() + " hashes");
        }
        byte[] head = LedgerChain.genesis();
        TrialBalance trial = new TrialBalance();
        Map<String, Long> balances = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            long expectedSeq = i + 1L;
            if (entry.seq() != expectedSeq) {
                return broken(i, expectedSeq, "entry " + expectedSeq + " is missing (found " + entry.seq() + ")",
                        head, trial, balances);
            }
            head = LedgerChain.link(head, entry);
            byte[] held = hashes.get(i);
            if (held != null && !Arrays.equals(held, head)) {
                return broken(i, entry.seq(), "entry " + entry.seq() + " does not match its hash: the chain breaks "
                        + "there", head, trial, balances);
            }
            long derived = Math.addExact(balances.getOrDefault(entry.customerId(), 0L), entry.amountMinor());
            if (derived != entry.balanceAfterMinor()) {
                return broken(i, entry.seq(), "entry " + entry.seq() + " says " + entry.customerId() + "'s balance "
                        + "is " + entry.balanceAfterMinor() + " but the entries derive " + derived, head, trial,
                        balances);
            }
            balances.put(entry.customerId(), derived);
            trial.post(entry);
        }
        return new Result(entries.size(), 0, null, head, trial, Map.copyOf(balances));
    }

    private static Result broken(int checked, long seq, String problem, byte[] head, TrialBalance trial,
            Map<String, Long> balances) {
        return new Result(checked, seq, problem, head, trial, Map.copyOf(balances));
    }
}
