package io.gridside.console.service;

import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.store.SiteStore;
import java.util.List;
import java.util.Map;

/** The payments imported into a site database's outbox, each with the ledger entry that posted it once pulled. */
public final class PaymentOutbox {

    /**
     * One payment of the outbox and what became of it.
     *
     * @param ledgerSeq the ledger entry that posted it, when the pulled ledger holds it, else null
     */
    public record Row(QueuedPayment payment, Long ledgerSeq) {
    }

    private PaymentOutbox() {
    }

    /** Every payment of {@code store}'s outbox, in the outbox's order. */
    public static List<Row> rows(SiteStore store) {
        Map<String, LedgerEntry> ledger = store.ledgerPayments();
        return store.queuedPayments().stream().map(p -> {
            LedgerEntry posted = ledger.get(p.reference());
            return new Row(p, posted == null ? null : posted.seq());
        }).toList();
    }
}
