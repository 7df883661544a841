package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A journal held in memory: for a dry run that keeps nothing, and for tests that look at what was recorded. */
public final class MemoryJournal implements CommissionJournal {

    private final Set<CommissionStep> done = EnumSet.noneOf(CommissionStep.class);
    private final Set<String> applied = new HashSet<>();

    @Override
    public synchronized Set<CommissionStep> done() {
        return Set.copyOf(done);
    }

    @Override
    public synchronized void markDone(CommissionStep step) {
        done.add(step);
    }

    @Override
    public synchronized void reopenFrom(CommissionStep step) {
        done.removeIf(each -> each.compareTo(step) >= 0);
    }

    @Override
    public synchronized boolean applied(String key) {
        return applied.contains(key);
    }

    @Override
    public synchronized void markApplied(String key) {
        applied.add(key);
    }

    @Override
    public synchronized void forget(String key) {
        applied.remove(key);
    }

    /** How many actions are recorded as applied. */
    public synchronized int appliedCount() {
        return applied.size();
    }
}
