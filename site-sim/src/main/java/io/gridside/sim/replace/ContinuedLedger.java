package io.gridside.sim.replace;

import io.gridside.billing.LedgerStore;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replacement gateway's ledger: the replica's ledger up to its tip, then every entry the new gateway posts, each
 * linked to the one before in the dead gateway's hash chain (decision 0067). A restore that carried the replica's
 * ledger (section 6.41) leaves it every entry from 1; one that carried only the tip leaves it nothing before the
 * tip. A billing engine resumed on it numbers its first entry one past the tip. Not thread-safe: its gateway locks
 * around it.
 */
final class ContinuedLedger implements LedgerStore {

    private final List<LedgerLink> links = new ArrayList<>();
    private final Map<String, LedgerEntry> payments = new HashMap<>();
    private byte[] tipHash;

    /**
     * A ledger of the replica's {@code replica} links, checked already, whose last is the tip: the tip alone, or
     * every entry from 1.
     */
    ContinuedLedger(List<LedgerLink> replica) {
        for (LedgerLink link : replica) {
            links.add(link);
            String payment = LedgerStore.paymentOf(link.entry());
            if (payment != null) {
                payments.put(payment, link.entry());
            }
        }
        this.tipHash = links.get(links.size() - 1).hash();
    }

    @Override
    public void append(LedgerEntry entry) {
        if (entry.seq() != lastSeq() + 1) {
            throw new IllegalStateException("Ledger entry " + entry.seq() + " does not follow entry " + lastSeq()
                    + ".");
        }
        tipHash = LedgerChain.link(tipHash, entry);
        links.add(new LedgerLink(entry, tipHash));
        String payment = LedgerStore.paymentOf(entry);
        if (payment != null) {
            payments.put(payment, entry);
        }
    }

    @Override
    public List<LedgerEntry> after(long afterSeq) {
        return linksAfter(afterSeq).stream().map(LedgerLink::entry).toList();
    }

    /** The entries after {@code afterSeq} with their links, of those it holds. */
    List<LedgerLink> linksAfter(long afterSeq) {
        return links.stream().filter(link -> link.entry().seq() > afterSeq).toList();
    }

    @Override
    public Optional<LedgerEntry> payment(String reference) {
        return Optional.ofNullable(payments.get(reference));
    }

    @Override
    public long lastSeq() {
        return links.get(links.size() - 1).entry().seq();
    }

    ByteString tipHash() {
        return ByteString.of(tipHash);
    }
}
