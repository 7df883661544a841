package io.gridside.sim;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Tick;
import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.LineKey;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.server.AdjustmentRefusedException;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gateway's side of reconciliation: its ledger summarised by customer day, the corrections a supervisor has it
 * post, and, for training and tests, a fault that makes billing charge one customer's day wrongly.
 */
final class LedgerCorrections {

    /** A correction as large as the largest charge a tariff may make; anything larger is a mistake. */
    static final long MAX_CORRECTION_MINOR = 10_000_000_000L;

    private final BillingEngine engine;
    private final ZoneId zone;
    /** The fault planted by {@link #misrate}, or null. */
    private Misrating misrating;

    /** A meter whose next reading of a day billing is to take as {@code extraWh} more than it read. */
    private record Misrating(String meterId, LocalDate day, long extraWh) {
    }

    LedgerCorrections(BillingEngine engine, ZoneId zone) {
        this.engine = engine;
        this.zone = zone;
    }

    /**
     * The digests of the customer days from {@code from} to {@code to} (null for open ends), in their order.
     * Shortcoming: each request walks the whole ledger; a real gateway would keep each finished day's digests.
     */
    List<LedgerDayDigest> digests(LocalDate from, LocalDate to) {
        return LedgerDays.digests(engine.ledgerAfter(0), zone).stream()
                .filter(d -> from == null || !d.customerDay().day().isBefore(from))
                .filter(d -> to == null || !d.customerDay().day().isAfter(to))
                .toList();
    }

    /**
     * Posts every correction of {@code request}, or none when one breaks a rule. They are dated at {@code lastTick},
     * or at the ledger's latest entry when a change made since (an exchange, a move) posted later: a correction
     * dated before an entry it follows would put the ledger out of date order, and a replay, which places a
     * correction by its date, would post it elsewhere.
     *
     * @return the entries posted
     */
    List<LedgerEntry> post(PostAdjustments request, Instant lastTick, Consumer<RelayDecision> decisions)
            throws AdjustmentRefusedException {
        Instant at = engine.ledgerAfter(Math.max(0, engine.lastSeq() - 1)).stream().map(LedgerEntry::at)
                .filter(latest -> latest.isAfter(lastTick)).findFirst().orElse(lastTick);
        Map<CustomerDay, ByteString> held = new HashMap<>();
        digests(null, null).forEach(d -> held.put(d.customerDay(), d.digest()));
        List<String> references = new ArrayList<>();
        for (PostAdjustments.Item item : request.adjustments()) {
            references.add(check(item, held));
        }
        List<LedgerEntry> posted = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            PostAdjustments.Item item = request.adjustments().get(i);
            Tick tick = engine.adjust(item.customerDay().customerId(), at, item.amountMinor(), references.get(i));
            posted.addAll(tick.entries());
            tick.decisions().forEach(decisions);
        }
        return posted;
    }

    /** Checks one correction against the rules of protocol section 6.18 and returns its entry's reference. */
    private String check(PostAdjustments.Item item, Map<CustomerDay, ByteString> held)
            throws AdjustmentRefusedException {
        CustomerDay day = item.customerDay();
        if (!hasAccount(day.customerId())) {
            throw new AdjustmentRefusedException("UNKNOWN_CUSTOMER", "Customer " + day.customerId()
                    + " has no account on this site; nothing was posted.");
        }
        if (!item.basedOn().equals(held.get(day))) {
            throw new AdjustmentRefusedException("ADJUSTMENT_STALE", "The ledger of " + day + " changed since it "
                    + "was reconciled (or holds nothing); reconcile again before posting. Nothing was posted.");
        }
        if (Math.abs(item.amountMinor()) > MAX_CORRECTION_MINOR) {
            throw new AdjustmentRefusedException("ADJUSTMENT_INVALID", "A correction of " + item.amountMinor()
                    + " for " + day + " is beyond any charge a tariff makes; nothing was posted.");
        }
        Adjustment.Reason reason;
        LineKey line;
        try {
            reason = Adjustment.Reason.valueOf(item.reason().toUpperCase(Locale.ROOT).replace('-', '_'));
            line = LineKey.parse(item.line());
        } catch (IllegalArgumentException e) {
            throw new AdjustmentRefusedException("ADJUSTMENT_INVALID", "The correction of " + day + " names line '"
                    + item.line() + "' for reason '" + item.reason() + "', which this gateway does not know; "
                    + "nothing was posted.");
        }
        return new Adjustment(day, line, reason, 0, -item.amountMinor()).reference();
    }

    /**
     * Whether billing holds the customer's account, open or closed: a customer who moved in since the site opened
     * has one, and a correction of a moved-out customer's day goes to the closed account's final balance.
     */
    private boolean hasAccount(String customerId) {
        try {
            engine.closed(customerId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Plants a fault, for training and tests: billing takes the meter's next reading of {@code day} it bills as
     * {@code extraWh} more than the meter read, once, while the readings the gateway keeps and serves stay true.
     */
    void misrate(String meterId, LocalDate day, long extraWh) {
        misrating = new Misrating(meterId, day, extraWh);
    }

    /** The readings billing takes: {@code batch}, with the planted fault if it falls here. */
    List<Reading> billed(List<Reading> batch) {
        Misrating fault = misrating;
        if (fault == null) {
            return batch;
        }
        List<Reading> billed = new ArrayList<>(batch.size());
        for (Reading reading : batch) {
            if (misrating != null && reading.meterId().equals(fault.meterId())
                    && reading.intervalStart().atZone(zone).toLocalDate().equals(fault.day())) {
                misrating = null;
                billed.add(new Reading(reading.meterId(), reading.intervalStart(), reading.energyWh()
                        + fault.extraWh(), reading.registerWh() + fault.extraWh()));
            } else {
                billed.add(reading);
            }
        }
        return billed;
    }
}
