package io.gridside.billing;

import io.gridside.site.LedgerEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ledger kept whole in memory, as the console's audit keeps the ledger it replays. */
final class MemoryLedger implements LedgerStore {

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final Map<String, LedgerEntry> payments = new HashMap<>();

    @Override
    public void append(LedgerEntry entry) {
        entries.add(entry);
        String payment = LedgerStore.paymentOf(entry);
        if (payment != null) {
            payments.put(payment, entry);
        }
    }

    @Override
    public List<LedgerEntry> after(long afterSeq) {
        int from = (int) Math.min(Math.max(afterSeq, 0), entries.size());
        return List.copyOf(entries.subList(from, entries.size()));
    }

    @Override
    public Optional<LedgerEntry> payment(String reference) {
        return Optional.ofNullable(payments.get(reference));
    }

    @Override
    public long lastSeq() {
        return entries.size();
    }
}
