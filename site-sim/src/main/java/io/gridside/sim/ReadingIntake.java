package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Tick;
import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.CorrectedReadings;
import io.gridside.billing.rerate.GapFill;
import io.gridside.billing.vee.MeterRating;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.ReadingsTaken.Outcome;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.vee.GapEstimate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's rules for register reads a console sends ({@link PostReadings}, protocol section 6.23), each judged
 * on its own against what the journal holds:
 * <ul>
 *   <li>a read equal to the register held at its time (as the meter sent it, filled or corrected) is a duplicate,
 *       and changes nothing, so the same reads sent twice post nothing more;</li>
 *   <li>the reads of every quarter hour inside a gap billed by estimate, rising between the gap's bounding
 *       registers, fill it as a meter's backfill does ({@link GapFill#adjustments}, {@code estimate-replaced});</li>
 *   <li>an override of a register billed between two readings that follow on from it re-rates the customer's days
 *       from the opening with the new register ({@link GapFill#correction}, {@code readings-changed});</li>
 *   <li>anything else is refused with a code that names the rule.</li>
 * </ul>
 * Adjustments are dated as a supervisor's corrections are, at the last tick or the ledger's latest entry if later,
 * so that a replay of the ledger posts them in the same place. Re-rating is bounded as a gap fill's is: one
 * customer's readings since the opening, read by the journal's index on meter and time, once per gap or read.
 *
 * <p>KNOWN SHORTCOMINGS: a meter's rating is not in the site's model, so every meter is taken to be rated as
 * VEE takes it ({@link MeterRating#DEFAULT}); a read beside a gap, or of the meter's last
 * reading billed, cannot be corrected, since it would change a gap's rise or the register billing goes on from; a
 * gap is filled only by reads of all its quarter hours. A gap that closes after a correction, within the four weeks
 * its profile looks back on, is spread by the engine with the register as the meter sent it (the journal's history
 * holds no corrections) while re-rating spreads it with the correction, so reconciling such a gap shows a difference.
 */
final class ReadingIntake {

    /** The most energy a meter registers in a quarter hour, by VEE's rating (site meters carry none yet). */
    static final long RATED_WH_PER_INTERVAL = MeterRating.DEFAULT.maxWh(Reading.INTERVAL);

    private static final Logger LOG = LoggerFactory.getLogger(ReadingIntake.class);
    private static final Duration QUARTER = Reading.INTERVAL;

    private final BillingEngine engine;
    private final GatewayJournal journal;
    /** Writes what a fill or correction posted and kept, so that the next read of the request sees it. */
    private final Runnable flush;

    ReadingIntake(BillingEngine engine, GatewayJournal journal, Runnable flush) {
        this.engine = engine;
        this.journal = journal;
        this.flush = flush;
    }

    /** One read of a gap, with its place in the request and its quarter hour's number in the gap (1 is first). */
    private record GapRead(int index, PostReadings.Read read, int quarter) {
    }

    /** What one request does: each read's answer, the gaps to fill, the entries posted, the decisions made. */
    private static final class Batch {
        final ReadingsTaken.Result[] results;
        final Map<GapEstimate, List<GapRead>> gaps = new LinkedHashMap<>();
        final List<Long> posted = new ArrayList<>();

        Batch(int size) {
            results = new ReadingsTaken.Result[size];
        }
    }

    /**
     * Judges every read of {@code request} with the site billed up to {@code lastTick}.
     *
     * @param decisions takes the relay decisions the adjustments make
     */
    ReadingsTaken take(PostReadings request, Instant lastTick, Consumer<RelayDecision> decisions) {
        Batch batch = new Batch(request.reads().size());
        for (int i = 0; i < request.reads().size(); i++) {
            batch.results[i] = judge(i, request.reads().get(i), lastTick, batch, decisions);
        }
        batch.gaps.forEach((gap, reads) -> fill(gap, reads, lastTick, batch, decisions));
        LOG.info("Took {} reads from a console: {} adjustments posted.", request.reads().size(), batch.posted.size());
        return new ReadingsTaken(List.of(batch.results), batch.posted);
    }

    /** The read's answer, or null when it waits for the other reads of its gap. */
    private ReadingsTaken.Result judge(int index, PostReadings.Read read, Instant lastTick, Batch batch,
            Consumer<RelayDecision> decisions) {
        Optional<String> customer = engine.customerOfMeter(read.meterId());
        Instant at = read.readAt();
        if (customer.isEmpty()) {
            return refused(read, "READ_UNKNOWN_METER", "No open account of this site is billed by meter "
                    + read.meterId() + "; check the meter id.");
        }
        if (at.getEpochSecond() % QUARTER.toSeconds() != 0 || at.getNano() != 0 || read.registerWh() < 0) {
            return refused(read, "READ_OFF_QUARTER_HOUR", "The gateway bills registers read at the end of a quarter "
                    + "hour; " + at + " is not one, or the register is negative.");
        }
        if (at.isAfter(lastTick)) {
            return refused(read, "READ_NOT_BILLED", "The gateway has not billed " + at + " yet (its last quarter "
                    + "hour ended " + lastTick + "); send the read again once it has.");
        }
        if (!at.isAfter(Reading.intervalStartOf(engine.openedAt(customer.get())).plus(QUARTER))) {
            return refused(read, "READ_BEFORE_ACCOUNT", "Meter " + read.meterId() + " bills customer "
                    + customer.get() + " only after " + engine.openedAt(customer.get()) + "; the read is earlier.");
        }
        Optional<Instant> before = journal.readingHistory().lastReadingEnd(read.meterId(), at);
        if (before.isPresent() && before.get().equals(at)) {
            return held(read, customer.get(), lastTick, batch, decisions);
        }
        return before.map(start -> inGap(index, read, start, batch)).orElseGet(() -> refused(read, "READ_NO_GAP",
                "The gateway billed no reading of meter " + read.meterId() + " before " + at + "."));
    }

    /** A read of a time the gateway holds a reading of: a duplicate, a correction, or a conflict. */
    private ReadingsTaken.Result held(PostReadings.Read read, String customerId, Instant lastTick, Batch batch,
            Consumer<RelayDecision> decisions) {
        Instant at = read.readAt();
        Map<Instant, Long> corrected = journal.correctedReads(read.meterId());
        List<Reading> around = CorrectedReadings.apply(journal.readingHistory().readings(read.meterId(),
                at.minus(QUARTER.multipliedBy(2)), at.plus(QUARTER)), corrected);
        Reading billed = around.stream().filter(r -> r.intervalEnd().equals(at)).findFirst().orElseThrow();
        if (billed.registerWh() == read.registerWh()) {
            return answer(read, Outcome.DUPLICATE);
        }
        if (read.origin() != PostReadings.Origin.OVERRIDDEN) {
            return refused(read, "READ_CONFLICTS", "The gateway billed register " + billed.registerWh() + " Wh for "
                    + "meter " + read.meterId() + " at " + at + "; only an override decided on the exceptions "
                    + "queue replaces it.");
        }
        if (around.size() < 3 || !around.get(0).intervalEnd().equals(around.get(1).intervalStart())) {
            boolean last = journal.readingHistory().lastReadingEnd(read.meterId(), lastTick).orElse(at).equals(at);
            return refused(read, last ? "READ_LAST_BILLED" : "READ_BESIDE_GAP", "Only a register read between two "
                    + "readings that follow on from it can be corrected, and meter " + read.meterId() + "'s at " + at
                    + " is " + (last ? "the last billed, which billing goes on from." : "beside a gap."));
        }
        String broken = brokenRise(around.get(0).registerWh(), List.of(read.registerWh()),
                around.get(2).registerWh());
        if (broken != null) {
            return refused(read, broken, "Register " + read.registerWh() + " Wh at " + at + " does not fit between "
                    + around.get(0).registerWh() + " and " + around.get(2).registerWh() + " Wh a quarter hour either "
                    + "side (a meter delivers " + RATED_WH_PER_INTERVAL + " Wh a quarter hour at most).");
        }
        post(customerId, GapFill.correction(engine.raterOf(customerId), account(customerId, read.meterId(),
                lastTick), at, read.registerWh()), lastTick, batch, decisions);
        journal.keepCorrection(new GatewayJournal.CorrectedRead(read.meterId(), at, read.registerWh()));
        flush.run();
        LOG.info("Meter {}'s register at {} corrected from {} to {} Wh ({}: {}).", read.meterId(), at,
                billed.registerWh(), read.registerWh(), read.originId(), read.reason());
        return answer(read, Outcome.CORRECTED);
    }

    /** A read inside the gap that starts at {@code gapStart}, if billing spread one there; null while it waits. */
    private ReadingsTaken.Result inGap(int index, PostReadings.Read read, Instant gapStart, Batch batch) {
        Optional<Map.Entry<GapEstimate, List<Long>>> spread = journal.estimateFrom(read.meterId(), gapStart);
        if (spread.isEmpty()) {
            return refused(read, "READ_NO_GAP", "The gateway billed no gap of meter " + read.meterId() + " by "
                    + "estimate around " + read.readAt() + " (its meter has not sent the read after it yet).");
        }
        GapEstimate gap = spread.get().getKey();
        int quarter = (int) Duration.between(gapStart, read.readAt()).dividedBy(QUARTER);
        List<Long> actuals = spread.get().getValue();
        if (actuals != null) {
            long register = gap.openingRegisterWh() + actuals.subList(0, quarter).stream().mapToLong(a -> a).sum();
            return register == read.registerWh() ? answer(read, Outcome.DUPLICATE) : refused(read,
                    "READ_CONFLICTS", "The gap of meter " + read.meterId() + " was filled with register " + register
                    + " Wh at " + read.readAt() + "; the read says otherwise.");
        }
        if (read.registerWh() < gap.openingRegisterWh() || read.registerWh() > gap.closingRegisterWh()) {
            return refused(read, "READ_OUTSIDE_GAP", "The gap of meter " + read.meterId() + " rose from "
                    + gap.openingRegisterWh() + " to " + gap.closingRegisterWh() + " Wh; a read of "
                    + read.registerWh() + " Wh inside it cannot be right.");
        }
        batch.gaps.computeIfAbsent(gap, g -> new ArrayList<>()).add(new GapRead(index, read, quarter));
        return null;
    }

    /** Fills {@code gap} with its reads when they give every quarter hour and rise as a register does. */
    private void fill(GapEstimate gap, List<GapRead> reads, Instant lastTick, Batch batch,
            Consumer<RelayDecision> decisions) {
        TreeMap<Integer, Long> registers = new TreeMap<>();
        for (GapRead read : reads) {
            Long other = registers.putIfAbsent(read.quarter(), read.read().registerWh());
            if (other != null && other != read.read().registerWh()) {
                refuseAll(reads, batch, "READ_CONFLICTS", "Two reads of meter " + gap.meterId() + " at "
                        + read.read().readAt() + " give different registers; send one.");
                return;
            }
        }
        if (registers.size() != gap.intervals() - 1) {
            refuseAll(reads, batch, "GAP_INCOMPLETE", "The gap of meter " + gap.meterId() + " from "
                    + gap.gapStart() + " has " + (gap.intervals() - 1) + " quarter hours to read inside it, and "
                    + registers.size() + " were sent; send a read of every one to replace its estimate.");
            return;
        }
        String broken = brokenRise(gap.openingRegisterWh(), List.copyOf(registers.values()),
                gap.closingRegisterWh());
        if (broken != null) {
            refuseAll(reads, batch, broken, "The reads of meter " + gap.meterId() + "'s gap from " + gap.gapStart()
                    + " do not rise from " + gap.openingRegisterWh() + " to " + gap.closingRegisterWh() + " Wh "
                    + "within " + RATED_WH_PER_INTERVAL + " Wh a quarter hour.");
            return;
        }
        List<Long> actuals = new ArrayList<>(gap.intervals());
        long previous = gap.openingRegisterWh();
        for (long register : registers.values()) {
            actuals.add(register - previous);
            previous = register;
        }
        actuals.add(gap.closingRegisterWh() - previous);
        String customerId = engine.customerOfMeter(gap.meterId()).orElseThrow();
        post(customerId, GapFill.adjustments(engine.raterOf(customerId), account(customerId, gap.meterId(), lastTick),
                gap.gapStart(), actuals), lastTick, batch, decisions);
        journal.keepActuals(new GapEstimate(gap.meterId(), gap.gapStart(), gap.openingRegisterWh(),
                gap.closingRegisterWh(), gap.method(), gap.status(), actuals));
        flush.run();
        reads.forEach(read -> batch.results[read.index()] = answer(read.read(), Outcome.FILLED));
    }

    /**
     * The rule registers from {@code opening} through {@code inside} to {@code closing} break, or null: each at
     * least the one before ({@code READ_BACKWARDS}), by no more than a meter's rating ({@code READ_BEYOND_RATING}).
     */
    private static String brokenRise(long opening, List<Long> inside, long closing) {
        long previous = opening;
        List<Long> all = new ArrayList<>(inside);
        all.add(closing);
        for (long register : all) {
            if (register < previous) {
                return "READ_BACKWARDS";
            }
            if (register - previous > RATED_WH_PER_INTERVAL) {
                return "READ_BEYOND_RATING";
            }
            previous = register;
        }
        return null;
    }

    /** Posts the adjustments, dated where a replay of the ledger posts a correction, and keeps their sequences. */
    private void post(String customerId, List<Adjustment> adjustments, Instant lastTick, Batch batch,
            Consumer<RelayDecision> decisions) {
        Instant at = engine.ledgerAfter(Math.max(0, engine.lastSeq() - 1)).stream().map(LedgerEntry::at)
                .filter(latest -> latest.isAfter(lastTick)).findFirst().orElse(lastTick);
        for (Adjustment adjustment : adjustments) {
            Tick posted = engine.adjust(customerId, at, adjustment.amountMinor(), adjustment.reference());
            posted.entries().stream().filter(entry -> entry.kind() == EntryKind.ADJUSTMENT)
                    .forEach(entry -> batch.posted.add(entry.seq()));
            posted.decisions().forEach(decisions);
        }
    }

    /** The customer's account as re-rating needs it: the meter's readings since the opening, fills, corrections. */
    private GapFill.Account account(String customerId, String meterId, Instant lastTick) {
        Instant openedAt = engine.openedAt(customerId);
        List<Reading> readings = journal.readingHistory().readings(meterId, Reading.intervalStartOf(openedAt),
                lastTick);
        LocalDate last = lastTick.minusNanos(1).atZone(engine.rater().zone()).toLocalDate();
        return new GapFill.Account(customerId, openedAt, last, readings, journal.filledGaps(meterId),
                journal.correctedReads(meterId));
    }

    private static void refuseAll(List<GapRead> reads, Batch batch, String code, String sentence) {
        reads.forEach(read -> batch.results[read.index()] = refused(read.read(), code, sentence));
    }

    private static ReadingsTaken.Result answer(PostReadings.Read read, Outcome outcome) {
        return new ReadingsTaken.Result(read.meterId(), read.readAt(), read.registerWh(), outcome, null, null);
    }

    private static ReadingsTaken.Result refused(PostReadings.Read read, String code, String sentence) {
        return new ReadingsTaken.Result(read.meterId(), read.readAt(), read.registerWh(), Outcome.REFUSED, code,
                sentence);
    }
}
