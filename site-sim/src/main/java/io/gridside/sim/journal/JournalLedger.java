package io.gridside.sim.journal;

import io.gridside.billing.LedgerStore;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's ledger kept in its journal: entries wait in memory until the quarter hour's write takes them
 * ({@link #takeUnwritten}), and every answer covers the written and the waiting alike.
 */
public final class JournalLedger implements LedgerStore {

    private final GatewayJournal journal;
    private final List<LedgerEntry> unwritten = new ArrayList<>();
    private long lastSeq;

    /** The ledger in {@code journal}, which may hold entries already: the next entry follows its last. */
    public JournalLedger(GatewayJournal journal) {
        this.journal = journal;
        this.lastSeq = journal.lastLedgerSeq();
    }

    @Override
    public void append(LedgerEntry entry) {
        unwritten.add(entry);
        lastSeq = entry.seq();
    }

    /** The entries appended since the last call, which the caller now writes to the journal. */
    public List<LedgerEntry> takeUnwritten() {
        List<LedgerEntry> taken = List.copyOf(unwritten);
        unwritten.clear();
        return taken;
    }

    @Override
    public List<LedgerEntry> after(long afterSeq) {
        List<LedgerEntry> result = new ArrayList<>(journal.ledgerAfter(afterSeq));
        unwritten.stream().filter(entry -> entry.seq() > afterSeq).forEach(result::add);
        return List.copyOf(result);
    }

    @Override
    public Optional<LedgerEntry> payment(String reference) {
        String entryReference = PAYMENT_PREFIX + reference;
        for (LedgerEntry entry : unwritten) {
            if (entry.reference().equals(entryReference) && entry.kind() == EntryKind.TOP_UP) {
                return Optional.of(entry);
            }
        }
        return journal.payment(entryReference);
    }

    /**
     * The entries after {@code afterSeq}, chained on from the link written for that entry; empty when that link is
     * not written yet, and the caller chains from the genesis.
     */
    public Optional<List<LedgerLink>> linksAfter(long afterSeq) {
        Optional<byte[]> previous = journal.ledgerHash(afterSeq);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = after(afterSeq);
        List<byte[]> heads = LedgerChain.heads(previous.get(), entries);
        List<LedgerLink> links = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            links.add(new LedgerLink(entries.get(i), heads.get(i)));
        }
        return Optional.of(links);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }
}
