package io.gridside.console.service;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.Charge;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.CustomerTariffs;
import io.gridside.billing.GapSpreading;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.billing.rerate.ChargeDetail;
import io.gridside.billing.rerate.CorrectedReadings;
import io.gridside.billing.rerate.DayLines;
import io.gridside.billing.rerate.LineDifference;
import io.gridside.billing.rerate.RatedInterval;
import io.gridside.billing.rerate.Rerating;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.message.RosterBatch;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerDays;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reconciles the gateway's ledger with the console's own rating, customer day by customer day.
 *
 * <p>Both ends summarise each customer's day by a digest ({@link LedgerDays}); the console takes a day's entries
 * from its store when its replica summarises the day alike and pulls only the days that differ or that it lacks.
 * It then re-rates every customer from the opening, with the gateway's tariff schedule and calendar and the
 * readings the gateway billed to the account: each meter's while it billed it, across exchanges, up to a move-out
 * ({@link AccountHistory}). It compares each charge line of each day in the window: a line the gateway
 * charged otherwise is a difference, and its correction is an adjustment that a supervisor can have the gateway
 * post. Adjustments already posted count in the line they correct, so a corrected day reconciles clean.
 */
public final class LedgerReconciliation {

    /**
     * What a reconciliation found.
     *
     * @param from the first day compared
     * @param to the last day compared
     * @param customerDays the customer days the gateway summarised in the window
     * @param pulled the customer days whose entries came over the link, the rest coming from the store: the window's
     *     days, and each customer's first day, which holds the opening
     * @param differences every line charged otherwise than the re-rating, in customer, day and line order
     * @param gatewayDigests the gateway's digest of each customer day, which a correction is based on
     * @param details for each difference, the intervals, days or months its line charged otherwise
     */
    public record Result(LocalDate from, LocalDate to, int customerDays, int pulled, List<LineDifference> differences,
            Map<CustomerDay, ByteString> gatewayDigests, Map<LineDifference, List<ChargeDetail>> details) {

        public Result {
            differences = List.copyOf(differences);
            gatewayDigests = Map.copyOf(gatewayDigests);
            details = Map.copyOf(details);
        }

        /** What explains {@code difference}: each reference its line charged otherwise, in reference order. */
        public List<ChargeDetail> detailsOf(LineDifference difference) {
            return details.getOrDefault(difference, List.of());
        }

        public boolean clean() {
            return differences.isEmpty();
        }

        /** The corrections of every difference, in requests small enough for the link. */
        public List<PostAdjustments> corrections() {
            return corrections(customerId -> true);
        }

        /** The corrections of the differences of the customers {@code include} takes, in requests for the link. */
        public List<PostAdjustments> corrections(java.util.function.Predicate<String> include) {
            List<PostAdjustments.Item> items = new ArrayList<>();
            for (LineDifference difference : differences) {
                if (!include.test(difference.customerDay().customerId())) {
                    continue;
                }
                items.add(new PostAdjustments.Item(difference.customerDay(), difference.line().label(),
                        difference.correction().reason().token(), difference.correction().amountMinor(),
                        gatewayDigests.get(difference.customerDay())));
            }
            List<PostAdjustments> requests = new ArrayList<>();
            for (int i = 0; i < items.size(); i += PostAdjustments.MAX_ADJUSTMENTS) {
                requests.add(new PostAdjustments(items.subList(i, Math.min(items.size(),
                        i + PostAdjustments.MAX_ADJUSTMENTS))));
            }
            return requests;
        }
    }

    /** What a gateway that summarises its ledger by customer day lists among its capabilities. */
    public static final String CAPABILITY = "ledger-days";
    /** What a gateway that fills estimated gaps from its meters' buffers says in its hello. */
    static final String GAP_FILLS = "gap-fills";
    /** The capability of a gateway that takes reads from a console, and so may have corrected registers. */
    static final String READ_INTAKE = "read-intake";

