package io.gridside.sim;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.BillingEngine;
import io.gridside.billing.Rater;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.billing.config.PushedVersion;
import io.gridside.billing.rerate.BilledAccount;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.server.TariffPushRefusedException;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffProblem;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffValidator;
import io.gridside.site.tariff.TariffVersion;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of a tariff version pushed late: it checks the version, adds it to the billing configuration
 * (whose document and digest change, so consoles pull the new one), re-rates every customer from the account's
 * opening with the old and the new schedule, posts only the lines that moved as adjustments dated at its last
 * tick, and moves each account to the state the new schedule leaves, so that what it bills later is charged as
 * re-rating from the opening charges it.
 *
 * <p>How far back a version may take effect: no earlier than the start of the site day {@value #CORRECTABLE_DAYS}
 * days before the gateway's, and no earlier than the first day of the last month whose minimum charge was taken.
 * The week always binds today, since it never reaches past the month before; the month is kept so that a longer
 * week never re-opens more than one minimum charge.
 *
 * <p>An account is re-rated by the readings billed to it across every meter that billed it, as the event log's
 * exchanges and moves tell ({@link AccountHistory}), with each meter's filled gaps and corrected registers; an
 * account closed on or after the version's effective day is re-rated to its move-out and adjusted, and one closed
 * before is left as it is. A push is refused only when re-rating an account does not repeat what the engine billed
 * (a reading it billed is not kept), naming the account and why.
 *
 * <p>Shortcoming: the power limiter keeps the lifeline limits of the schedule the site began with.
 */
final class TariffPush {

    /** How many site days back a pushed version may take effect. */
    static final int CORRECTABLE_DAYS = 7;

    private static final Logger LOG = LoggerFactory.getLogger(TariffPush.class);

    private final BillingEngine engine;
    private final GatewayJournal journal;
    private final ZoneId zone;
    private BillingConfig config;
    private byte[] document;
    /** The ledger's last entry when the last tick ended: a push re-rates only a ledger no change moved since. */
    private long seqAfterTick;

    TariffPush(BillingConfig config, byte[] document, BillingEngine engine, GatewayJournal journal, ZoneId zone) {
        this.config = config;
        this.document = document.clone();
        this.engine = engine;
        this.journal = journal;
        this.zone = zone;
    }

    /** The billing configuration's document as it stands, with every version pushed so far. */
    byte[] document() {
        return document.clone();
    }

    /** The gateway finished a tick, its ledger at {@code lastSeq}. */
    void ticked(long lastSeq) {
        seqAfterTick = lastSeq;
    }

    /**
     * Takes the version of {@code request}, after the tick {@code lastTick}, by the gateway's {@code clock}.
     *
     * @param decisions told the relay decisions the adjustments make
     * @throws TariffPushRefusedException naming the rule the request broke
     */
    TariffPushed push(PushTariff request, Instant lastTick, Instant clock, Consumer<RelayDecision> decisions)
            throws TariffPushRefusedException {
        TariffVersion version = versionOf(request);
        int number = request.versionNumber();
        int held = config.schedule().versions().size();
        if (number <= held) {
            return again(number, version);
        }
        if (number > held + 1) {
            throw new TariffPushRefusedException("TARIFF_VERSION_SKIPPED", "The gateway's schedule holds "
                    + held + " versions, so the next is version " + (held + 1) + ", not " + number
                    + "; pull the billing configuration and draft the next version from it.");
        }
        TariffSchedule schedule = appended(version);
        checkBound(version.effectiveFrom(), lastTick, clock);
        if (engine.lastSeq() != seqAfterTick) {
            throw new TariffPushRefusedException("TARIFF_PUSH_BUSY", "The ledger moved since the gateway's last "
                    + "quarter hour (a meter exchange, a move or a correction); push again after "
                    + lastTick.plus(Reading.INTERVAL).atZone(zone).toLocalTime() + ".");
        }
        return take(number, version, schedule, lastTick, decisions);
    }

    /** The one version the request's tariff file holds, checked against the site's tariff. */
    private TariffVersion versionOf(PushTariff request) throws TariffPushRefusedException {
        TariffSchedule file;
        try {
            file = TariffFile.parse(request.tariffFile());
        } catch (InvalidTariffException e) {
            throw invalid(e.problems());
        } catch (IOException e) {
            throw new TariffPushRefusedException("TARIFF_INVALID", "The tariff file could not be read: "
                    + e.getMessage());
        }
        if (file.tariffId() == null || file.currency() == null) {
            throw invalid(List.of(new TariffProblem(file.tariffId() == null ? "tariffId" : "currency",
                    "is required")));
        }
        if (!config.schedule().tariffId().equals(file.tariffId())) {
            throw invalid(List.of(new TariffProblem("tariffId", "must be the site's default tariff "
                    + config.schedule().tariffId() + ", was " + file.tariffId())));
        }
        if (file.versions().size() != 1) {
            throw invalid(List.of(new TariffProblem("versions", "must hold the one version pushed, held "
                    + file.versions().size())));
        }
        if (!config.schedule().currency().equals(file.currency())) {
            throw new TariffPushRefusedException("TARIFF_CURRENCY", "The site bills in "
                    + config.schedule().currency() + " and the version prices in " + file.currency()
                    + "; a tariff's versions keep its currency.");
        }
        return file.versions().get(0);
    }

    /**
     * A version pushed again: the same content is answered as before (a version the site began with as known since
     * the epoch), other content under its number refused.
     */
    private TariffPushed again(int number, TariffVersion version) throws TariffPushRefusedException {
        if (!config.schedule().versions().get(number - 1).equals(version)) {
            throw new TariffPushRefusedException("TARIFF_VERSION_TAKEN", "The gateway's version " + number
                    + " has other content; a version is never changed, so push a new one as version "
                    + (config.schedule().versions().size() + 1) + ".");
        }
        Instant knownAt = config.pushed().stream().filter(p -> p.versionNumber() == number)
                .map(PushedVersion::knownAt).findFirst().orElse(Instant.EPOCH);
        return new TariffPushed(number, digest(), knownAt, true, List.of());
    }

    /** The schedule with {@code version} as its newest, validated as a whole. */
    private TariffSchedule appended(TariffVersion version) throws TariffPushRefusedException {
        List<TariffVersion> versions = new ArrayList<>(config.schedule().versions());
        versions.add(version);
        TariffSchedule schedule = new TariffSchedule(config.schedule().tariffId(), config.schedule().currency(),
                versions);
        List<TariffProblem> problems = TariffValidator.problems(schedule);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return schedule;
    }

    private void checkBound(LocalDateTime effective, Instant lastTick, Instant clock)
            throws TariffPushRefusedException {
        LocalDateTime bound = bound(lastTick, clock);
        if (effective.isBefore(bound)) {
            throw new TariffPushRefusedException("TARIFF_TOO_LATE", "The version takes effect " + effective
                    + ", before " + bound + ", the oldest time the gateway still re-rates (" + CORRECTABLE_DAYS
                    + " site days back, within the month of the last minimum charge taken); correct older days "
                    + "by reconciliation.");
        }
    }

    /** The earliest effective time the gateway takes: see the class's comment. */
    LocalDateTime bound(Instant lastTick, Instant clock) {
        LocalDate today = clock.atZone(zone).toLocalDate();
        LocalDateTime week = today.minusDays(CORRECTABLE_DAYS).atStartOfDay();
        LocalDate monthStart = today.withDayOfMonth(1);
        // The minimum of the month that ended is taken by the new month's first tick.
        boolean minimumTaken = lastTick.isAfter(monthStart.atStartOfDay(zone).toInstant());
        LocalDateTime month = (minimumTaken ? monthStart.minusMonths(1) : monthStart.minusMonths(2)).atStartOfDay();
        return week.isAfter(month) ? week : month;
    }

    /** Re-rates every account, and only when each can be re-rated, posts and takes the new schedule. */
    private TariffPushed take(int number, TariffVersion version, TariffSchedule schedule, Instant lastTick,
            Consumer<RelayDecision> decisions) throws TariffPushRefusedException {
        Rater now = new Rater(schedule, zone, config.terms().calendar()::isHoliday);
        long afterSeq = engine.lastSeq();
        LateTariff.Plan plan;
        Accounts accounts = new Accounts(lastTick);
        try {
            plan = LateTariff.plan(engine, now, customerId -> accounts.of(customerId, version.effectiveFrom()));
        } catch (LateTariff.NotReratable e) {
            throw unsupported(e.customerId(), e.getMessage());
        } catch (IllegalStateException e) {
            throw unsupported(accounts.current, e.getMessage());
        }
        if (plan.adjustmentCount() > TariffPushed.MAX_POSTED) {
            throw new TariffPushRefusedException("TARIFF_PUSH_TOO_LARGE", "The version would post "
                    + plan.adjustmentCount() + " adjustments, more than the " + TariffPushed.MAX_POSTED
                    + " one answer carries; push it with a later effective time, or correct the older days by "
                    + "reconciliation.");
        }
        LateTariff.Pushed pushed = LateTariff.apply(engine, plan, lastTick);
        pushed.decisions().forEach(decisions);
        config = config.withPushed(version, new PushedVersion(number, lastTick, afterSeq));
        document = BillingConfigDocument.encode(config);
        LOG.info("Tariff version {} in force from {} posted {} adjustments.", number, version.effectiveFrom(),
                pushed.adjustments().size());
        return new TariffPushed(number, digest(), lastTick, false, pushed.adjustments());
    }

    private static TariffPushRefusedException unsupported(String customerId, String why) {
        return new TariffPushRefusedException("TARIFF_RERATE_UNSUPPORTED", "The gateway cannot re-rate customer "
                + customerId + " from the opening, so it posts nothing: " + why + " Correct the customer's days "
                + "by reconciliation instead.");
    }

    /** The accounts as re-rating needs them, with the history of which meters billed each, read once a push. */
    private final class Accounts {

        private final Instant lastTick;
        private final AccountHistory history;
        private final Instant siteOpened;
        /** The customer whose account is being read, named when its readings fall short. */
        private String current;

        Accounts(Instant lastTick) {
            this.lastTick = lastTick;
            Map<String, String> meterNow = new HashMap<>();
            Map<String, Instant> openings = new HashMap<>();
            for (String customerId : engine.customers()) {
                meterNow.put(customerId, engine.meterOf(customerId));
                openings.put(customerId, engine.openedAt(customerId));
            }
            this.siteOpened = openings.values().stream().min(Instant::compareTo).orElse(lastTick);
            this.history = AccountHistory.of(meterNow, openings, journal.events(siteOpened,
                    lastTick.plus(Duration.ofDays(1))).stream()
                    .filter(e -> AccountHistory.SITE_CHANGES.contains(e.kind())).toList());
        }

        /**
         * The account as re-rating needs it: the readings billed to it from the opening to the last tick across
         * its meters, their fills and corrections; null for an account closed before the version took effect,
         * which nothing moves.
         *
         * @throws IllegalStateException when a final reading the account billed is not among the kept readings
         */
        BilledAccount of(String customerId, LocalDateTime effective) {
            current = customerId;
            Instant closedAt = engine.closedAt(customerId).orElse(null);
            if (closedAt != null && closedAt.atZone(zone).toLocalDate().isBefore(effective.toLocalDate())) {
                return null;
            }
            Instant openedAt = engine.openedAt(customerId);
            List<String> meterIds = history.spans(customerId).stream().map(AccountHistory.Span::meterId).distinct()
                    .toList();
            if (meterIds.isEmpty()) {
                meterIds = List.of(engine.meterOf(customerId));
            }
            Map<String, List<Reading>> byMeter = new HashMap<>();
            Map<String, Map<Instant, List<Long>>> filled = new HashMap<>();
            Map<String, Map<Instant, Long>> corrected = new HashMap<>();
            for (String meterId : meterIds) {
                byMeter.put(meterId, journal.readingHistory().readings(meterId, Reading.intervalStartOf(openedAt),
                        lastTick));
                filled.put(meterId, journal.filledGaps(meterId));
                corrected.put(meterId, journal.correctedReads(meterId));
            }
            List<Reading> billed = history.spans(customerId).isEmpty() ? byMeter.get(meterIds.get(0))
                    : history.billedTo(customerId, byMeter, lastTick);
            LocalDate last = lastTick.minusNanos(1).atZone(zone).toLocalDate();
            return new BilledAccount(customerId, openedAt, closedAt, openedAt.isAfter(siteOpened), last, billed,
                    filled, corrected);
        }
    }

    private ByteString digest() {
        return ByteString.of(BillingConfigDocument.digest(document));
    }

    private static TariffPushRefusedException invalid(List<TariffProblem> problems) {
        return new TariffPushRefusedException("TARIFF_INVALID", "The tariff version is invalid: " + problems.stream()
                .map(TariffProblem::toString).collect(Collectors.joining("; ")) + ".");
    }
}
