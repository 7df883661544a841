package io.gridside.console.service;

import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RestoreChunk;
import io.gridside.site.EntryKind;
import io.gridside.site.QueuedPayment;
import java.util.List;

/**
 * A replacement's reconciliation: per customer what the replica held, what the gap used and cost, what was paid
 * since, and where that leaves them; and the ledger lines that post it on the new gateway.
 *
 * @param payments the queued payments the lines credit
 * @param periods where the gap left each open account within its periods, which the new gateway goes on with
 */
public record Reconciled(String currency, List<Row> rows, List<PostReconciliation.Line> lines,
        List<QueuedPayment> payments, List<PostReconciliation.AccountPeriod> periods) {

    public Reconciled {
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
        payments = List.copyOf(payments);
        periods = List.copyOf(periods);
    }

    /**
     * One customer's reconciliation.
     *
     * @param gapEnergyWh the energy the meter's register advanced by in the gap, 0 when it did not move or was unread
     * @param unread whether the new gateway could not read the meter, whose gap is then left to its next reading
     * @param gapChargeMinor what the lines charge, positive: the energy since the customer's last posting in the
     *     replica (the gap's, and what had accrued unposted before the pull), its taxes and levies, and the standing
     *     charges of the days passed
     * @param paymentsMinor the payments credited since the replica's last pull
     */
    public record Row(String customerId, String name, String meterId, long replicaBalanceMinor, long gapEnergyWh,
            boolean unread, long gapChargeMinor, long paymentsMinor, long resultingBalanceMinor) {
    }

    static Row row(RestoreChunk.Account account, long gapEnergyWh, boolean unread,
            List<PostReconciliation.Line> lines) {
        long charges = -lines.stream().filter(line -> line.kind() != EntryKind.TOP_UP)
                .mapToLong(PostReconciliation.Line::amountMinor).sum();
        long paid = lines.stream().filter(line -> line.kind() == EntryKind.TOP_UP)
                .mapToLong(PostReconciliation.Line::amountMinor).sum();
        return new Row(account.customer().customerId(), account.customer().name(), account.meter().meterId(),
                account.balanceMinor(), gapEnergyWh, unread, charges, paid, account.balanceMinor() - charges + paid);
    }
}
