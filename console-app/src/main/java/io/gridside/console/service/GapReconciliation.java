package io.gridside.console.service;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.RatingState;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import io.gridside.site.TopUp;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a site's accounts owe for the time it had no gateway, reconciled in the console against the meters'
 * registers read through the new gateway and the payments made since the replica's last pull.
 *
 * <p>The console re-runs the replica's billing with its own engine (as the audit does), which leaves every account
 * where the dead gateway's left it when the replica was pulled, charges accrued but not yet posted included. It
 * then bills each meter's gap, from its last reading in the replica to the register read now, as one reading
 * (which the engine spreads over the gap's quarter hours as it spreads any gap), charges the days' standing
 * charges, and credits each payment once by its reference. What that posted and accrued becomes the new gateway's
 * ledger lines: per customer one line per kind of charge, under {@code gap:METER:SEQ:KIND} (the gap after the
 * replica's entry SEQ), and one {@code TOP_UP} per payment, under {@code payment:REFERENCE}.
 *
 * <p>The rule of the result: each customer's balance is what the dead gateway's engine would have shown at the
 * register read, had it billed the same readings, less at most one minor unit per charge line, as each line posts
 * its exact total rounded down. For a flat price that is the whole difference; for time-of-use prices the gap's
 * energy is priced by its estimated spread, not by what the meter measured quarter hour by quarter hour.
 *
 * <p>A meter the replica holds no reading of (a replica pulled before its first reading billed) has its gap billed
 * from the register the dead gateway said, in the meter statuses of the replica's pull, it had billed the meter to:
 * on a site pulled after its first quarter hour billed, the register at go-live its billing began from (decision
 * 0103). The new gateway bills on from the register read, as for any meter, so nothing is lost or billed twice. A
 * meter with no such register either is billed no gap, and the reconciliation names it ({@link
 * Reconciled#noStartKnown}).
 *
 * <p>A register read older than the meter's last reading in the replica (a stale read: typed from an earlier visit,
 * or of a meter that last reported before the replica's last pull) bills no gap: the meter is billed through that
 * last reading, and the reconciliation tells the new gateway to bill its readings on from there (decision 0096).
 *
 * <p>The audit takes the {@code gap:} lines as they were posted and replays the new gateway's days after them
 * ({@link ReplacedGatewayReplay}).
 */
public final class GapReconciliation {

    private final ReplicaRestore replica;
    private final BillingEngine engine;
    private final long replayedSeq;
    private final GapBilling gap;
    private final Map<String, List<Reading>> readingsByMeter = new HashMap<>();
    private final Set<String> creditedBefore;
    /** Where the gap of each meter the replica holds no reading of starts, as the dead gateway billed it to. */
    private final Map<String, RegistersRead.Register> starts = new HashMap<>();

    private GapReconciliation(ReplicaRestore replica, BillingEngine engine, List<Reading> readings,
            List<MeterStatus> statuses, Set<String> creditedBefore) {
        this.replica = replica;
        this.engine = engine;
        this.replayedSeq = engine.lastSeq();
        for (Reading reading : readings) {
            readingsByMeter.computeIfAbsent(reading.meterId(), meter -> new ArrayList<>()).add(reading);
        }
        for (MeterStatus status : statuses) {
            if (status.lastReadingAt() != null && !readingsByMeter.containsKey(status.meterId())) {
                starts.put(status.meterId(), new RegistersRead.Register(status.meterId(), status.registerWh(),
                        status.lastReadingAt()));
            }
        }
        this.gap = new GapBilling(engine, readings, starts);
        this.creditedBefore = creditedBefore;
    }

    /**
     * Re-runs the replica's billing, before anything is sent to the new gateway, and checks that it ends where the
     * replica's ledger does.
     *
     * @throws ReplacementRefusedException with {@code REPLACE_REPLICA_INCOMPLETE} when the store lacks readings from
     *     the first opening on, and {@code REPLACE_REPLICA_DISAGREES} when the re-run ends at another balance
     */
    public static GapReconciliation prepare(SiteStore store, ReplicaRestore replica) {
        BillingEngine engine = BillingAudit.replayIfWhole(store).orElseThrow(() -> new ReplacementRefusedException(
                "REPLACE_REPLICA_INCOMPLETE", "The site database lacks readings from the first opening balance on, "
                        + "so the gap cannot be billed from it; use a console that pulled the site's whole history."));
        for (RestoreChunk.Account account : replica.accounts()) {
            String customerId = account.customer().customerId();
            if (engine.postedBalance(customerId) != replica.balance(customerId)) {
                throw new ReplacementRefusedException("REPLACE_REPLICA_DISAGREES", "Re-running the replica's billing "
                        + "leaves customer " + customerId + " at " + engine.postedBalance(customerId) + " where its "
                        + "ledger says " + replica.balance(customerId) + "; audit the site before replacing its "
                        + "gateway.");
            }
        }
        return new GapReconciliation(replica, engine, store.readings(Instant.EPOCH, Instant.MAX), store.statuses(),
                store.ledgerPayments().keySet());
    }

    /**
     * Bills the gaps up to the registers read and credits the payments not in the replica's ledger. It moves the
     * re-run on, so it is called once; a replacement run again prepares anew.
     *
     * @param payments the payments queued since the replica's last pull: imported from a file, sent down by the
     *     cloud, or receipts the technician holds; one the replica's ledger credited already is left out
     */
    public Reconciled reconcile(RegistersRead registers, List<QueuedPayment> payments) {
        Map<String, RegistersRead.Register> byMeter = new HashMap<>();
        registers.registers().forEach(register -> byMeter.put(register.meterId(), register));
        List<QueuedPayment> applied = payments.stream()
                .filter(p -> !creditedBefore.contains(p.reference()) && engine.customers().contains(p.customerId()))
                .toList();
        List<TopUp> topUps = applied.stream()
                .map(p -> new TopUp(p.reference(), p.customerId(), p.amountMinor(), p.paidAt())).toList();
        Map<String, Long> unpostedEnergy = new HashMap<>();
        for (RestoreChunk.Account account : replica.accounts()) {
            String meterId = account.meter().meterId();
            unpostedEnergy.put(meterId, unpostedEnergyWh(account.customer().customerId(), meterId));
        }
        List<Reconciled.StaleRegister> stale = staleRegisters(byMeter);
        stale.forEach(register -> byMeter.remove(register.meterId()));
        List<String> meterIds = replica.accounts().stream().map(account -> account.meter().meterId()).toList();
        Map<String, Long> gapEnergy = gap.bill(meterIds, byMeter, registers.at(), topUps);
        return reconciled(byMeter, gapEnergy, unpostedEnergy, applied, stale);
    }

    /**
     * The registers read older than their meter's last reading in the replica (decision 0096). Such a register says
     * nothing the replica does not, and lower than that reading's it would bill negative energy: it bills no gap,
     * and the meter is billed through its last reading in the replica and on from there.
     */
    private List<Reconciled.StaleRegister> staleRegisters(Map<String, RegistersRead.Register> byMeter) {
        List<Reconciled.StaleRegister> stale = new ArrayList<>();
        for (RestoreChunk.Account account : replica.accounts()) {
            String meterId = account.meter().meterId();
            RegistersRead.Register register = byMeter.get(meterId);
            Reading last = lastReading(meterId);
            if (register != null && last != null && register.at().isBefore(last.intervalEnd())) {
                stale.add(new Reconciled.StaleRegister(account.customer().customerId(), meterId,
                        register.registerWh(), register.at(), last.registerWh(), last.intervalEnd()));
            }
        }
        return stale;
    }

    /** The meter's last reading in the replica, or null for a meter that sent none. */
    private Reading lastReading(String meterId) {
        Reading last = null;
        for (Reading reading : readingsByMeter.getOrDefault(meterId, List.of())) {
            if (last == null || reading.intervalEnd().isAfter(last.intervalEnd())) {
                last = reading;
            }
        }
        return last;
    }

    /**
     * The energy the customer's meter delivered before the replica's last reading whose charges the dead gateway had
     * not posted yet (it posts a day's charges at midnight): the lines charge it with the gap's, so a row shows it.
     * Read before the gap is billed, while the engine still stands where the replica left it.
     */
    private long unpostedEnergyWh(String customerId, String meterId) {
        if (!engine.customers().contains(customerId) || engine.closed(customerId)) {
            return 0;
        }
        RatingState state = engine.ratingState(customerId);
        if (state.accruedFrom() == null) {
            return 0;
        }
        return readingsByMeter.getOrDefault(meterId, List.of()).stream()
                .filter(r -> !r.intervalStart().isBefore(state.accruedFrom())
                        && !r.intervalEnd().isAfter(state.accruedTo()))
                .mapToLong(Reading::energyWh).sum();
    }

    private Reconciled reconciled(Map<String, RegistersRead.Register> byMeter, Map<String, Long> gapEnergy,
            Map<String, Long> unpostedEnergy, List<QueuedPayment> payments, List<Reconciled.StaleRegister> stale) {
        Map<String, List<LedgerEntry>> posted = new LinkedHashMap<>();
        for (LedgerEntry entry : engine.ledgerAfter(replayedSeq)) {
            posted.computeIfAbsent(entry.customerId(), c -> new ArrayList<>()).add(entry);
        }
        List<PostReconciliation.Line> lines = new ArrayList<>();
        List<Reconciled.Row> rows = new ArrayList<>();
        for (RestoreChunk.Account account : replica.accounts()) {
            String customerId = account.customer().customerId();
            String meterId = account.meter().meterId();
            List<PostReconciliation.Line> own = linesOf(customerId, meterId,
                    posted.getOrDefault(customerId, List.of()));
            lines.addAll(own);
            boolean staleRead = stale.stream().anyMatch(register -> register.meterId().equals(meterId));
            rows.add(Reconciled.row(account, gapEnergy.getOrDefault(meterId, 0L),
                    unpostedEnergy.getOrDefault(meterId, 0L), !byMeter.containsKey(meterId) && !staleRead, own));
        }
        List<String> customerIds = replica.accounts().stream().map(a -> a.customer().customerId()).toList();
        Map<String, RegistersRead.Register> gapStarts = new TreeMap<>();
        List<String> noStartKnown = new ArrayList<>();
        for (String meterId : byMeter.keySet().stream().sorted().toList()) {
            if (!readingsByMeter.containsKey(meterId)) {
                if (starts.containsKey(meterId)) {
                    gapStarts.put(meterId, starts.get(meterId));
                } else {
                    noStartKnown.add(meterId);
                }
            }
        }
        return new Reconciled(replica.site().currency(), rows, lines, payments,
                GapBilling.onTheWire(gap.periods(customerIds)), stale, gapStarts, noStartKnown);
    }

    /** The customer's lines: a payment each, and one line per kind of charge, posted or accrued. */
    private List<PostReconciliation.Line> linesOf(String customerId, String meterId, List<LedgerEntry> entries) {
        List<PostReconciliation.Line> lines = new ArrayList<>();
        Map<EntryKind, Long> charges = new EnumMap<>(EntryKind.class);
        for (LedgerEntry entry : entries) {
            if (entry.kind() == EntryKind.TOP_UP) {
                lines.add(new PostReconciliation.Line(customerId, EntryKind.TOP_UP, entry.amountMinor(),
                        entry.reference()));
            } else {
                charges.merge(entry.kind(), entry.amountMinor(), Long::sum);
            }
        }
        if (engine.customers().contains(customerId) && !engine.closed(customerId)) {
            for (EntryKind kind : List.of(EntryKind.ENERGY, EntryKind.TAX, EntryKind.LEVY)) {
                charges.merge(kind, -engine.accruedMinor(customerId, kind), Long::sum);
            }
        }
        charges.forEach((kind, amount) -> {
            if (amount != 0) {
                lines.add(new PostReconciliation.Line(customerId, kind, amount, "gap:" + meterId + ":"
                        + replica.tipSeq() + ":" + kind.name().toLowerCase(Locale.ROOT)));
            }
        });
        return lines;
    }
}
