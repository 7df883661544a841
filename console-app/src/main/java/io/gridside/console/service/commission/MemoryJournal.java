package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A journal held in memory: for a dry run that keeps nothing, and for tests that look at what was recorded. */
public final class MemoryJournal implements CommissionJournal {

    private final Map<CommissionStep, String> done = new EnumMap<>(CommissionStep.class);
    private final Set<String> applied = new HashSet<>();

    @Override
    public synchronized Set<CommissionStep> done() {
        return done.isEmpty() ? Set.of() : EnumSet.copyOf(done.keySet());
    }

    @Override
    public synchronized void markDone(CommissionStep step, String detail) {
        done.putIfAbsent(step, detail);
    }

    @Override
    public synchronized String detail(CommissionStep step) {
        return done.getOrDefault(step, "");
    }

    @Override
    public synchronized void reopenFrom(CommissionStep step) {
        done.keySet().removeIf(each -> each.compareTo(step) >= 0);
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
