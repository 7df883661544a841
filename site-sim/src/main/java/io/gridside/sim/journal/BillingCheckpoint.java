package io.gridside.sim.journal;

import io.gridside.billing.BillingEngine;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What billing keeps in the journal with a quarter hour's history: the saved state of each account that changed,
 * by customer (an account opened later after those opened before it), and the tick billing reached.
 */
public record BillingCheckpoint(Map<String, byte[]> changedAccounts, Instant lastTick) {

    public BillingCheckpoint {
        changedAccounts = Collections.unmodifiableMap(new LinkedHashMap<>(changedAccounts));
    }

    /** The states of the engine's accounts that changed since it was last asked, with the gateway's last tick. */
    public static BillingCheckpoint takeChanged(BillingEngine engine, Instant lastTick) {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        engine.takeChangedAccounts().forEach(customer -> changed.put(customer, engine.accountState(customer)));
        return new BillingCheckpoint(changed, lastTick);
    }

    public boolean isEmpty() {
        return changedAccounts.isEmpty();
    }
}
