package io.gridside.console.service;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Takeover;
import io.gridside.billing.Tick;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.site.Reading;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bills the gap a site had no gateway on an engine that billed the dead gateway's readings: each meter's gap, from
 * its last reading (or, for a meter the replica held no reading of, from the register the dead gateway had billed it
 * to: decision 0103) to the register read on site, as one reading, then the payments made since. The console's
 * reconciliation ({@link GapReconciliation}) bills it once to post its lines, and the audit of a replaced site
 * ({@link ReplacedGatewayReplay}) bills it again on its own replay to find where each account stood at the
 * takeover; both tick the same way, so both leave every account in the same period.
 */
final class GapBilling {

    private final BillingEngine engine;
    private final Map<String, Reading> lastReadings = new HashMap<>();
    /** Where the gap of a meter with no reading here starts: the register the dead gateway billed it to. */
    private final Map<String, RegistersRead.Register> starts;
    /** The customers whose low-credit alert the gap's billing raised, which no gateway was there to send. */
    private final Set<String> alertedInTheGap = new HashSet<>();

    /** A gap billing of meters that each have a reading in {@code readings} to bill from. */
    GapBilling(BillingEngine engine, List<Reading> readings) {
        this(engine, readings, Map.of());
    }

    /**
     * @param engine the engine that billed the dead gateway's part, which the gap moves on
     * @param readings the dead gateway's readings, of which each meter's last counts
     * @param starts for meters none of {@code readings} is of, the register the dead gateway had billed each to,
     *     which its gap is billed from; a meter with neither is billed no gap
     */
    GapBilling(BillingEngine engine, List<Reading> readings, Map<String, RegistersRead.Register> starts) {
        this.engine = engine;
        this.starts = Map.copyOf(starts);
        for (Reading reading : readings) {
            lastReadings.merge(reading.meterId(), reading,
                    (a, b) -> b.intervalEnd().isAfter(a.intervalEnd()) ? b : a);
        }
    }

    /**
     * Bills the gap of each of {@code meterIds} up to its register in {@code registers}, then credits
     * {@code topUps}.
     *
     * @param readAt when the registers were read
     * @return the energy each meter's register moved on by in the gap; a meter left out had no gap to bill
     */
    Map<String, Long> bill(Collection<String> meterIds, Map<String, RegistersRead.Register> registers,
            Instant readAt, List<TopUp> topUps) {
        TreeMap<Instant, List<Reading>> gapsByEnd = new TreeMap<>();
        Map<String, Long> gapEnergy = new HashMap<>();
        for (String meterId : meterIds) {
            Reading gap = gapReading(meterId, registers.get(meterId));
            if (gap != null) {
                gapsByEnd.computeIfAbsent(gap.intervalEnd(), end -> new ArrayList<>()).add(gap);
                gapEnergy.put(meterId, gap.energyWh());
            }
        }
        tick(gapsByEnd, readAt, topUps);
        return gapEnergy;
    }

    /**
     * The gap's one reading: from the meter's last reading in the replica, or from the register the dead gateway had
     * billed a meter with no reading there to, up to the register read, if it moved on.
     *
     * <p>KNOWN SHORTCOMING: a meter with neither (a replica pulled before the quarter hour its meters began to bill
     * in had ended) is billed no gap; what it used until the read is lost to billing, and the audit says so
     * ({@link BillingAudit#notReRun}). A gap billed from a start is rated at its last quarter hour, as the engine
     * spreads no gap before a meter's first reading billed: exact under a flat price, not under time-of-use prices.
     */
    private Reading gapReading(String meterId, RegistersRead.Register register) {
        Reading last = lastReadings.get(meterId);
        RegistersRead.Register from = last != null
                ? new RegistersRead.Register(meterId, last.registerWh(), last.intervalEnd()) : starts.get(meterId);
        if (register == null || from == null || !register.at().isAfter(from.at())
                || !register.at().isAfter(engine.lastTick()) || register.registerWh() < from.registerWh()) {
            return null;
        }
        long energy = register.registerWh() - from.registerWh();
        return new Reading(meterId, register.at().minus(Reading.INTERVAL), energy, register.registerWh());
    }

    /**
     * Ticks the engine at each register's quarter hour in turn, then at the read, with the payments last. When the
     * read comes within the quarter hour the replica's billing last ticked, no tick is after it; the payments are
     * then credited at that last tick again (which charges nothing twice), never left out.
     */
    private void tick(TreeMap<Instant, List<Reading>> gapsByEnd, Instant readAt, List<TopUp> topUps) {
        Instant last = Reading.intervalStartOf(readAt);
        if (gapsByEnd.isEmpty() || last.isAfter(gapsByEnd.lastKey())) {
            gapsByEnd.putIfAbsent(last, new ArrayList<>());
        }
        Instant finalEnd = gapsByEnd.lastKey();
        boolean credited = false;
        for (Map.Entry<Instant, List<Reading>> tick : gapsByEnd.entrySet()) {
            if (tick.getKey().isAfter(engine.lastTick())) {
                boolean isFinal = tick.getKey().equals(finalEnd);
                alerted(engine.tick(tick.getKey(), isFinal ? topUps : List.of(), tick.getValue()));
                credited |= isFinal;
            }
        }
        if (!credited && !topUps.isEmpty()) {
            alerted(engine.tick(engine.lastTick(), topUps, List.of()));
        }
    }

    private void alerted(Tick tick) {
        tick.alerts().forEach(alert -> alertedInTheGap.add(alert.customerId()));
    }

    /**
     * Where each of {@code customerIds} whose account the engine holds open stands within its periods after the
     * gap: what the new gateway goes on with. An account whose low-credit alert the gap's billing raised goes on
     * with it armed, since no gateway sent that alert: the new gateway raises it when it first bills the account
     * if the balance is still below the threshold.
     */
    Map<String, Takeover.PeriodState> periods(Collection<String> customerIds) {
        Map<String, Takeover.PeriodState> periods = new TreeMap<>();
        for (String customerId : customerIds) {
            if (engine.customers().contains(customerId) && !engine.closed(customerId)) {
                Takeover.PeriodState period = Takeover.periodOf(engine, customerId);
                periods.put(customerId, alertedInTheGap.contains(customerId) ? period.withLowAlertArmed(true)
                        : period);
            }
        }
        return periods;
    }

    /** The periods as a PostReconciliation carries them (sections 6.36 and 6.40), in customer id order. */
    static List<PostReconciliation.AccountPeriod> onTheWire(Map<String, Takeover.PeriodState> periods) {
        List<PostReconciliation.AccountPeriod> wire = new ArrayList<>();
        new TreeMap<>(periods).forEach((customerId, p) -> wire.add(new PostReconciliation.AccountPeriod(customerId,
                p.blockPeriod(), p.blockPeriodWh(), p.energyMonth(), p.monthEnergyUnits(), p.firstFullMonth(),
                p.credit(), p.relay(), p.emergencyDebtMinor(), p.energyPastZeroWh(), p.energyInGraceWh(),
                p.lowAlertArmed(), p.remainders().stream().map(r -> new PostReconciliation.LineRemainder(r.line(),
                        r.unitsPerMinor(), r.units())).toList())));
        return wire;
    }
}