    private final GatewayClient client;
    private final SiteStore store;
    private final ZoneId zone;
    private final CancelSignal cancel;

    private LedgerReconciliation(GatewayClient client, SiteStore store, CancelSignal cancel) {
        this.client = client;
        this.store = store;
        this.zone = ZoneId.of(client.hello().timeZone());
        this.cancel = cancel;
    }

    /**
     * Reconciles the days from {@code from} to {@code to}.
     *
     * @param from the first day, or null for the first day of the gateway's ledger
     * @param to the last day, or null for the gateway's yesterday: the last day it has finished billing
     * @throws LinkException when the gateway cannot be asked, or sends a day that does not match its digest
     */
    public static Result run(GatewayClient client, SiteStore store, LocalDate from, LocalDate to,
            CancelSignal cancel) throws LinkException {
        return new LedgerReconciliation(client, store, cancel).run(from, to);
    }

    private Result run(LocalDate from, LocalDate to) throws LinkException {
        if (!client.hello().capabilities().contains(CAPABILITY)) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "This gateway does not summarise its ledger "
                    + "by customer day, so it cannot be reconciled this way; use 'connect ... audit', which pulls "
                    + "the whole ledger (LEDGER_DAYS_UNSUPPORTED)");
        }
        client.ping();
        // The gateway posts a day's charges when the day ends: a day under way has charges accrued but not posted,
        // which re-rating would take for missing, and posting its "corrections" would charge them twice.
        LocalDate lastClosed = client.lastGatewayClock().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to != null && to.isBefore(lastClosed) ? to : lastClosed;
        Map<CustomerDay, LedgerDayDigest> gateway = new TreeMap<>();
        client.billing().ledgerDayDigests(null, last, cancel).forEach(d -> gateway.put(d.customerDay(), d));
        LocalDate first = from != null ? from
                : gateway.keySet().stream().map(CustomerDay::day).min(LocalDate::compareTo).orElse(last);

        List<CustomerDay> needed = needed(gateway, first, last);
        Map<CustomerDay, List<LedgerEntry>> entries = new HashMap<>();
        int pulled = fetch(needed, gateway, entries);

        Map<CustomerDay, ByteString> digests = new LinkedHashMap<>();
        gateway.forEach((day, digest) -> digests.put(day, digest.digest()));
        Compared compared = compare(entries, gateway, first, last);
        long inWindow = gateway.keySet().stream().filter(d -> within(d.day(), first, last)).count();
        return new Result(first, last, (int) inWindow, pulled, compared.differences(), digests, compared.details());
    }

    /** Every customer day in the window, and each customer's first day, which holds the opening. */
    private static List<CustomerDay> needed(Map<CustomerDay, LedgerDayDigest> gateway, LocalDate first,
            LocalDate last) {
        Map<String, CustomerDay> firstDays = new LinkedHashMap<>();
        List<CustomerDay> needed = new ArrayList<>();
        for (CustomerDay day : gateway.keySet()) {
            firstDays.putIfAbsent(day.customerId(), day);
            if (within(day.day(), first, last) || firstDays.get(day.customerId()).equals(day)) {
                needed.add(day);
            }
        }
        return needed;
    }

    /**
     * Takes each needed day's entries from the store when the store's replica summarises it as the gateway does,
     * and pulls the rest; returns how many were pulled.
     */
    private int fetch(List<CustomerDay> needed, Map<CustomerDay, LedgerDayDigest> gateway,
            Map<CustomerDay, List<LedgerEntry>> entries) throws LinkException {
        Map<CustomerDay, List<LedgerEntry>> held = LedgerDays.split(store.ledger(), zone);
        List<CustomerDay> missing = new ArrayList<>();
        for (CustomerDay day : needed) {
            List<LedgerEntry> mine = held.get(day);
            if (mine != null && LedgerDays.digest(day, mine).equals(gateway.get(day))) {
                entries.put(day, mine);
            } else {
                missing.add(day);
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        List<LedgerEntry> arrived = client.billing().ledgerDays(missing, cancel).stream()
                .map(LedgerLink::entry).toList();
        Map<CustomerDay, List<LedgerEntry>> byDay = LedgerDays.split(arrived, zone);
        for (CustomerDay day : missing) {
            List<LedgerEntry> got = byDay.getOrDefault(day, List.of());
            if (got.isEmpty() || !LedgerDays.digest(day, got).equals(gateway.get(day))) {
                throw new LinkException(LinkException.Code.INCOMPLETE, "The gateway sent the ledger of " + day
                        + " otherwise than its digest of the day says; reconcile again.");
            }
            entries.put(day, got);
        }
        return missing.size();
    }

    /** The lines that differ, and what explains each. */
    private record Compared(List<LineDifference> differences, Map<LineDifference, List<ChargeDetail>> details) {
    }

    /**
     * Re-rates every customer from the opening, following the meters that billed the account and its close, and
     * compares the window's lines with the gateway's.
     */
    private Compared compare(Map<CustomerDay, List<LedgerEntry>> entries,
            Map<CustomerDay, LedgerDayDigest> gateway, LocalDate first, LocalDate last) throws LinkException {
        BillingConfig config = billingConfig();
        Rater rater = config.rater(zone);
        CustomerTariffs tariffs = config.customerTariffs(zone);
        Map<String, Instant> openings = openings(entries);
        Map<String, List<Reading>> readings = corrected(readings(openings, last));
        AccountHistory history = AccountHistory.of(meters(), openings, SiteChangeEvents.of(client, store,
                openings.values().stream().min(Instant::compareTo).orElse(null), cancel));
        Map<String, Map<Instant, List<Long>>> fills = fills(openings, last);

        List<LedgerEntry> windowEntries = new ArrayList<>();
        List<CustomerDay> windowDays = new ArrayList<>();
        entries.forEach((day, list) -> {
            if (within(day.day(), first, last)) {
                windowEntries.addAll(list);
            }
        });
        gateway.keySet().stream().filter(d -> within(d.day(), first, last)).forEach(windowDays::add);
        DayLines charged = DayLines.ofLedger(windowEntries, zone);

        Map<CustomerDay, List<Charge>> rerated = new HashMap<>();
        Instant siteOpened = openings.values().stream().min(Instant::compareTo).orElse(Instant.MIN);
        for (Map.Entry<String, Instant> opening : openings.entrySet()) {
            String customerId = opening.getKey();
            if (history.spans(customerId).isEmpty()) {
                // Shortcoming: a customer that neither the roster nor an exchange or move-out event names has no
                // meter to re-rate by, so their days show the gateway's charges as differences. Only a gateway
                // that serves no event log can leave one so; reconcile does not yet refuse to correct them.
                continue;
            }
            LocalDate lastDay = history.closedAt(customerId).map(this::day).filter(d -> d.isBefore(last))
                    .orElse(last);
            Instant until = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
            Map<CustomerDay, List<Charge>> charges = rate(tariffs.raterOf(customerId, rater), customerId,
                    opening.getValue(), lastDay, billedTo(history, customerId, readings, until), fills);
            history.closedAt(customerId).ifPresent(closed -> dropUnchargedDays(charges, opening.getValue(), closed));
            if (opening.getValue().isAfter(siteOpened)) {
                dropMoveInDay(charges, opening.getValue());
            }
            rerated.putAll(charges);
            for (LocalDate day = max(first, day(opening.getValue())); !day.isAfter(lastDay); day = day.plusDays(1)) {
                windowDays.add(new CustomerDay(customerId, day));
            }
        }
        List<LineDifference> differences = LineDifference.between(charged, DayLines.ofCharges(rerated), windowDays);
        Map<LineDifference, List<ChargeDetail>> details = new HashMap<>();
        for (LineDifference difference : differences) {
            details.put(difference, ChargeDetail.explaining(difference,
                    entries.getOrDefault(difference.customerDay(), List.of()),
                    rerated.getOrDefault(difference.customerDay(), List.of())));
        }
        return new Compared(differences, details);
    }

    /**
     * Takes out the standing and minimum charges of the days a closed account never reached a tick in. A gateway
     * charges a site day's standing and minimum charges at the day's first tick (00:15); an account that closes
     * before it, or before its own first tick, is not charged them, though its last energy may fall on that day.
     */
    private void dropUnchargedDays(Map<CustomerDay, List<Charge>> charges, Instant opened, Instant closed) {
        Instant lastTick = Reading.intervalStartOf(closed);
        LocalDate lastCharged = lastTick.isAfter(opened) ? day(lastTick.minusNanos(1)) : day(opened).minusDays(1);
        charges.replaceAll((day, list) -> day.day().isAfter(lastCharged) ? list.stream()
                .filter(c -> c.kind() != EntryKind.STANDING_CHARGE && c.kind() != EntryKind.MINIMUM_CHARGE).toList()
                : list);
    }

    /**
     * Takes out the standing and minimum charges of a move-in's day when the account opened at or after the day's
     * first tick: the gateway charges that day to the account open at the tick, the one that moved out (decision
     * 0037).
     */
    private void dropMoveInDay(Map<CustomerDay, List<Charge>> charges, Instant opened) {
        LocalDate day = day(opened);
        if (opened.isBefore(day.atStartOfDay(zone).toInstant().plus(Reading.INTERVAL))) {
            return;
        }
        charges.replaceAll((customerDay, list) -> customerDay.day().equals(day) ? list.stream()
                .filter(c -> c.kind() != EntryKind.STANDING_CHARGE && c.kind() != EntryKind.MINIMUM_CHARGE).toList()
                : list);
    }

    private static List<Reading> billedTo(AccountHistory history, String customerId,
            Map<String, List<Reading>> readings, Instant until) throws LinkException {
        try {
            return history.billedTo(customerId, readings, until);
        } catch (IllegalStateException e) {
            throw new LinkException(LinkException.Code.INCOMPLETE, e.getMessage());
        }
    }

    /** One customer's charges of each day from the opening to {@code last}, by the readings the gateway billed. */
    private Map<CustomerDay, List<Charge>> rate(Rater rater, String customerId, Instant openedAt, LocalDate last,
            List<Reading> billed, Map<String, Map<Instant, List<Long>>> fills) {
        LocalDate opened = day(openedAt);
        Instant firstInterval = Reading.intervalStartOf(openedAt);
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        // The gateway spreads a gap's rise over its quarter hours as it bills the reading that closes it; a gap is
        // one meter's, so each meter the account was billed by is spread on its own.
        Map<String, List<Reading>> byMeter = new LinkedHashMap<>();
        billed.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        List<RatedInterval> intervals = new ArrayList<>();
        byMeter.forEach((meterId, meterReadings) -> RatedInterval.asBilled(meterReadings, new GapSpreading(zone),
                firstInterval, fills.getOrDefault(meterId, Map.of())).stream()
                .filter(i -> !i.reading().intervalStart().isBefore(firstInterval) && !i.billedAt().isAfter(end))
                .forEach(intervals::add));
        Rerating.Window window = new Rerating.Window(customerId, opened, last, RatingState.openedOn(opened));
        return Rerating.charges(window, new Rerating.Inputs(rater, intervals));
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private BillingConfig billingConfig() throws LinkException {
        if (client.hello().capabilities().contains("billing-config")) {
            return BillingConfigDocument.decode(client.billingConfig(cancel));
        }
        return new BillingConfig(TariffSchedule.flat(client.site().tariff()), CreditTerms.PLAIN);
    }

    /** The meters the roster gives now, each with the customer it bills. */
    private List<Meter> meters() throws LinkException {
        List<RosterBatch.Entry> roster = new ArrayList<>();
        client.roster((batch, received, total) -> roster.addAll(batch), cancel);
        return roster.stream().map(RosterBatch.Entry::meter).toList();
    }

    /** Each customer's opening, from the entries of their first day. */
    private static Map<String, Instant> openings(Map<CustomerDay, List<LedgerEntry>> entries) {
        Map<String, Instant> openings = new TreeMap<>();
        entries.values().forEach(list -> list.stream().filter(e -> e.kind() == EntryKind.OPENING)
                .forEach(e -> openings.merge(e.customerId(), e.at(), (a, b) -> a.isBefore(b) ? a : b)));
        return openings;
    }

    /**
     * The readings the gateway billed from the earliest opening to the end of the window, by meter.
     *
     * <p>Shortcoming: they are asked for whole on every reconcile, since re-rating runs from each opening; on a
     * week of 200 meters that is most of what a reconcile moves. Readings by day digest, or a rating state the
     * gateway hands over at a day's start, would spare it.
     */
    private Map<String, List<Reading>> readings(Map<String, Instant> openings, LocalDate last) throws LinkException {
        Map<String, List<Reading>> byMeter = new HashMap<>();
        if (openings.isEmpty()) {
            return byMeter;
        }
        Instant start = Reading.intervalStartOf(openings.values().stream().min(Instant::compareTo).orElseThrow());
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        client.readings(start, end, (batch, received, total) -> batch.forEach(
                r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r)), cancel);
        return byMeter;
    }

    /**
     * The gaps the gateway's meters filled with their buffered quarter hours, by meter and then gap start, over the
     * same span as {@link #readings}; none from a gateway that does not fill gaps.
     */
    private Map<String, Map<Instant, List<Long>>> fills(Map<String, Instant> openings, LocalDate last)
            throws LinkException {
        Map<String, Map<Instant, List<Long>>> byMeter = new HashMap<>();
        if (openings.isEmpty() || !client.hello().capabilities().contains(GAP_FILLS)) {
            return byMeter;
        }
        Instant start = Reading.intervalStartOf(openings.values().stream().min(Instant::compareTo).orElseThrow());
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        client.billing().gapFills(start, end, cancel).forEach(fill -> byMeter
                .computeIfAbsent(fill.meterId(), id -> new HashMap<>()).put(fill.gapStart(), fill.actualsWh()));
        return byMeter;
    }

    /**
     * The readings with the registers that reads sent from a console corrected at the gateway in place (protocol
     * section 6.23), as the gateway re-rated them. The corrections are read from the gateway's log of signed
     * commands, counting only commands that check out, later ones over earlier; none from a gateway that takes no
     * reads from a console. The readings the gateway serves stay as billed, as a filled gap's do. The log read
     * is kept in the site database, as every read of it is (decision 0092).
     */
    private Map<String, List<Reading>> corrected(Map<String, List<Reading>> readings) throws LinkException {
        if (readings.isEmpty() || !client.hello().capabilities().contains(READ_INTAKE)) {
            return readings;
        }
        List<CommandsBatch.Entry> log = new ArrayList<>();
        client.billing().commands(0, (batch, received, total) -> log.addAll(batch), cancel);
        KeptCommandLog.keepRead(store, client.hello(), log);
        Map<String, Map<Instant, Long>> byMeter = new HashMap<>();
        for (CommandAudit.Verified command : CommandAudit.verify(log, client.hello().siteId()).verified()) {
            if (command.answer() instanceof ReadingsTaken taken) {
                taken.results().stream().filter(r -> r.outcome() == ReadingsTaken.Outcome.CORRECTED)
                        .forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new HashMap<>())
                                .put(r.readAt(), r.registerWh()));
            }
        }
        Map<String, List<Reading>> result = new HashMap<>(readings);
        byMeter.forEach((meterId, registers) -> result.computeIfPresent(meterId,
                (id, list) -> CorrectedReadings.apply(list, registers)));
        return result;
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
