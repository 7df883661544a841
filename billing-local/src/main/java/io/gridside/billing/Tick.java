package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import io.gridside.site.RelayDecision;
import java.util.List;

/** What one billing tick posted to the ledger, decided about relays and raised as low-credit alerts. */
public record Tick(List<LedgerEntry> entries, List<RelayDecision> decisions, List<CreditAlert> alerts) {

    public Tick {
        entries = List.copyOf(entries);
        decisions = List.copyOf(decisions);
        alerts = List.copyOf(alerts);
    }

    /** A tick that raised no alerts. */
    public Tick(List<LedgerEntry> entries, List<RelayDecision> decisions) {
        this(entries, decisions, List.of());
    }
}
