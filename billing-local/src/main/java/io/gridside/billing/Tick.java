package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import io.gridside.site.RelayDecision;
import java.util.List;

/** What one billing tick posted to the ledger and decided about relays. */
public record Tick(List<LedgerEntry> entries, List<RelayDecision> decisions) {

    public Tick {
        entries = List.copyOf(entries);
        decisions = List.copyOf(decisions);
    }
}
