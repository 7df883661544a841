package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import io.gridside.site.RelayDecision;
import io.gridside.site.vee.GapEstimate;
import java.util.List;

/**
 * What one billing tick posted to the ledger, decided about relays and raised as low-credit alerts, and the gaps
 * in meters' readings it closed and billed by estimate.
 *
 * @param estimates the gaps that readings of the tick closed, each spread over its quarter hours and rated so,
 *     in the order rated; a gateway keeps them, flagged with their method, with the tick's readings
 */
public record Tick(List<LedgerEntry> entries, List<RelayDecision> decisions, List<CreditAlert> alerts,
        List<GapEstimate> estimates) {

    public Tick {
        entries = List.copyOf(entries);
        decisions = List.copyOf(decisions);
        alerts = List.copyOf(alerts);
        estimates = List.copyOf(estimates);
    }

    /** A tick that closed no gap. */
    public Tick(List<LedgerEntry> entries, List<RelayDecision> decisions, List<CreditAlert> alerts) {
        this(entries, decisions, alerts, List.of());
    }

    /** A tick that raised no alerts and closed no gap. */
    public Tick(List<LedgerEntry> entries, List<RelayDecision> decisions) {
        this(entries, decisions, List.of());
    }
}
