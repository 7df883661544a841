package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Tick;
import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.GapFill;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.mesh.Uplink;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters' load-profile buffers, and the gateway's use of them: a meter keeps the register at the end of each
 * of its last {@value #BUFFERED_INTERVALS} quarter hours, and when it rejoins after a gap it sends the quarter
 * hours the gateway missed (a backfill) right after the reading that closed the gap. The gateway re-rates the
 * customer's days with those actuals in place of its estimate and posts only what moved, as adjustments dated at
 * the tick, after the tick's voids, where a replay of its ledger posts them too.
 *
 * <p>Shortcomings: the backfill travels with the closing reading, not over the mesh on its own, so it is never lost
 * or late by more than that; a gap longer than the buffer, or whose actuals do not rise to the closing register
 * (a meter exchanged in it), is left as estimated. The buffers are not kept in the journal, so a gateway resumed
 * from its journal could not fill gaps that closed before it stopped; the simulated gateway always starts anew.
 */
final class MeterBackfill {

    /** How many quarter hours a meter's load-profile buffer holds: three days. */
    static final int BUFFERED_INTERVALS = 3 * 96;

    private static final Logger LOG = LoggerFactory.getLogger(MeterBackfill.class);
    private static final long INTERVAL_SECONDS = Reading.INTERVAL.toSeconds();

    private final BillingEngine engine;
    private final GatewayJournal journal;
    private final Places places;
    /** Each place's register at the end of each buffered quarter hour, and which quarter hour each slot holds. */
    private final long[][] registers;
    private final long[][] intervals;

    MeterBackfill(BillingEngine engine, GatewayJournal journal, Places places, int meters) {
        this.engine = engine;
        this.journal = journal;
        this.places = places;
        this.registers = new long[meters][BUFFERED_INTERVALS];
        this.intervals = new long[meters][BUFFERED_INTERVALS];
        for (long[] slots : intervals) {
            Arrays.fill(slots, -1);
        }
    }

    /** The meter in place {@code index} loses what it buffered, as after a reset: no gap so far can be filled. */
    void forget(int index) {
        Arrays.fill(intervals[index], -1);
    }

    /** The meter in place {@code index} buffers its read, sent or not. */
    void record(int index, Uplink.IntervalRead read) {
        long interval = read.intervalStart().getEpochSecond() / INTERVAL_SECONDS;
        int slot = (int) (interval % BUFFERED_INTERVALS);
        registers[index][slot] = read.registerWh();
        intervals[index][slot] = interval;
    }

    /**
     * Fills each gap the tick at {@code tick} closed with its meter's backfill and posts the adjustments it calls
     * for; the tick's readings, {@code billed}, are not in the journal yet.
     *
     * @return the relay decisions the adjustments made
     */
    List<RelayDecision> fill(List<GapEstimate> closed, List<Reading> billed, Instant tick) {
        List<RelayDecision> decisions = new ArrayList<>();
        for (GapEstimate gap : closed) {
            Optional<String> customer = engine.customerOfMeter(gap.meterId());
            Optional<List<Long>> actuals = backfill(gap);
            if (customer.isEmpty() || actuals.isEmpty()) {
                continue;
            }
            GapFill.Account account = account(customer.get(), gap, billed, tick);
            for (Adjustment adjustment : GapFill.adjustments(engine.raterOf(customer.get()), account,
                    gap.gapStart(), actuals.get())) {
                Tick posted = engine.adjust(customer.get(), tick, adjustment.amountMinor(), adjustment.reference());
                decisions.addAll(posted.decisions());
            }
            journal.keepActuals(new GapEstimate(gap.meterId(), gap.gapStart(), gap.openingRegisterWh(),
                    gap.closingRegisterWh(), gap.method(), gap.status(), actuals.get()));
            LOG.debug("Meter {} filled its gap from {} with {} quarter hours of actuals.", gap.meterId(),
                    gap.gapStart(), gap.intervals());
        }
        return decisions;
    }

    /** The customer's account as the re-rating needs it: every reading of the meter billed since the opening. */
    private GapFill.Account account(String customerId, GapEstimate gap, List<Reading> billed, Instant tick) {
        Instant openedAt = engine.openedAt(customerId);
        List<Reading> readings = new ArrayList<>(journal.readingHistory().readings(gap.meterId(),
                Reading.intervalStartOf(openedAt), tick));
        billed.stream().filter(r -> r.meterId().equals(gap.meterId())).forEach(readings::add);
        LocalDate last = tick.minusNanos(1).atZone(engine.rater().zone()).toLocalDate();
        return new GapFill.Account(customerId, openedAt, last, readings, journal.filledGaps(gap.meterId()),
                journal.correctedReads(gap.meterId()));
    }

    /** The energies the gap's meter buffered for its quarter hours, when it holds all of them and they fit. */
    private Optional<List<Long>> backfill(GapEstimate gap) {
        Integer index = places.meterIndex.get(gap.meterId());
        if (index == null || !places.meterIds[index].equals(gap.meterId())) {
            return Optional.empty();
        }
        List<Long> energies = new ArrayList<>(gap.intervals());
        long previous = gap.openingRegisterWh();
        for (int i = 0; i < gap.intervals(); i++) {
            long interval = gap.gapStart().getEpochSecond() / INTERVAL_SECONDS + i;
            int slot = (int) (interval % BUFFERED_INTERVALS);
            if (intervals[index][slot] != interval || registers[index][slot] < previous) {
                return Optional.empty();
            }
            energies.add(registers[index][slot] - previous);
            previous = registers[index][slot];
        }
        return previous == gap.closingRegisterWh() ? Optional.of(energies) : Optional.empty();
    }
}
