package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.EntryKind;
import io.gridside.site.cash.CashBookLine;
import java.util.List;

/**
 * Posts what a replacement's reconciliation found to the new gateway's ledger (section 6.32): the energy each
 * meter used while the site had no gateway, and the payments made since the replica's last pull. The gateway
 * posts each reference once, all lines or none, and answers a reference it posted before as already posted.
 *
 * <p>Schema 2 added {@code receipts}: the cash receipts the dead gateway issued after the replica's last pull, as
 * the technician copied them from the customers' slips (section 6.32). A reconciliation without them is written
 * exactly as schema 1 wrote it, and read with null.
 *
 * @param receipts each receipt line of a payment line of this reconciliation that the dead gateway took as cash,
 *     so that the new gateway's cash book holds it (a technician's cash-up counts it, its number is never given
 *     again, its cash counts against the credential's limit); null for none
 */
public record PostReconciliation(String restoreId, List<Line> lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CashBookLine> receipts) implements Message {

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
        receipts = receipts == null || receipts.isEmpty() ? null : List.copyOf(receipts);
    }

    /** A reconciliation that carries no cash receipt, as schema 1 sent every one. */
    public PostReconciliation(String restoreId, List<Line> lines) {
        this(restoreId, lines, null);
    }

    /** The receipts it carries; empty for none. */
    public List<CashBookLine> receiptsCarried() {
        return receipts == null ? List.of() : receipts;
    }

    /** The reconciliation's fields as the codec reads them once the field of schema 2 is there, null or not. */
    private record Fields(String restoreId, List<Line> lines, List<CashBookLine> receipts) {
    }

    /** Reads the fields as the codec decodes them: a reconciliation of schema 1 has no receipts, read as null. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PostReconciliation fromTree(ObjectNode tree) {
        tree.putIfAbsent("receipts", tree.nullNode());
        Fields fields = MessageCodec.convert(tree, Fields.class);
        return new PostReconciliation(fields.restoreId(), fields.lines(), fields.receipts());
    }
}
