package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.HelloReply;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.ledger.LedgerLink;
import io.gridside.site.store.LedgerConflictException;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls a site from its gateway into the site store: the roster and tariff (with each meter's feeder, where the
 * gateway knows them), every meter's status, the readings of a window, the ledger since the last entry held, the
 * signed commands logged since the last one kept ({@link KeptCommandLog}), the event log and the mesh's history by
 * day where the gateway's day digests differ from the store's ({@link HistoryPull}; from a gateway without them,
 * the event log since the latest event held), and one snapshot of the mesh topology at the end of the window unless
 * it is held already. Each batch (each day, for history by day) is written in its own transaction as it arrives,
 * so a dropped link or a cancel keeps everything that came before it, and pulling again never stores anything
 * twice.
 */
public final class SitePull {

    private static final Logger LOG = LoggerFactory.getLogger(SitePull.class);

    /**
     * What one pull brought in.
     *
     * @param topologyAt the moment of the mesh snapshot the pull asked for, or null when it asked for none
     * @param topologyNew whether the pull stored a snapshot the store did not hold
     * @param daysCompared the site days whose history digests were compared with the store's
     * @param daysFetched of those, the days whose events or mesh history were fetched because they differed
     * @param meshBytes the bytes of mesh history fetched
     * @param commandsReceived the signed commands read from the gateway's command log
     * @param commandsNew of those, the commands the site database did not keep yet
     */
    public record Result(SiteReply site, List<MeterStatus> statuses, long readingsReceived, long readingsNew,
            long ledgerReceived, long ledgerNew, long eventsReceived, long eventsNew, Instant topologyAt,
            boolean topologyNew, int daysCompared, int daysFetched, long meshBytes, long commandsReceived,
            long commandsNew) {
    }

    private SitePull() {
    }

    /** A site database holds one site of one gateway; another's data must never be mixed into it. */
    private static void checkSameSite(SiteStore store, SiteReply site, HelloReply hello) {
        store.site().ifPresent(held -> {
            String gateway = store.gatewayId().orElse("?");
            if (!held.siteId().equals(site.site().siteId()) || !gateway.equals(hello.gatewayId())) {
                throw new SiteMismatchException("site.mismatch.pull", "The site database " + store.file()
                        + " holds site " + held.siteId() + " of gateway " + gateway + ", but the gateway answering is "
                        + hello.gatewayId() + " of site " + site.site().siteId() + ". Nothing was pulled; use that "
                        + "site's own database.", store.file(), held.siteId(), gateway, hello.gatewayId(),
                        site.site().siteId());
            }
        });
    }

