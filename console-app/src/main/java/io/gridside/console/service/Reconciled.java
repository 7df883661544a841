package io.gridside.console.service;

import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.site.EntryKind;
import io.gridside.site.QueuedPayment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A replacement's reconciliation: per customer what the replica held, what the gap used and cost, what was paid
 * since, and where that leaves them; and the ledger lines that post it on the new gateway.
 *
 * @param payments the queued payments the lines credit
 * @param periods where the gap left each open account within its periods, which the new gateway goes on with
 * @param staleRegisters the registers read older than their meter's last reading in the replica, which billed no
 *     gap: each meter is billed through that last reading and on from it (decision 0096)
 * @param gapStarts for each meter read that the replica held no reading of, the register its gap was billed from:
 *     the one the dead gateway said it had billed the meter to when last pulled (decision 0103)
 * @param noStartKnown the meters read that the replica held no reading of and no register billed to either, so
 *     that their gap could not be billed: what they used from go-live to the read is lost to billing
 */
public record Reconciled(String currency, List<Row> rows, List<PostReconciliation.Line> lines,
        List<QueuedPayment> payments, List<PostReconciliation.AccountPeriod> periods,
        List<StaleRegister> staleRegisters, Map<String, RegistersRead.Register> gapStarts,
        List<String> noStartKnown) {

    /** The lines that price energy: the energy itself, and the taxes and levies charged with it. */
    private static final Set<EntryKind> ENERGY_LINES = Set.of(EntryKind.ENERGY, EntryKind.TAX, EntryKind.LEVY);

    public Reconciled {
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
        payments = List.copyOf(payments);
        periods = List.copyOf(periods);
        staleRegisters = List.copyOf(staleRegisters);
        gapStarts = Map.copyOf(gapStarts);
        noStartKnown = List.copyOf(noStartKnown);
    }

    /** The customer of the row of {@code meterId}, or empty when no row is of it. */
    public String customerOfMeter(String meterId) {
        return rows.stream().filter(row -> row.meterId().equals(meterId)).map(Row::customerId).findFirst().orElse("");
    }

    /**
     * A register read older than its meter's last reading in the replica (decision 0096): typed from an earlier
     * visit, or read before the replica's last pull. It bills no gap, and the new gateway bills the meter's readings
     * on from its last reading in the replica, not from this register, so no quarter hour is billed twice.
     *
     * @param registerWh the register read
     * @param at the end of the quarter hour it is of
     * @param replicaRegisterWh the meter's register at its last reading in the replica
     * @param replicaReadingEnd the end of that reading: where the meter was billed to
     */
    public record StaleRegister(String customerId, String meterId, long registerWh, Instant at,
            long replicaRegisterWh, Instant replicaReadingEnd) {

        /** Where the reconciliation tells the new gateway it billed the meter to (section 6.42). */
        PostReconciliation.BilledTo billedTo() {
            return new PostReconciliation.BilledTo(meterId, replicaRegisterWh, replicaReadingEnd);
        }
    }

    /** Where the reconciliation billed each meter whose register read was stale, as the new gateway is told. */
    public List<PostReconciliation.BilledTo> billedTo() {
        return staleRegisters.stream().map(StaleRegister::billedTo).toList();
    }

    /**
     * One customer's reconciliation. The lines charge the energy of the gap and the energy used before the replica's
     * last reading that the dead gateway had not posted yet: {@link #energyWh} is both, and {@link
     * #energyChargeMinor} what it cost, so that a row that charges energy shows that energy.
     *
     * @param gapEnergyWh the energy the meter's register advanced by in the gap, 0 when it did not move or was unread
     * @param unpostedEnergyWh the energy the meter delivered before the replica's last reading whose charges the dead
     *     gateway had not posted when the replica was pulled
     * @param unread whether the new gateway could not read the meter, whose gap is then left to its next reading
     * @param energyChargeMinor what the energy, tax and levy lines charge, positive: the price of {@link #energyWh}
     * @param otherChargesMinor what the other lines charge, positive: the standing charges of the days passed, and any
     *     minimum charge or debt recovered from the payments
     * @param gapChargeMinor what the lines charge in all, positive: the energy charge and the other charges
     * @param paymentsMinor the payments credited since the replica's last pull
     */
    public record Row(String customerId, String name, String meterId, long replicaBalanceMinor, long gapEnergyWh,
            long unpostedEnergyWh, boolean unread, long energyChargeMinor, long otherChargesMinor,
            long gapChargeMinor, long paymentsMinor, long resultingBalanceMinor) {

        /** The energy the lines charge: the gap's and what the dead gateway had not posted yet. */
        public long energyWh() {
            return gapEnergyWh + unpostedEnergyWh;
        }
    }

    static Row row(RestoreChunk.Account account, long gapEnergyWh, long unpostedEnergyWh, boolean unread,
            List<PostReconciliation.Line> lines) {
        long charges = -sum(lines, kind -> kind != EntryKind.TOP_UP);
        long energy = -sum(lines, ENERGY_LINES::contains);
        long paid = sum(lines, kind -> kind == EntryKind.TOP_UP);
        return new Row(account.customer().customerId(), account.customer().name(), account.meter().meterId(),
                account.balanceMinor(), gapEnergyWh, unpostedEnergyWh, unread, energy, charges - energy, charges,
                paid, account.balanceMinor() - charges + paid);
    }

    private static long sum(List<PostReconciliation.Line> lines, Predicate<EntryKind> kinds) {
        return lines.stream().filter(line -> kinds.test(line.kind())).mapToLong(PostReconciliation.Line::amountMinor)
                .sum();
    }
}
