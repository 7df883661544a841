package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.StepRecord;
import io.gridside.site.store.CommissionRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The journal kept in the site store's commissioning rows: the steps done survive the console closing. The actions
 * applied are held for the console's lifetime only, as a shortcut: each step first looks at what the store and the
 * gateway hold (a relay test kept, a customer the gateway commissioned, which answers a repeat as the first), so a
 * resumed console still applies nothing twice. Before the site exists nothing is done.
 */
final class StoreJournal implements CommissionJournal {

    private final Supplier<CommissionRecords> records;
    private final Clock clock;
    private final Set<String> applied = new HashSet<>();

    /** @param records the open store's commissioning rows, or null before the site is created */
    StoreJournal(Supplier<CommissionRecords> records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public Set<CommissionStep> done() {
        CommissionRecords rows = records.get();
        Set<CommissionStep> done = EnumSet.noneOf(CommissionStep.class);
        if (rows != null) {
            for (StepRecord record : rows.progress()) {
                done.add(record.step());
            }
        }
        return done;
    }

    @Override
    public void markDone(CommissionStep step, String detail) {
        CommissionRecords rows = records.get();
        if (rows == null) {
            throw new IllegalStateException("No site is created yet; the step " + step + " cannot be recorded.");
        }
        rows.markDone(step, clock.instant(), detail);
    }

    @Override
    public void markDone(CommissionStep step, Instant at, String detail) {
        CommissionRecords rows = records.get();
        if (rows == null) {
            throw new IllegalStateException("No site is created yet; the step " + step + " cannot be recorded.");
        }
        rows.markDone(step, at == null ? clock.instant() : at, detail);
    }

    @Override
    public String detail(CommissionStep step) {
        CommissionRecords rows = records.get();
        if (rows == null) {
            return "";
        }
        return rows.progress().stream().filter(record -> record.step() == step).map(StepRecord::detail)
                .findFirst().orElse("");
    }

    @Override
    public void reopenFrom(CommissionStep step) {
        CommissionRecords rows = records.get();
        if (rows == null) {
            return;
        }
        for (StepRecord record : rows.progress()) {
            if (record.step().compareTo(step) >= 0) {
                rows.reopen(record.step());
            }
        }
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
}
