package io.gridside.console.service;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.billing.Takeover;
import io.gridside.billing.config.BillingConfig;
import io.gridside.link.message.RegistersRead;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.store.ReplacementRecords.MeterRegister;
import io.gridside.site.store.ReplacementRecords.Replacement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The audit of a site whose gateway was replaced (decision 0067, addendum): its ledger holds the dead gateway's
 * entries up to the replica's tip, the new gateway's reconciliation of the gap (lines under {@code gap:} and
 * {@code payment:}, all dated when it was posted), then the new gateway's own billing. The dead gateway's part is
 * replayed as any site's, with the readings pulled from it; the reconciliation is taken as it was posted, since the
 * console computed it from registers read on site; and the new gateway's part is replayed on an engine that takes
 * the site over as the new gateway's did ({@link Takeover}), with the same billing configuration (decision 0075)
 * and the readings pulled from the new gateway.
 *
 * <p>Each account of the new gateway's part goes on with the period it stood in after the gap (decision 0084). The
 * audit does not take that from the new gateway: it bills the gap again on its own replay of the dead gateway's part
 * ({@link GapBilling}, as the console's reconciliation billed it), from each meter's last reading there to the
 * register the console's record of the replacement says it was read at (decision 0094), with the reconciliation's
 * payments. A new gateway that opened its accounts afresh then charges the day of the takeover otherwise than the
 * replay, and the audit shows where. The record is what this console saw, not the gateway's word, and the new
 * gateway's entries are still checked against the replay.
 *
 * <p>With the record, a meter's readings are the new gateway's after the register it was read at (from the quarter
 * hour of the reconciliation for a meter it could not read then), as the new gateway bills them. A database that
 * kept no record (one from before it) leaves the audit as it was: each meter's register is taken where its first
 * reading on the new gateway starts, and the new gateway's readings are told from the dead one's by time: they
 * begin at the quarter hour of the reconciliation, or at the one before it after a quarter hour with no reading,
 * while the dead gateway's stop at its last pull, before the hours the site had no gateway.
 */
final class ReplacedGatewayReplay {

    private static final String GAP_PREFIX = "gap:";
    private static final String PAYMENT_PREFIX = "payment:";

    private final long tipSeq;
    private final long reconciledSeq;
    private final Instant postedAt;
    /** What the console saw when it reconciled (decision 0094), or null from a database that kept none. */
    private final Replacement record;

    private ReplacedGatewayReplay(long tipSeq, long reconciledSeq, Instant postedAt, Replacement record) {
        this.tipSeq = tipSeq;
        this.reconciledSeq = reconciledSeq;
        this.postedAt = postedAt;
        this.record = record;
    }

    /**
     * The replacement in {@code ledger}, when it holds one: the first entry posted under {@code gap:} marks it, and
     * the reconciliation is every line posted with it after the replica's tip. {@code ledger} may be some accounts'
     * entries alone, as a statement's replay takes them: their lines are then not one unbroken run of sequence
     * numbers, but they are all that stands between the tip and the new gateway's own billing.
     */
    static Optional<ReplacedGatewayReplay> in(List<LedgerEntry> ledger) {
        return in(ledger, List.of());
    }

    /**
     * The replacement in {@code ledger}, as {@link #in(List)} finds it, with the record the console kept of it; or,
     * in a ledger with no {@code gap:} line (a gap that charged nothing), the first of {@code records} whose new
     * gateway's entries the ledger holds. A record stands for the replacement whose tip it names; of two after the
     * same tip (a replacement that died before it was pulled, replaced again), the later.
     *
     * @param records the replacements this console ran on the site, by tip (decision 0094); empty from an older
     *     database, which leaves the audit as it was before the record
     */
    static Optional<ReplacedGatewayReplay> in(List<LedgerEntry> ledger, List<Replacement> records) {
        LedgerEntry gap = ledger.stream().filter(e -> e.reference().startsWith(GAP_PREFIX)).findFirst().orElse(null);
        if (gap != null) {
            String[] parts = gap.reference().split(":");
            long tip = Long.parseLong(parts[parts.length - 2]);
            Replacement record = records.stream().filter(r -> r.afterSeq() == tip).reduce((a, b) -> b).orElse(null);
            return Optional.of(new ReplacedGatewayReplay(tip, reconciledSeq(ledger, tip, gap.at()), gap.at(),
                    record));
        }
        long last = ledger.stream().mapToLong(LedgerEntry::seq).max().orElse(0);
        return records.stream().filter(r -> r.afterSeq() < last).findFirst()
                .map(r -> new ReplacedGatewayReplay(r.afterSeq(), reconciledSeq(ledger, r.afterSeq(),
                        r.reconciledAt()), r.reconciledAt(), r));
    }

    /**
     * The last reconciliation line after {@code tip}: the lines are all posted at {@code postedAt}, to the second,
     * as the site database keeps a ledger entry's time (a record keeps it to the millisecond).
     */
    private static long reconciledSeq(List<LedgerEntry> ledger, long tip, Instant postedAt) {
        long reconciled = tip;
        Instant posted = postedAt.truncatedTo(ChronoUnit.SECONDS);
        for (LedgerEntry entry : ledger) {
            boolean line = entry.reference().startsWith(GAP_PREFIX) || entry.reference().startsWith(PAYMENT_PREFIX);
            if (entry.seq() > reconciled && entry.at().truncatedTo(ChronoUnit.SECONDS).equals(posted) && line) {
                reconciled = entry.seq();
            }
        }
        return reconciled;
    }

    /** The replica's tip: the dead gateway's last entry, after which the reconciliation's lines come. */
    long tipSeq() {
        return tipSeq;
    }

    /** The dead gateway's part of {@code ledger}: its entries up to the replica's tip. */
    List<LedgerEntry> deadGatewaysEntries(List<LedgerEntry> ledger) {
        return ledger.stream().filter(e -> e.seq() <= tipSeq).toList();
    }

    /** The readings of {@code readings} that the dead gateway billed, as {@link #run} tells them from the new one's. */
    List<Reading> deadGatewaysReadings(List<Reading> readings) {
        return readings.stream().filter(newGatewaysReadings(readings).negate()).toList();
    }

    /**
     * The meters whose register the record says was read for the reconciliation but whose gap it could not bill: the
     * dead gateway's readings on this laptop hold none of theirs to bill from (a replica pulled before their first
     * quarter hour was billed), and the record keeps no register their billing began from (decision 0103). Empty
     * without a record.
     */
    List<String> metersBilledNoGap(List<Reading> readings) {
        if (record == null) {
            return List.of();
        }
        Set<String> read = new TreeSet<>();
        deadGatewaysReadings(readings).forEach(r -> read.add(r.meterId()));
        return record.registers().stream().filter(MeterRegister::read)
                .filter(register -> !register.billedFromAStart()).map(MeterRegister::meterId)
                .filter(meterId -> !read.contains(meterId)).sorted().toList();
    }

    /** How many reconciliation lines (gap and payments) the console posted through the new gateway. */
    long lines() {
        return reconciledSeq - tipSeq;
    }

    /**
     * The audit's outcome over the whole ledger: its reconciliation, the engine that replayed the last part (the
     * new gateway's, or the whole site's when no gateway was replaced), every entry the replay stands for, and the
     * energy of each meter's gap, which the reconciliation billed and no reading holds (by meter, in Wh).
     */
    record Outcome(Reconciliation reconciliation, BillingEngine after, List<LedgerEntry> replayed,
            Map<String, Long> gapEnergyWh) {

        /** The outcome of a site replayed in one part by {@code replay}. */
        static Outcome of(List<LedgerEntry> ledger, BillingEngine replay) {
            return new Outcome(Reconciliation.of(ledger, replay), replay, replay.ledgerAfter(0), Map.of());
        }
    }

    /**
     * Replays both gateways' parts and compares each with the ledger.
     *
     * @param replayBefore the site's own replay of a ledger and readings, as the audit runs it for any site
     */
    Outcome run(SiteInfo site, Tariff tariff, BillingConfig config, List<Meter> meters, List<LedgerEntry> ledger,
            List<Reading> readings, BiFunction<List<LedgerEntry>, List<Reading>, BillingEngine> replayBefore) {
        Predicate<Reading> newGateways = newGatewaysReadings(readings);
        List<LedgerEntry> dead = deadGatewaysEntries(ledger);
        List<LedgerEntry> lines = ledger.stream().filter(e -> e.seq() > tipSeq && e.seq() <= reconciledSeq).toList();
        List<LedgerEntry> after = ledger.stream().filter(e -> e.seq() > reconciledSeq).toList();
        List<Reading> billedBefore = readings.stream().filter(newGateways.negate()).toList();
        BillingEngine before = replayBefore.apply(dead, billedBefore);
        List<Reading> billedAfter = readings.stream().filter(newGateways).toList();
        Reconciliation first = beforeReplacement(dead, before);
        List<LedgerEntry> replayed = new ArrayList<>(before.ledgerAfter(0));

        Map<String, String> meterOf = meterOf(meters, dead, lines);
        GapBilling gap = new GapBilling(before, billedBefore, recordedStarts());
        Map<String, Long> gapEnergy = billTheGap(gap, meterOf, billedAfter, lines);
        Map<String, Takeover.PeriodState> periods = gap.periods(meterOf.keySet());
        BillingEngine engine = takeover(site, tariff, config, meterOf, dead, lines, periods);
        Replay.runAfterTakeover(engine, postedAt, meters, after, billedAfter);

        Reconciliation second = Reconciliation.of(after, engine);
        replayed.addAll(lines);
        replayed.addAll(engine.ledgerAfter(reconciledSeq));
        List<LedgerEntry> notChecked = new ArrayList<>(first.notChecked());
        notChecked.addAll(second.notChecked());
        return new Outcome(new Reconciliation(first.compared() + second.compared(),
                first.matched() + second.matched(), first.firstDifference().or(second::firstDifference),
                second.checkedTo(), notChecked), engine, replayed,
                record != null ? gapEnergy : gapEnergyWh(billedBefore, billedAfter));
    }

    /**
     * The replaced gateway's part compared with its re-run. No reading of that gateway will come after the ones this
     * laptop holds, so an entry of it that the re-run does not reach is not "newer than the last reading", to be
     * checked by a later pull: it cannot be checked at all, and counts as a difference that says so.
     */
    private static Reconciliation beforeReplacement(List<LedgerEntry> dead, BillingEngine before) {
        Reconciliation cut = Reconciliation.of(dead, before);
        List<LedgerEntry> unreached = cut.notChecked();
        if (unreached.isEmpty()) {
            return cut;
        }
        LedgerEntry first = unreached.get(0);
        String reason = "Entry " + first.seq() + " (" + first.kind() + " for " + first.customerId() + " at "
                + first.at() + ") and " + (unreached.size() - 1) + " more, posted by the replaced gateway before the "
                + "replacement, lie after the last of its readings this laptop holds (" + cut.checkedTo() + "); that "
                + "gateway is gone, so they cannot be checked: audit on a laptop that pulled its later readings.";
        return new Reconciliation(cut.compared() + unreached.size(), cut.matched(),
                cut.firstDifference().or(() -> Optional.of(reason)), cut.checkedTo(), List.of());
    }

    /**
     * How far each meter's register rose between its last reading from the replaced gateway and its first from the
     * new one: the gap the reconciliation billed as one reading, which the site database holds no reading of. A meter
     * the new gateway has not sent a reading of yet has no gap here. Used when no record of the replacement was kept;
     * with one, the gap is what the audit billed from the registers it holds.
     */
    private static Map<String, Long> gapEnergyWh(List<Reading> billedBefore, List<Reading> billedAfter) {
        Map<String, Reading> lastBefore = new HashMap<>();
        Map<String, Reading> firstAfter = new HashMap<>();
        for (Reading reading : billedBefore) {
            lastBefore.merge(reading.meterId(), reading, (a, b) -> b.intervalEnd().isAfter(a.intervalEnd()) ? b : a);
        }
        for (Reading reading : billedAfter) {
            firstAfter.merge(reading.meterId(), reading, (a, b) -> b.intervalEnd().isBefore(a.intervalEnd()) ? b : a);
        }
        Map<String, Long> gaps = new HashMap<>();
        lastBefore.forEach((meterId, last) -> {
            Reading first = firstAfter.get(meterId);
            long rise = first == null ? 0 : first.registerWh() - first.energyWh() - last.registerWh();
            if (rise > 0) {
                gaps.put(meterId, rise);
            }
        });
        return gaps;
    }

    /**
     * An engine that takes the site over as the new gateway did: each meter's customer on the balance the
     * reconciliation left, on their own tariff under the site's terms as the configuration the restore carried
     * says (the site database's, which the new gateway answers GetBillingConfig with), the ledger following the
     * reconciliation's last line.
     */
    private BillingEngine takeover(SiteInfo site, Tariff tariff, BillingConfig config, Map<String, String> meterOf,
            List<LedgerEntry> dead, List<LedgerEntry> lines, Map<String, Takeover.PeriodState> periods) {
        Map<String, Long> balances = balances(dead, lines);
        List<LedgerEntry> before = new ArrayList<>(dead);
        before.addAll(lines);
        return Takeover.engine(tariff, config.rater(site.zone()), config.terms(), config.customerTariffs(site.zone()),
                Takeover.ledgerAfter(reconciledSeq), meterOf, balances,
                Takeover.debtsOwed(config.terms(), Map.of(), before), periods, postedAt);
    }

    /** Each customer's balance after the reconciliation. */
    private static Map<String, Long> balances(List<LedgerEntry> dead, List<LedgerEntry> lines) {
        Map<String, Long> balances = new HashMap<>();
        dead.forEach(e -> balances.put(e.customerId(), e.balanceAfterMinor()));
        lines.forEach(e -> balances.put(e.customerId(), e.balanceAfterMinor()));
        return balances;
    }

    /** The meter of each customer the ledger holds, in the order of the site's meters. */
    private static Map<String, String> meterOf(List<Meter> meters, List<LedgerEntry> dead, List<LedgerEntry> lines) {
        Map<String, Long> balances = balances(dead, lines);
        Map<String, String> meterOf = new LinkedHashMap<>();
        meters.stream().filter(m -> balances.containsKey(m.customerId()))
                .forEach(m -> meterOf.put(m.customerId(), m.meterId()));
        return meterOf;
    }

    /**
     * Bills the gap again on the replay of the dead gateway's part, as the console's reconciliation billed it: each
     * meter up to the register it was read at for the reconciliation, then the reconciliation's payments; and gives
     * the energy it billed each meter. The registers are the record's, as the console saw them read; from a database
     * that kept no record, each meter's is where its first reading on the new gateway starts.
     *
     * <p>KNOWN SHORTCOMING: without the record (a database from before it, or a run whose answer was lost), a meter
     * the new gateway could not read then (the console billed it no gap) is billed a gap here up to its first
     * reading, and one read then with no reading since is billed none; either may leave that account's period
     * otherwise than the new gateway's.
     */
    private Map<String, Long> billTheGap(GapBilling gap, Map<String, String> meterOf, List<Reading> billedAfter,
            List<LedgerEntry> lines) {
        Map<String, RegistersRead.Register> registers = record != null ? recordedRegisters()
                : firstRegisters(billedAfter);
        Instant readAt = record != null ? record.readAt()
                : registers.values().stream().map(RegistersRead.Register::at).max(Comparator.naturalOrder())
                        .orElse(Reading.intervalStartOf(postedAt));
        List<TopUp> payments = lines.stream()
                .filter(e -> e.kind() == EntryKind.TOP_UP && e.reference().startsWith(PAYMENT_PREFIX))
                .map(e -> new TopUp(e.reference().substring(PAYMENT_PREFIX.length()), e.customerId(),
                        e.amountMinor(), e.at()))
                .toList();
        return gap.bill(meterOf.values(), registers, readAt, payments);
    }

    /** The registers the new gateway read for the reconciliation, as the record kept them; unread meters left out. */
    private Map<String, RegistersRead.Register> recordedRegisters() {
        Map<String, RegistersRead.Register> registers = new HashMap<>();
        record.registers().stream().filter(MeterRegister::read).forEach(r -> registers.put(r.meterId(),
                new RegistersRead.Register(r.meterId(), r.registerWh(), r.at())));
        return registers;
    }

    /**
     * Where the record says the gap of each meter the replica held no reading of was billed from (decision 0103);
     * none without a record.
     */
    private Map<String, RegistersRead.Register> recordedStarts() {
        Map<String, RegistersRead.Register> starts = new HashMap<>();
        if (record != null) {
            record.registers().stream().filter(MeterRegister::billedFromAStart).forEach(r -> starts.put(r.meterId(),
                    new RegistersRead.Register(r.meterId(), r.fromWh(), r.fromAt())));
        }
        return starts;
    }

    /** Each meter's register where its first reading on the new gateway starts. */
    private static Map<String, RegistersRead.Register> firstRegisters(List<Reading> billedAfter) {
        Map<String, RegistersRead.Register> registers = new HashMap<>();
        for (Reading reading : billedAfter) {
            registers.merge(reading.meterId(), new RegistersRead.Register(reading.meterId(),
                    reading.registerWh() - reading.energyWh(), reading.intervalStart()),
                    (a, b) -> b.at().isBefore(a.at()) ? b : a);
        }
        return registers;
    }

    /**
     * Which readings are the new gateway's. With the record, as the new gateway bills them: a meter's readings
     * after the register it was read at (for a stale read, after its last reading in the replica, which the record
     * keeps in its place), or, for a meter it could not read then, those from the quarter hour of the
     * reconciliation on. Without it, see {@link #newReadingsFrom}.
     */
    private Predicate<Reading> newGatewaysReadings(List<Reading> readings) {
        if (record == null) {
            Instant from = newReadingsFrom(readings);
            return r -> !r.intervalStart().isBefore(from);
        }
        Instant opened = Reading.intervalStartOf(postedAt);
        // A stale register read is recorded as the meter's last reading in the replica, where the reconciliation
        // told the new gateway it billed the meter to (decision 0096), so no reading is taken from both parts.
        // KNOWN SHORTCOMING: a record kept before decision 0096 holds a stale register as read; the readings between
        // it and the meter's last reading from the dead gateway are then taken from the dead gateway's part, which
        // billed them, and the audit replays them billed twice, as that console's new gateway billed them.
        Map<String, Instant> readTo = new HashMap<>();
        record.registers().stream().filter(MeterRegister::read).forEach(r -> readTo.put(r.meterId(), r.at()));
        return r -> {
            Instant registerAt = readTo.get(r.meterId());
            return registerAt != null ? r.intervalEnd().isAfter(registerAt) : !r.intervalStart().isBefore(opened);
        };
    }

    /**
     * Where the new gateway's readings begin. It bills from the registers it read, which the same run posts the
     * reconciliation right after: from the reconciliation's quarter hour, or from the one before when the read fell
     * in it. That one is the new gateway's only when the quarter hour before it has no reading, as the hours the
     * site had no gateway leave none; otherwise it is the dead gateway's last, which an unbroken run of readings up
     * to the reconciliation (a gateway replaced within minutes of the last pull) would otherwise swallow whole.
     */
    private Instant newReadingsFrom(List<Reading> readings) {
        Instant from = Reading.intervalStartOf(postedAt);
        Set<Instant> starts = new TreeSet<>();
        readings.forEach(r -> starts.add(r.intervalStart()));
        Instant before = from.minus(Reading.INTERVAL);
        // KNOWN SHORTCOMING: without the record of the replacement (a database from before it), a site replaced
        // within the quarter hour after its last pull, whose registers were read in the quarter hour before the
        // reconciliation's, leaves no reading-less quarter hour to tell the two gateways' readings apart; its first
        // new quarter hour is then replayed as the dead gateway's, and the audit shows a difference there.
        if (starts.contains(before) && !starts.contains(before.minus(Reading.INTERVAL))) {
            from = before;
        }
        return from;
    }
}