    public static Result run(GatewayClient client, SiteStore store, Instant from, Instant to, Progress progress,
            CancelSignal cancel) throws LinkException {
        progress.update(Sentence.of("pull.site"), 0, -1);
        SiteReply site = client.site();
        HelloReply hello = client.hello();
        checkSameSite(store, site, hello);
        store.saveSite(site.site(), hello.gatewayId());
        store.saveTariff(site.tariff());
        pullRoster(client, store, progress, cancel);

        progress.update(Sentence.of("pull.status"), 0, -1);
        List<MeterStatus> statuses = client.meterStatus();
        store.saveStatuses(statuses);

        long[] readingsNew = {0};
        long readings = client.readings(from, to, (batch, received, total) -> {
            readingsNew[0] += store.insertReadings(batch);
            progress.update(Sentence.of("pull.readings"), received, total);
        }, cancel);
        // The window's first and last days are seldom whole: they join their days' compact blocks now.
        store.compactReadings();
        // VEE judges reads from the future by the gateway's clock as the readings were pulled.
        Instant clockAtReadings = client.lastGatewayClock();
        store.setPulledGatewayClock(clockAtReadings);

        // The last entry held is pulled again: if the gateway's history changed, it no longer matches.
        // A replacement restored with the replica's ledger (section 6.41) serves it from entry 1, so a database that
        // holds no entry yet pulls a replaced site as any other. One whose firmware predates that holds the ledger
        // from the replica's tip on: the pull stops (INCOMPLETE) and tells the technician to copy the database of the
        // console that replaced the gateway.
        long held = store.lastLedgerSeq();
        long[] ledgerNew = {0};
        Instant[] lastBilled = {Instant.EPOCH};
        long ledger = client.ledgerLinks(Math.max(0, held - 1), (batch, received, total) -> {
            batch.forEach(link -> lastBilled[0] = link.entry().at().isAfter(lastBilled[0]) ? link.entry().at()
                    : lastBilled[0]);
            ledgerNew[0] += store.insertLedger(batch.stream().map(LedgerLink::entry).toList(),
                    batch.stream().map(LedgerLink::hash).toList());
            progress.update(Sentence.of("pull.ledger"), received, total);
        }, cancel);
        if (held > 0 && ledger == 0) {
            throw LedgerConflictException.shorter(held);
        }
        readings += catchUpReadings(client, store, to, clockAtReadings, lastBilled[0], readingsNew, cancel);

        pullBillingConfig(client, store, cancel);
        pullCashBook(client, store, cancel);
        // The commands vouch for the ledger's cash: kept now, the audit of a replacement can check the dead
        // gateway's part of the ledger even if this laptop never audited the site before the gateway died.
        KeptCommandLog.Read commands = KeptCommandLog.pull(client, store, cancel);

        long[] eventsNew = {0};
        long events;
        HistoryPull.Result history = HistoryPull.Result.NONE;
        if (HistoryPull.offered(client)) {
            history = HistoryPull.run(client, store, from, to, progress, cancel);
            events = history.eventsReceived();
            eventsNew[0] = history.eventsNew();
        } else {
            events = pullEvents(client, store, to, progress, cancel, eventsNew);
        }

        Instant topologyAt = topologyTime(client, to);
        boolean topologyNew = pullTopology(client, store, topologyAt, progress);

        LOG.info("Pulled {} readings ({} new), {} ledger entries ({} new), {} signed commands ({} new) and {} "
                + "events ({} new) from site {}; compared {} days of history and fetched {}.", readings,
                readingsNew[0], ledger, ledgerNew[0], commands.received(), commands.kept(), events, eventsNew[0],
                site.site().siteId(), history.daysCompared(), history.daysFetched());
        return new Result(site, statuses, readings, readingsNew[0], ledger, ledgerNew[0], events, eventsNew[0],
                topologyAt, topologyNew, history.daysCompared(), history.daysFetched(), history.meshBytes(),
                commands.received(), commands.kept());
    }

    /**
     * Pulls again the readings of the quarter hours the gateway closed and billed while its ledger was pulled, when
     * the window reached the gateway's clock: a replay of the store (an audit, or the gap a replacement bills from
     * this replica, decision 0089) must find every reading the ledger billed. A window of the past, or a ledger
     * that billed nothing past the readings pulled, pulls nothing more. Returns the readings received.
     *
     * @param lastBilled the time of the last ledger entry pulled
     */
    private static long catchUpReadings(GatewayClient client, SiteStore store, Instant to, Instant clockAtReadings,
            Instant lastBilled, long[] readingsNew, CancelSignal cancel) throws LinkException {
        Instant lastOpen = Reading.intervalStartOf(clockAtReadings);
        if (to.isBefore(lastOpen) || !lastBilled.isAfter(lastOpen)) {
            return 0;
        }
        long received = client.readings(lastOpen.minus(Reading.INTERVAL), lastBilled,
                (batch, count, total) -> readingsNew[0] += store.insertReadings(batch), cancel);
        store.compactReadings();
        // The gateway's clock had reached the entry's time, so its readings are no reads from the future.
        store.setPulledGatewayClock(lastBilled);
        LOG.info("The gateway billed a quarter hour while its ledger was pulled; pulled its {} readings too.",
                received);
        return received;
    }

