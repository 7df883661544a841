package io.gridside.console.service;

import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerAccount;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.ledger.TrialBalance;
import io.gridside.site.store.SiteStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The start-up check of a site database's ledger: the hash chain re-walked from the genesis, each customer's
 * balance derived from the entries and compared with the last one stored, and the trial balance. Run when the
 * console opens a site database for {@code connect ... audit} and by {@code bill verify}.
 */
public final class LedgerVerification {

    /** What the check found; {@code summary} is the one line to show. */
    public record Outcome(boolean intact, long entries, long firstBadSeq, String summary, TrialBalance trialBalance) {
    }

    private LedgerVerification() {
    }

    public static Outcome run(SiteStore store) {
        LedgerCheck.Result walk = store.checkLedger();
        if (!walk.intact()) {
            return new Outcome(false, walk.entries(), walk.firstBadSeq(), "ledger broken at entry "
                    + walk.firstBadSeq() + ": " + walk.problem() + " [LEDGER_BROKEN]", walk.trialBalance());
        }
        String mismatch = storedBalancesAgainst(store.ledger(), walk.balances());
        if (mismatch != null) {
            return new Outcome(false, walk.entries(), 0, mismatch + " [LEDGER_BROKEN]", walk.trialBalance());
        }
        if (!walk.trialBalance().balances()) {
            return new Outcome(false, walk.entries(), 0, "the trial balance does not balance: debits "
                    + walk.trialBalance().totalDebitsMinor() + ", credits " + walk.trialBalance().totalCreditsMinor()
                    + " [LEDGER_BROKEN]", walk.trialBalance());
        }
        return new Outcome(true, walk.entries(), 0, "chain of " + walk.entries()
                + " entries intact, balances derived = stored", walk.trialBalance());
    }

    /** Each customer's last stored balance against the one the walk derived; null when all agree. */
    private static String storedBalancesAgainst(List<LedgerEntry> ledger, Map<String, Long> derived) {
        Map<String, Long> stored = new HashMap<>();
        ledger.forEach(e -> stored.put(e.customerId(), e.balanceAfterMinor()));
        for (Map.Entry<String, Long> last : stored.entrySet()) {
            Long walked = derived.get(last.getKey());
            if (!last.getValue().equals(walked)) {
                return "customer " + last.getKey() + "'s stored balance " + last.getValue()
                        + " is not the derived " + walked;
            }
        }
        return null;
    }

    /** The trial balance as table lines: account, debits, credits, then the totals. */
    public static List<String> trialBalanceLines(TrialBalance trial) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-24s %14s %14s", "ACCOUNT", "DEBITS", "CREDITS"));
        for (LedgerAccount account : LedgerAccount.values()) {
            TrialBalance.Line line = trial.lines().get(account);
            if (line != null) {
                lines.add(String.format("%-24s %14d %14d", account, line.debitsMinor(), line.creditsMinor()));
            }
        }
        lines.add(String.format("%-24s %14d %14d", "TOTAL", trial.totalDebitsMinor(), trial.totalCreditsMinor()));
        return lines;
    }
}
