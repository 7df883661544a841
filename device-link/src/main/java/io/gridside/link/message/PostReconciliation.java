package io.gridside.link.message;

import io.gridside.site.EntryKind;
import java.util.List;

/**
 * Posts what a replacement's reconciliation found to the new gateway's ledger (section 6.32): the energy each
 * meter used while the site had no gateway, and the payments made since the replica's last pull. The gateway
 * posts each reference once, all lines or none, and answers a reference it posted before as already posted.
 */
public record PostReconciliation(String restoreId, List<Line> lines) implements Message {

    /**
     * One ledger line to post.
     *
     * @param kind {@link EntryKind#ENERGY} for a gap's energy, {@link EntryKind#TOP_UP} for a payment
     * @param amountMinor signed as the ledger's entries are: a charge negative, a payment positive
     * @param reference what makes the line once only: {@code gap:METER:FROM/TO} or {@code payment:REFERENCE}
     */
    public record Line(String customerId, EntryKind kind, long amountMinor, String reference) {
    }

    public PostReconciliation {
        lines = List.copyOf(lines);
    }
}