    /**
     * Pulls the customers with their meters, each batch stored as it arrives, and from a gateway that lists
     * {@code feeders} the map of which feeder supplies each meter, stored whole once the roster is in. A gateway
     * that does not list them says nothing of its wiring, so the map held is left as it is.
     */
    private static void pullRoster(GatewayClient client, SiteStore store, Progress progress, CancelSignal cancel)
            throws LinkException {
        Map<String, String> feeders = new LinkedHashMap<>();
        client.roster((batch, received, total) -> {
            store.saveRoster(batch.stream().map(RosterBatch.Entry::customer).toList(),
                    batch.stream().map(RosterBatch.Entry::meter).toList());
            batch.stream().filter(entry -> entry.feeder() != null)
                    .forEach(entry -> feeders.put(entry.meter().meterId(), entry.feeder()));
            progress.update(Sentence.of("pull.roster"), received, total);
        }, cancel);
        if (client.hello().capabilities().contains(GetRoster.FEEDERS)) {
            store.saveFeeders(feeders);
            LOG.info("Pulled the feeders of {} meters.", feeders.size());
        }
    }

    /**
     * Keeps the tariff schedule and credit terms the gateway bills with, which the audit replays with. A gateway
     * that does not advertise {@code billing-config} is taken to bill at the flat tariff under plain terms.
     */
    private static void pullBillingConfig(GatewayClient client, SiteStore store, CancelSignal cancel)
            throws LinkException {
        if (!client.hello().capabilities().contains("billing-config")) {
            return;
        }
        byte[] document = client.billingConfig(cancel);
        boolean fresh = store.saveBillingConfig(BillingConfigDocument.digest(document), document,
                client.lastGatewayClock());
        LOG.info("Pulled the gateway's billing configuration ({} bytes, {}).", document.length,
                fresh ? "new" : "unchanged");
    }

    /**
     * Keeps the gateway's whole cash book, receipts and voids, so that a cash-up can be made from the site file; a
     * gateway that does not advertise {@code cash-book} keeps none.
     */
    private static void pullCashBook(GatewayClient client, SiteStore store, CancelSignal cancel)
            throws LinkException {
        if (!client.hello().capabilities().contains("cash-book")) {
            return;
        }
        long[] fresh = {0};
        long lines = client.billing().cashBook(null, null,
                (batch, received, total) -> fresh[0] += store.insertCashBook(batch), cancel);
        LOG.info("Pulled the gateway's cash book: {} lines, {} new.", lines, fresh[0]);
    }

    /**
     * Pulls the events up to {@code to} from the latest one held on, that one's time included, so that a second
     * pull brings only what is new; events held already are known by the gateway's number and stored once. A
     * gateway without an event log is not asked.
     */
    private static long pullEvents(GatewayClient client, SiteStore store, Instant to, Progress progress,
            CancelSignal cancel, long[] added) throws LinkException {
        if (!client.hello().capabilities().contains("events")) {
            return 0;
        }
        Instant from = store.latestEventAt().orElse(Instant.EPOCH);
        if (!from.isBefore(to)) {
            return 0;
        }
        return client.events(from, to, (batch, received, total) -> {
            added[0] += store.insertEvents(batch);
            progress.update(Sentence.of("pull.events"), received, total);
        }, cancel);
    }

    /**
     * The moment of the mesh snapshot a pull up to {@code to} keeps: the quarter hour that holds {@code to}, or
     * the gateway's clock when that is earlier; null for a gateway that keeps no topology.
     */
    private static Instant topologyTime(GatewayClient client, Instant to) {
        if (!client.hello().capabilities().contains("topology")) {
            return null;
        }
        Instant clock = client.lastGatewayClock();
        return Reading.intervalStartOf(to.isAfter(clock) ? clock : to);
    }

    /**
     * Pulls and stores the mesh as it stood at {@code at}, unless a snapshot of that moment is held already; returns
     * whether a new one was stored. A gateway whose topology history does not reach back to {@code at} costs the
     * pull nothing but the snapshot: billing data matters more than the mesh's past.
     */
    private static boolean pullTopology(GatewayClient client, SiteStore store, Instant at, Progress progress)
            throws LinkException {
        if (at == null || store.holdsTopology(at)) {
            return false;
        }
        progress.update(Sentence.of("pull.topology"), 0, -1);
        TopologySnapshot snapshot;
        try {
            snapshot = client.topology(at);
        } catch (LinkException e) {
            if (!"TOPOLOGY_OUT_OF_RANGE".equals(e.gatewayCode())) {
                throw e;
            }
            LOG.info("The gateway holds no mesh topology of {}; the pull goes on without it: {}", at, e.getMessage());
            return false;
        }
        return store.insertTopology(snapshot);
    }
}
